import { fileURLToPath } from 'node:url';

/** The repository root, so prisma/ is found whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
