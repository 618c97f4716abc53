/**
 * What `npm start` runs (built to dist/server/start.cjs): sets the process up, then loads the
 * server (main.mjs) in it. CommonJS, and free of the server's imports, because some settings must
 * come before anything else runs.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mallocTunables, probeHost } from './malloc-tuning.js';

// libuv's thread pool, where argon2 hashes, is sized when first used, and an ES module entry is
// too late (the module loader reads files on the pool). Each pool thread that hashes holds a
// 19 MiB block while it does, so the pool has as many threads as hashes run at once by default
// (one per core, at least two) rather than libuv's 4. UV_THREADPOOL_SIZE, if set, wins.
process.env.UV_THREADPOOL_SIZE ??= String(Math.max(2, availableParallelism()));

const tunables = mallocTunables(process.env, probeHost());
if (tunables) relaunch({ ...process.env, GLIBC_TUNABLES: tunables });
else
  import(pathToFileURL(join(dirname(process.argv[1]!), 'main.mjs')).href).catch((error: unknown) => {
    console.error('gatehouse: failed to start:', error);
    process.exit(1);
  });

/** Runs this entry again with `env`: glibc reads its tunables only when a program starts. */
function relaunch(env: NodeJS.ProcessEnv): void {
  const args = [...process.execArgv, process.argv[1]!, ...process.argv.slice(2)];
  // Node 22.15 and later replace the process: same pid, the only process, signals reach the server.
  const current = process as NodeJS.Process & { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never };
  if (typeof current.execve === 'function') current.execve(process.execPath, [process.execPath, ...args], env);
  // Older Node: the server runs as a child; this process hands signals on and exits as it does.
  const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 1);
    for (const handled of signals) process.removeAllListeners(handled);
    process.kill(process.pid, signal);
  });
}
