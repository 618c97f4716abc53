/**
 * `npm run bench [-- --quick] [--only NAME,...] [--json FILE] [--profile] [--compare EARLIER.json]`: Gatehouse under load on this
 * machine, each scenario as a ratio to its ceiling measured beside it, a round of each in turn (a
 * bare yoga server for GraphQL, raw argon2id verification or hashing for password work;
 * ./ceiling-rounds.ts). SQLite by default; PostgreSQL when
 * DATABASE_URL says so. Speed is judged here, never by timed assertions in tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { compareReports, readReport } from './compare.js';
import { load, median, type LoadResult } from './load.js';
import { ceilingRounds, type CeilingRound } from './ceiling-rounds.js';
import { cpuMs, peakRssMb, rssMb, start } from './processes.js';
import type { ChildProcess } from 'node:child_process';
import { scenarios, type Scenario } from './scenarios.js';
import { seed } from './seed.js';
import { npmStart, serverEnv } from './server-env.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string', default: 'bench-results/latest.json' },
    // Writes the Gatehouse server's V8 CPU profile to bench-results/profiles/ (open in Chrome DevTools).
    profile: { type: 'boolean', default: false },
    // Prints each scenario's change against an earlier report (bench-results/*.json).
    compare: { type: 'string' },
  },
});
const quick = values.quick;
// Read before the run, so a mistyped path fails in a second rather than after minutes.
const earlier = values.compare ? readReport(values.compare) : undefined;
const seconds = quick ? 2 : 8;
const rounds = quick ? 1 : 3;
const connectionLevels = [16, 64];

interface Row {
  scenario: string;
  connections: number;
  result?: Measured;
  /** What the scenario is judged against (bare yoga, or argon2id verification or hashing). */
  ceilingKind: Scenario['ceiling'];
  /** The ceiling beside this scenario: the median of the ceiling rounds measured before its rounds. */
  ceiling?: number;
  /** The median of each round's ratio to the ceiling round measured right before it. */
  ratio?: number;
  /** The ceiling's server CPU per request over this scenario's: the ratio with the machine's neighbours left out. */
  cpuRatio?: number;
  /** The scenario's `shape` answered by bare yoga from memory (median req/s of rounds beside it), and the scenario's ratio to it. */
  shape?: { requestsPerSecond: number; ratio: number };
  /** Bare yoga's own latency in the ceiling rounds (the p99/p50 of `me` is judged beside it). */
  ceilingLatencyMs?: { p50: number; p99: number };
  target: number;
  error?: string;
}

interface Measured extends LoadResult {
  /** Server CPU time (all threads) per answered request, over all rounds. */
  cpuMsPerRequest: number;
}

/** The scenario's rounds, each right after a round of its ceiling (./ceiling-rounds.ts). */
async function measure(
  url: string,
  server: ChildProcess,
  scenario: Pick<Scenario, 'body' | 'headers' | 'onResponse' | 'ceiling' | 'shape'>,
  connections: number,
): Promise<Required<Pick<Row, 'result' | 'ceiling' | 'ratio'>> & Pick<Row, 'cpuRatio' | 'ceilingLatencyMs' | 'shape'>> {
  const runs: LoadResult[] = [];
  const besides: CeilingRound[] = [];
  const shapes: number[] = [];
  let cpu = 0;
  for (let i = 0; i < rounds; i++) {
    besides.push(await ceilings.measure(scenario.ceiling, connections));
    if (scenario.shape) shapes.push(await ceilings.measureShape(scenario.shape, connections));
    const cpuBefore = cpuMs(server);
    const run = await load({ url, connections, seconds, ...scenario });
    runs.push(run);
    // Requests the load generator abandoned at the end of a round are still queued for argon2 on the
    // server; without a pause the next round (or scenario) would find that queue full and measure
    // the bounded queue's SERVICE_UNAVAILABLE answers instead of the server.
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(run.p99Ms * 1.5, 200), 5000)));
    cpu += cpuMs(server) - cpuBefore;
  }
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const result: Measured = {
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    requests,
    cpuMsPerRequest: cpu / Math.max(1, requests),
  };
  const paired = {
    result,
    ceiling: median(besides.map((c) => c.perSecond)),
    ratio: median(runs.map((r, i) => r.requestsPerSecond / besides[i]!.perSecond)),
    ...(shapes.length ? { shape: { requestsPerSecond: median(shapes), ratio: median(runs.map((r, i) => r.requestsPerSecond / shapes[i]!)) } } : {}),
  };
  const bare = besides.flatMap((c) => (c.load ? [c.load] : []));
  if (!bare.length) return paired;
  const bareCpu =
    bare.reduce((sum, b) => sum + b.cpuMsPerRequest * b.requests, 0) /
    Math.max(
      1,
      bare.reduce((sum, b) => sum + b.requests, 0),
    );
  return {
    ...paired,
    cpuRatio: bareCpu / result.cpuMsPerRequest,
    ceilingLatencyMs: { p50: median(bare.map((b) => b.p50Ms)), p99: median(bare.map((b) => b.p99Ms)) },
  };
}

/** One request first: a scenario whose operation fails is reported, not measured. */
async function probe(url: string, scenario: Scenario): Promise<string | undefined> {
  const context = {};
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...scenario.headers?.(context) },
    body: scenario.body(context),
  });
  const text = await response.text();
  return response.status === 200 && !text.includes('"errors"') ? undefined : `probe failed (${response.status}): ${text.slice(0, 200)}`;
}

const baseUrl = process.env.DATABASE_URL;
const provider = baseUrl?.startsWith('postgres') ? 'postgresql' : 'sqlite';
console.log(
  `Gatehouse benchmark (${quick ? 'quick' : 'full'}): ${provider}, ${rounds} round(s) of ${seconds}s at ${connectionLevels.join(' and ')} connections`,
);

execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
// Refresh sessions: each run may strand one per connection (answers cut at its end), plus the
// largest run's worth in use and the probe's.
const refreshSessions = rounds * connectionLevels.reduce((a, b) => a + b, 0) + Math.max(...connectionLevels) + 1;
const seeded = await seed(serverEnv, baseUrl, Math.max(...connectionLevels), refreshSessions);
const { startFlags, serverEntry, extraFlags } = npmStart();
const server = await start(serverEntry, { ...serverEnv, DATABASE_URL: seeded.databaseUrl, HOST: '127.0.0.1', PORT: '0' }, /"url":"(http:\/\/[^"]+)\/graphql"/, [
  ...startFlags,
  ...extraFlags,
  ...(values.profile ? ['--cpu-prof', '--cpu-prof-dir=bench-results/profiles'] : []),
]);
console.log(`Gatehouse started as \`node ${[...startFlags, ...extraFlags, serverEntry].join(' ')}\``);
console.log(`Gatehouse cold start to listening: ${server.startupMs.toFixed(0)} ms`);

// The ceilings' own server, idle while Gatehouse is measured (and Gatehouse idle while it is).
const ceilings = await ceilingRounds(seconds);
const rows: Row[] = [];
const wanted = values.only?.split(',').map((s) => s.trim().toLowerCase());
for (const scenario of scenarios(seeded, { access: 'gatehouse_access' })) {
  if (wanted && !wanted.some((w) => scenario.name.toLowerCase().startsWith(w))) continue;
  const problem = await probe(server.url, scenario);
  for (const connections of connectionLevels) {
    if (problem) {
      rows.push({ scenario: scenario.name, connections, ceilingKind: scenario.ceiling, target: scenario.target, error: problem });
      continue;
    }
    const row: Row = {
      scenario: scenario.name,
      connections,
      ceilingKind: scenario.ceiling,
      target: scenario.target,
      ...(await measure(server.url, server.child, scenario, connections)),
    };
    rows.push(row);
    console.log(
      `  ${scenario.name} @${connections}: ${row.result!.requestsPerSecond.toFixed(0)} req/s, ${scenario.ceiling} beside it ${row.ceiling!.toFixed(scenario.ceiling === 'yoga' ? 0 : 1)}/s${
        row.ceilingLatencyMs ? ` (p50 ${row.ceilingLatencyMs.p50} / p99 ${row.ceilingLatencyMs.p99} ms)` : ''
      }${
        row.shape ? `, the same response from memory on bare yoga ${row.shape.requestsPerSecond.toFixed(0)}/s (ratio to it ${row.shape.ratio.toFixed(2)})` : ''
      }, server RSS now ${rssMb(server.child).toFixed(0)} MB, peak ${peakRssMb(server.child).toFixed(0)} MB`,
    );
  }
}
const peakRss = peakRssMb(server.child);
await ceilings.stop();
await server.stop();
await seeded.drop();

/** The run's ceilings in one place (for --compare and a glance): the median over the rows of each kind. */
function ceilingsSummary(measured: Row[]) {
  const of = (kind: Scenario['ceiling'], connections?: number) => {
    const values = measured.filter((r) => r.ceiling !== undefined && r.ceilingKind === kind && (connections === undefined || r.connections === connections));
    return values.length ? median(values.map((r) => r.ceiling!)) : undefined;
  };
  return {
    argon2VerifyPerSecond: of('argon2-verify'),
    argon2HashPerSecond: of('argon2-hash'),
    bareYoga: Object.fromEntries(connectionLevels.flatMap((n) => (of('yoga', n) === undefined ? [] : [[n, of('yoga', n)!]]))),
  };
}

const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `\n${pad('scenario', 24)}${pad('conns', 7)}${pad('req/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}${pad('ceiling', 10)}${pad('ratio', 7)}${pad('target', 11)}${pad('CPU ms/req', 12)}${pad('CPU ratio', 11)}p99/p50 (bare yoga)`,
);
for (const row of rows) {
  if (!row.result) {
    console.log(`${pad(row.scenario, 24)}${pad(String(row.connections), 7)}${row.error}`);
    continue;
  }
  const r = row.result;
  const verdict = row.target ? `${row.target} ${row.ratio! >= row.target ? 'ok' : 'BELOW'}` : '-';
  const cpu = row.result.cpuMsPerRequest;
  // The p99/p50 target (3x for `me` at 64), beside bare yoga's own in the rounds next to it.
  const spread = `${(r.p99Ms / r.p50Ms).toFixed(1)}x${row.ceilingLatencyMs ? ` (${(row.ceilingLatencyMs.p99 / row.ceilingLatencyMs.p50).toFixed(1)}x)` : ''}`;
  console.log(
    `${pad(row.scenario, 24)}${pad(String(row.connections), 7)}${pad(r.requestsPerSecond.toFixed(0), 9)}${pad(String(r.p50Ms), 8)}${pad(String(r.p99Ms), 8)}${pad(String(r.errors), 8)}${pad(row.ceiling!.toFixed(0), 10)}${pad(row.ratio!.toFixed(2), 7)}${pad(verdict, 11)}${pad(cpu.toFixed(2), 12)}${pad(row.cpuRatio?.toFixed(2) ?? '-', 11)}${spread}`,
  );
}
console.log(`\nserver peak RSS ${peakRss.toFixed(0)} MB (target ≤ 160); cold start ${server.startupMs.toFixed(0)} ms (target < 1000)`);

const report = {
  when: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  database: provider,
  seconds,
  rounds,
  ceilingMethod: 'a ceiling round before each scenario round; each row keeps its own',
  ceilings: ceilingsSummary(rows),
  coldStartMs: server.startupMs,
  peakRssMb: peakRss,
  rows,
};
mkdirSync(dirname(values.json), { recursive: true });
writeFileSync(values.json, JSON.stringify(report, null, 2));
console.log(`report written to ${values.json}`);
if (earlier) console.log(compareReports(report, earlier, values.compare!).join('\n'));
