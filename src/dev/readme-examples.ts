/**
 * The snippets in docs/clients.md and docs/webhooks.md are the files under examples/, which the
 * tests run. A line `<!-- example: examples/NAME.ts -->` in one of those pages is followed by a
 * ```ts block holding that file verbatim. `npm run readme:examples` rewrites those blocks from the
 * files; the test suite (test/unit/readme-examples.test.ts) fails when one is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = /^<!-- example: (\S+) -->\n```ts\n[\s\S]*?^```$/gm;

/** The pages that quote examples/ files. */
export const EXAMPLE_PAGES = ['docs/clients.md', 'docs/webhooks.md'];

/** Markdown text with every marked block replaced by the current contents of its file. */
export function withExamples(readme: string, read: (path: string) => string): string {
  return readme.replace(MARKER, (_block, path: string) => `<!-- example: ${path} -->\n\`\`\`ts\n${read(path).trimEnd()}\n\`\`\``);
}

/** The example files a page quotes, in order. */
export function quotedExamples(readme: string): string[] {
  return [...readme.matchAll(MARKER)].map((match) => match[1]!);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const page of EXAMPLE_PAGES) {
    const path = join(root, page);
    const readme = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      withExamples(readme, (file) => readFileSync(join(root, file), 'utf8')),
    );
    console.log(`${page}: ${quotedExamples(readme).length} examples written`);
  }
}
