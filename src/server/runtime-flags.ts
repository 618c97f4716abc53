/**
 * V8 settings for the server process, imported first by main.ts (before any WebAssembly is
 * compiled). Prisma 7's query compiler is a large WebAssembly module: V8's optimising tier
 * compiles it again on background threads, which costs ~80 MB of resident memory that glibc never
 * returns. Prisma caches query plans, so the baseline compiler (Liftoff) is all it needs.
 * Measured with `npm run bench` (see the docs/performance.md).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
