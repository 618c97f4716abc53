// Throwaway: me (bearer) @64 with extra flags, server stdout to a file. Not committed.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { load } from './load.js';
import { scenarios } from './scenarios.js';
import { seed } from './seed.js';
const env: Record<string, string> = {
  NODE_ENV: 'production', LOG_LEVEL: 'info',
  JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
  DATA_ENCRYPTION_KEY: 'bench-data-key-0123456789-abcdefghijklmnopqrstuvwxyz',
  GRAPHIQL: 'false', AUTH_COOKIES: 'true', AUTH_COOKIE_SECURE: 'false', RATE_LIMITS_ENABLED: 'false',
};
const flags = (process.env.FLAGS ?? '--max-old-space-size=128 --max-semi-space-size=4').split(/\s+/).filter(Boolean);
const entry = process.env.ENTRY ?? 'dist/server/start.cjs';
const seeded = await seed(env, process.env.DATABASE_URL, 64, 10);
const out = createWriteStream('/tmp/p99-server.log');
const bare = !!process.env.BARE;
const child = spawn(process.execPath, bare ? ['--import', 'tsx', 'bench/ceilings/bare-yoga.ts'] : [...flags, entry], { env: { ...process.env, ...env, DATABASE_URL: seeded.databaseUrl, HOST: '127.0.0.1', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
child.stderr.pipe(out);
const url = await new Promise<string>((resolve) => {
  let buf = '';
  child.stdout.on('data', (d) => { buf += d; out.write(d); const m = bare ? /^(http:\/\/\S+)$/m.exec(buf) : /"url":"(http:\/\/[^"]+)\/graphql"/.exec(buf); if (m) resolve(m[1]!); });
});
const name = process.env.SCENARIO ?? 'me (Bearer)';
const sc = bare ? { body: () => JSON.stringify({ query: '{ __typename }' }) } : scenarios(seeded, { access: 'gatehouse_access' }).find((s) => s.name === name)!;
const conns = Number(process.env.CONNS ?? 64);
await load({ url, connections: conns, seconds: 3, ...sc });
for (let i = 0; i < Number(process.env.ROUNDS ?? 3); i++) {
  const r = await load({ url, connections: conns, seconds: 8, ...sc });
  console.log(`${name}@${conns}: ${r.requestsPerSecond.toFixed(0)} req/s p50 ${r.p50Ms} p99 ${r.p99Ms} ratio ${(r.p99Ms / r.p50Ms).toFixed(2)} errors ${r.errors}`);
}
child.kill('SIGTERM');
await new Promise((r) => child.on('close', r));
await seeded.drop();
