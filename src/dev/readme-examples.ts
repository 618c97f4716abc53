/**
 * The client snippets in docs/clients.md are the files under examples/, which the client tests run. A line
 * `<!-- example: examples/NAME.ts -->` in docs/clients.md is followed by a ```ts block holding that
 * file verbatim. `npm run readme:examples` rewrites those blocks from the files; the test suite
 * (test/unit/readme-examples.test.ts) fails when one is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = /^<!-- example: (\S+) -->\n```ts\n[\s\S]*?^```$/gm;

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
  const path = join(root, 'docs', 'clients.md');
  const readme = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    withExamples(readme, (file) => readFileSync(join(root, file), 'utf8')),
  );
  console.log(`docs/clients.md: ${quotedExamples(readme).length} examples written`);
}
