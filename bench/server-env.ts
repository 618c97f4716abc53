/** How the benchmark's tools (run.ts, tail.ts) run Gatehouse: its environment, and `npm start`'s command. */
import { readFileSync } from 'node:fs';

export const serverEnv: Record<string, string> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'info', // the listening line carries the URL; requests are not logged at info
  JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
  DATA_ENCRYPTION_KEY: 'bench-data-key-0123456789-abcdefghijklmnopqrstuvwxyz',
  GRAPHIQL: 'false',
  AUTH_COOKIES: 'true',
  AUTH_COOKIE_SECURE: 'false',
  // The benchmark measures throughput, not abuse limits: lift them for its loopback client.
  RATE_LIMITS_ENABLED: 'false',
};

/** The node flags and entry of `npm start`, and BENCH_EXTRA_FLAGS. */
export function npmStart(): { startFlags: string[]; serverEntry: string; extraFlags: string[] } {
  // The server runs with the V8 flags `npm start` gives it (heap sizes), so the figures are what you get.
  const startScript = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  return {
    startFlags: startScript.match(/--max-[\w-]+=\d+/g) ?? [],
    // The entry `npm start` runs: the launcher that sizes libuv's thread pool, then the server.
    serverEntry: /dist\/server\/\S+/.exec(startScript)?.[0] ?? 'dist/server/main.mjs',
    // BENCH_EXTRA_FLAGS="--flag ..." adds node/V8 flags after those, to try one before it goes into
    // `npm start` (the memory section of docs/performance.md compares heap flags this way).
    extraFlags: process.env.BENCH_EXTRA_FLAGS?.split(/\s+/).filter(Boolean) ?? [],
  };
}
