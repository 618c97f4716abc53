import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root (where prisma/ lives), found by walking up from this module, so it is right
 * whether the code runs from src/ (tsx) or from the dist/ bundle, and whatever the working directory.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'prisma', 'schema.prisma'))) return `${dir}/`;
    if (dirname(dir) === dir) throw new Error(`cannot find prisma/schema.prisma above ${start}`);
  }
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
