/**
 * Issue 12 (memory): V8 keeps the server bundle's source as two bytes per character if a single
 * character lies beyond Latin-1 (13.2 MB instead of 6.6 of the idle heap). The build rewrites such
 * characters in comments and refuses them anywhere else (src/dev/latin1-bundle.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepBundleLatin1 } from '../../src/dev/latin1-bundle.js';

const BEYOND_LATIN1 = /[\u0100-\u{10ffff}]/u;

describe('keepBundleLatin1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-latin1-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('rewrites characters beyond Latin-1 in comments and keeps Latin-1 ones', () => {
    const path = file('comments.mjs', 'const a = 1; // one \u2014 two\n/**\n * caf\u00e9 \u201cquoted\u201d\n */\nexport { a };\n');
    keepBundleLatin1(path);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(BEYOND_LATIN1);
    expect(text).toContain('// one \\u{2014} two');
    expect(text).toContain('caf\u00e9');
  });

  it('refuses one outside a comment, naming the line', () => {
    const path = file('code.mjs', 'const ok = 1;\nconst quote = /\u201c(.*)\u201d/;\n');
    expect(() => keepBundleLatin1(path)).toThrow(/code\.mjs:2: a character beyond Latin-1 outside a comment/);
  });

  it('leaves the built server bundle with Latin-1 characters only', () => {
    // dist/ is built once per test run (test/global-setup.ts), as `npm start` builds it.
    expect(readFileSync(new URL('../../dist/server/main.mjs', import.meta.url), 'utf8')).not.toMatch(BEYOND_LATIN1);
  });
});
