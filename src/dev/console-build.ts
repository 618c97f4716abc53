/**
 * The web console's Vite build (src/console/ -> dist/console/), for `npm run build` and for the
 * browser tests (test/helpers/console.ts builds into a temporary folder keyed by the sources' hash).
 *
 * One multi-page build: every `src/console/<app>/index.html` is an entry (account, admin), so
 * their shared code (client, i18n, layout, sign-in) lands in chunks both load. JSX goes through
 * Vite's own Oxc transform with Preact's automatic runtime (no Babel, no @preact/preset-vite).
 * Nothing is inlined: the server's CSP allows scripts and styles from files of its own origin only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';
import { CONSOLE_BUILD_STAMP } from '../server/console.js';

export const CONSOLE_SOURCE = fileURLToPath(new URL('../console/', import.meta.url));
/** Where the server looks for it (src/server/console.ts's defaultConsoleDir). */
export const CONSOLE_OUT = fileURLToPath(new URL('../../dist/console/', import.meta.url));

/** The apps: folders of src/console with an index.html. */
export function consoleApps(root = CONSOLE_SOURCE): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

export function consoleViteConfig(outDir: string, root = CONSOLE_SOURCE): InlineConfig {
  return {
    root,
    configFile: false,
    // Must match src/server/console.ts's CONSOLE_ASSETS_PATH.
    base: '/console/',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      // The modulepreload polyfill is for browsers without <link rel=modulepreload>; all we support have it.
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rolldownOptions: { input: Object.fromEntries(consoleApps(root).map((app) => [app, join(root, app, 'index.html')])) },
    },
  };
}

/** Builds the console into `outDir` (default dist/console). */
export async function buildConsole(outDir = CONSOLE_OUT): Promise<void> {
  await build(consoleViteConfig(outDir));
  writeFileSync(join(outDir, CONSOLE_BUILD_STAMP), `${consoleSourceHash()}\n`);
}

/** A hash of every source file of the console and of this build script. */
export function consoleSourceHash(root = CONSOLE_SOURCE): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${relative(root, path)}\0`).update(readFileSync(path));
    }
  };
  walk(root);
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  return hash.digest('hex');
}

/**
 * Whether `outDir` holds a build of the current sources: `npm start`, `npm run gatehouse` and every
 * test run build first, and the console need not be rebuilt when nothing changed.
 */
export function consoleIsFresh(outDir = CONSOLE_OUT): boolean {
  try {
    return readFileSync(join(outDir, CONSOLE_BUILD_STAMP), 'utf8').trim() === consoleSourceHash();
  } catch {
    return false;
  }
}
