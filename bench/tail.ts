/**
 * `npx tsx bench/tail.ts [--scenario "me (Bearer)"] [--connections 64] [--rounds 3] [--seconds 8] [--bare] [--loop]`:
 * one scenario alone, for its latency tail: each round's req/s, p50, p99, p99/p50 and the server's
 * CPU per request. `--bare` drives the bare yoga ceiling with `{ __typename }` instead, the
 * machine's own spread; `--loop` adds the server's event-loop delay and GC pauses over all rounds
 * (bench/event-loop-preload.cjs). Node flags: `npm start`'s, plus BENCH_EXTRA_FLAGS (e.g.
 * "--max-semi-space-size=16"). DATABASE_URL=postgresql://… for PostgreSQL. Run `npm run build` first.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { load } from './load.js';
import { cpuMs, start } from './processes.js';
import { scenarios } from './scenarios.js';
import { seed } from './seed.js';
import { npmStart, serverEnv } from './server-env.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'me (Bearer)' },
    connections: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    bare: { type: 'boolean', default: false },
    loop: { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);

// Sessions for refresh: every round may strand one per connection, plus those in use.
const seeded = await seed(serverEnv, process.env.DATABASE_URL, connections, (rounds + 2) * connections + 1);
const reportDir = mkdtempSync(join(tmpdir(), 'gatehouse-tail-'));
const loopReport = join(reportDir, 'loop.json');
const { startFlags, serverEntry, extraFlags } = npmStart();
const preload = values.loop ? ['-r', './bench/event-loop-preload.cjs'] : [];
const server = values.bare
  ? await start('bench/ceilings/bare-yoga.ts', { BENCH_LOOP_REPORT: loopReport }, /^(http:\/\/\S+)$/, preload)
  : await start(
      serverEntry,
      { ...serverEnv, DATABASE_URL: seeded.databaseUrl, HOST: '127.0.0.1', PORT: '0', BENCH_LOOP_REPORT: loopReport },
      /"url":"(http:\/\/[^"]+)\/graphql"/,
      [...startFlags, ...extraFlags, ...preload],
    );
const wanted = values.scenario.toLowerCase();
const scenario = values.bare
  ? { name: 'bare yoga { __typename }', body: () => '{"query":"{ __typename }"}' }
  : scenarios(seeded, { access: 'gatehouse_access' }).find((s) => s.name.toLowerCase().startsWith(wanted));
if (!scenario) throw new Error(`no scenario named ${values.scenario}`);

// A first round compiles and optimises the path; it is not reported.
await load({ url: server.url, connections, seconds: 3, ...scenario });
for (let i = 0; i < rounds; i++) {
  const cpuBefore = cpuMs(server.child);
  const r = await load({ url: server.url, connections, seconds, ...scenario });
  // Answers cut at the round's end are still being finished by the server.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const cpu = (cpuMs(server.child) - cpuBefore) / Math.max(1, r.requests);
  console.log(
    `${scenario.name} @${connections}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, p99/p50 ${(r.p99Ms / r.p50Ms).toFixed(2)}, server CPU ${cpu.toFixed(3)} ms/request, errors ${r.errors}`,
  );
}
await server.stop();
if (values.loop) console.log('server over all rounds:', readFileSync(loopReport, 'utf8'));
rmSync(reportDir, { recursive: true, force: true });
await seeded.drop();
