/**
 * What `npm start` runs (built to dist/server/start.cjs): sets the process up, then loads the
 * server (main.mjs) in the same process. CommonJS, and free of the server's imports, because the
 * thread pool must be sized before anything else runs.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// libuv's thread pool, where argon2 hashes, is sized when first used, and an ES module entry is
// too late (the module loader reads files on the pool). Each pool thread that ever hashed keeps the
// 19 MiB argon2id allocated in its malloc arena, so the pool has as many threads as hashes run at
// once by default (one per core, at least two) rather than libuv's 4. UV_THREADPOOL_SIZE, if set, wins.
process.env.UV_THREADPOOL_SIZE ??= String(Math.max(2, availableParallelism()));

import(pathToFileURL(join(dirname(process.argv[1]!), 'main.mjs')).href).catch((error: unknown) => {
  console.error('gatehouse: failed to start:', error);
  process.exit(1);
});
