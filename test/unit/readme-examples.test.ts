/**
 * The snippets in docs/clients.md and docs/webhooks.md are exactly the example files the tests run
 * (test/client/*.test.ts, test/integration/webhooks/receiver-example.test.ts import them).
 * Regression guard: a snippet edited in one place only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PAGES, quotedExamples, withExamples } from '../../src/dev/readme-examples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const pages = EXAMPLE_PAGES.map((page) => ({ page, text: read(page) }));

describe('example snippets in docs/clients.md and docs/webhooks.md', () => {
  it('quote every file in examples/', () => {
    const files = readdirSync(`${root}examples`)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `examples/${name}`);
    expect(pages.flatMap(({ text }) => quotedExamples(text)).sort()).toEqual(files.sort());
  });

  it('are current (run `npm run readme:examples` after editing an example)', () => {
    for (const { page, text } of pages) {
      expect(withExamples(text, read) === text, `${page} has a stale copy of an examples/ file: run npm run readme:examples`).toBe(true);
    }
  });

  it('the rewrite replaces a stale block with the file', () => {
    const stale = 'x\n<!-- example: examples/a.ts -->\n```ts\nold\n```\ny';
    expect(withExamples(stale, () => 'new\n')).toBe('x\n<!-- example: examples/a.ts -->\n```ts\nnew\n```\ny');
  });
});
