/**
 * The web console (CONSOLE, docs/console.md): the single-page apps `npm run build` writes to
 * dist/console/ (src/console/, built by Vite), served by this process. `/account` and `/admin`, and
 * every path under them, answer with their app's index.html (the app routes in the browser); the
 * hashed scripts and styles live under /console/assets/. Every response carries a strict
 * Content-Security-Policy (no inline script or style, nothing from another origin, no framing);
 * hashed assets are cached for a year, index.html is revalidated on every load.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config/index.js';

/** The console's apps: each is served at `/<name>` from `<dir>/<name>/index.html`. */
export const CONSOLE_APPS = ['account', 'admin'] as const;
/** Where the build puts the hashed assets (Vite's `base` + `assets/`). */
export const CONSOLE_ASSETS_PATH = '/console/assets/';

export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
/** Written by every build (src/dev/console-build.ts) beside the apps: the hash of its sources. */
export const CONSOLE_BUILD_STAMP = '.source-hash';
/** An asset's file name: Vite's `name-hash.ext`, never a path (no traversal out of assets/). */
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*$/;

/**
 * dist/console beside the bundled server (dist/server/main.mjs); from the sources (tsx), the
 * repository's dist/console, where `npm run build` writes it.
 */
export function defaultConsoleDir(): string {
  const bundled = !import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(bundled ? '../console/' : '../../dist/console/', import.meta.url));
}

export interface ConsoleOptions {
  /** The built console. @default defaultConsoleDir() */
  dir?: string;
}

export function useConsole(config: Pick<Config, 'console' | 'cookies'>, options: ConsoleOptions = {}): Plugin {
  const dir = options.dir ?? defaultConsoleDir();
  // The CSRF header the client must send, handed to it in a <meta> (no inline script is allowed).
  const csrfMeta = `<meta name="gatehouse-csrf-header" content="${config.cookies.csrfHeaders[0] ?? 'x-graphql-csrf'}">`;
  return {
    // Synchronous for every other path: an async hook would put every request through a promise.
    onRequest({ url, request, endResponse }) {
      const app = CONSOLE_APPS.find((name) => url.pathname === `/${name}` || url.pathname.startsWith(`/${name}/`));
      const isAsset = url.pathname.startsWith(CONSOLE_ASSETS_PATH);
      if (!config.console.enabled || (!app && !isAsset)) return;
      return serve(url, request, endResponse, app, isAsset);
    },
  };

  async function serve(url: URL, request: Request, endResponse: (response: Response) => void, app: string | undefined, isAsset: boolean): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      endResponse(respond(request, 405, null, { allow: 'GET, HEAD' }));
      return;
    }
    if (isAsset) {
      const name = url.pathname.slice(CONSOLE_ASSETS_PATH.length);
      const body = ASSET_NAME.test(name) ? await readIfFile(join(dir, 'assets', name)) : null;
      const type = CONTENT_TYPES[name.slice(name.lastIndexOf('.'))];
      endResponse(
        body && type
          ? respond(request, 200, body, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' })
          : respond(request, 404, 'Not found', { 'content-type': 'text/plain; charset=utf-8' }),
      );
      return;
    }
    if (config.console.needsCookies) {
      endResponse(
        notice(
          request,
          'The console signs in with cookies: start Gatehouse with AUTH_COOKIES=true (and AUTH_COOKIE_SECURE=false over plain http other than localhost).',
        ),
      );
      return;
    }
    const html = await readIfFile(join(dir, app!, 'index.html'));
    if (!html) {
      // Built, but without this app (a build from before it existed): not found, not "build it".
      const built = (await readIfFile(join(dir, CONSOLE_BUILD_STAMP))) !== null;
      endResponse(
        built
          ? respond(request, 404, 'Not found', { 'content-type': 'text/plain; charset=utf-8' })
          : notice(request, 'The console is not built: run npm run build, then reload.'),
      );
      return;
    }
    const page = html.toString('utf8').replace('</head>', `${csrfMeta}</head>`);
    endResponse(respond(request, 200, page, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }));
  }
}

/** A response of the console: its CSP travels with it (useSecurityHeaders keeps a CSP already set). */
function respond(request: Request, status: number, body: string | Buffer | null, headers: Record<string, string>): Response {
  const payload = request.method === 'HEAD' || body === null ? null : typeof body === 'string' ? body : new Uint8Array(body);
  return new Response(payload, { status, headers: { 'content-security-policy': CONSOLE_CSP, 'cache-control': 'no-store', ...headers } });
}

/** A one-line page saying what to do (503: the console is on, but cannot work yet). */
function notice(request: Request, text: string): Response {
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Gatehouse console</title><p>${text}</p></html>`;
  return respond(request, 503, page, { 'content-type': 'text/html; charset=utf-8' });
}

async function readIfFile(path: string): Promise<Buffer | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}
