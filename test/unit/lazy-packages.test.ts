/**
 * Issue 12 (memory): packages that only some requests need are loaded on first use
 * (`await import(...)`), not when the server starts: @simplewebauthn/server with its ASN.1/X.509
 * stack (passkeys), qrcode (authenticator-app enrolment) and bcryptjs (Django bcrypt hashes).
 * Together they cost the idle server about 3 MB of heap (docs/performance.md, "Where the memory
 * is"); one static value import anywhere in src/ would load them at start again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/launch.js';

const ON_FIRST_USE = ['@simplewebauthn/server', 'qrcode', 'bcryptjs'];

/** The server's and the CLI's TypeScript sources (the web console and generated code aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['console', 'generated'].includes(entry.name) && dir.endsWith('src') ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `import … from 'pkg'` or `export … from 'pkg'` that is not `import type`/`export type`. */
function staticValueImports(text: string, pkg: string): string[] {
  const statement = new RegExp(`^\\s*(import|export)\\s+(?!type\\s)[^;]*?from\\s+['"]${pkg.replace(/[/.]/g, '\\$&')}['"]`, 'gm');
  const bare = new RegExp(`^\\s*import\\s+['"]${pkg.replace(/[/.]/g, '\\$&')}['"]`, 'gm');
  return [...(text.match(statement) ?? []), ...(text.match(bare) ?? [])].map((s) => s.trim());
}

describe('packages loaded on first use', () => {
  const files = sources(join(root, 'src'));

  it('finds the sources it scans', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const pkg of ON_FIRST_USE) {
    it(`imports ${pkg} dynamically only`, () => {
      const found = files.flatMap((file) => staticValueImports(readFileSync(file, 'utf8'), pkg).map((line) => `${relative(root, file)}: ${line}`));
      expect(found).toEqual([]);
    });
  }
});
