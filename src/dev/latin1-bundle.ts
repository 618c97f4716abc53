/**
 * V8 keeps a module's source text for the life of the process, one byte per character when every
 * character is Latin-1 and two bytes otherwise: a single "—" in a comment of the 6.6 MB server
 * bundle made it 13.2 MB of the idle server's 42 MB heap (issue 12, memory). esbuild escapes
 * non-ASCII characters in strings but keeps comments (and regular expressions) as written, so the
 * bundle's comments are rewritten here; anything else beyond Latin-1 fails the build, naming the line.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const BEYOND_LATIN1 = /[\u0100-\u{10ffff}]/u;

/** Rewrites `file` so that it holds Latin-1 characters only; throws on one outside a comment. */
export function keepBundleLatin1(file: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  let changed = false;
  lines.forEach((line, index) => {
    const at = line.search(BEYOND_LATIN1);
    if (at === -1) return;
    if (!isCommentLine(line, at)) {
      throw new Error(`${file}:${index + 1}: a character beyond Latin-1 outside a comment (escape it in the source): ${line.trim().slice(0, 120)}`);
    }
    lines[index] = line.replace(new RegExp(BEYOND_LATIN1, 'gu'), (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
    changed = true;
  });
  if (changed) writeFileSync(file, lines.join('\n'));
}

/** Whether the character at `at` lies in a comment: a `//` before it, or a line of a block comment. */
function isCommentLine(line: string, at: number): boolean {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('*') || trimmed.startsWith('/*')) return true;
  const slashes = line.indexOf('//');
  // A quote before the slashes may mean they are inside a string: refuse rather than guess.
  return slashes !== -1 && slashes < at && !/['"`]/.test(line.slice(0, slashes));
}
