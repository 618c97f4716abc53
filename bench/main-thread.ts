/**
 * Main-thread work per registration and per sign-in, in process (issue 12): N registrations and N
 * password sign-ins through `createApp(...).fetch` on a file SQLite database, reporting the event loop's busy milliseconds per operation
 * (`performance.eventLoopUtilization()` deltas, which leave out argon2 on the pool threads) and the
 * main thread's CPU time per operation (from /proc: not inflated when neighbours take the core) and the
 * statements each operation sends (counted at the driver); and, apart, the outbox sender's cost of
 * delivering each registration's verification mail (to .eml files), as a server's loop would.
 *
 * Unlike `npm run bench` it needs no quiet machine to compare two states of the code: the busy
 * time of one thread doing a fixed amount of work moves far less with neighbours than req/s.
 *
 *   npx tsx bench/main-thread.ts                      # 400 of each after 100 warm-up, 4 at a time
 *   npx tsx bench/main-thread.ts --n 1000 --concurrency 8 --rounds 3
 *   npx tsx bench/main-thread.ts --profile /tmp/profiles   # + register/mail/login.cpuprofile of the last round
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../src/config/index.js';
import { closeDeps, createDeps } from '../src/create-deps.js';
import { openDatabase } from '../src/db/client.js';
import { applyPendingMigrations } from '../src/db/migrate/migrations.js';
import { createLogger } from '../src/logger.js';
import { deliverPendingEmails } from '../src/mail/sender.js';
import { createApp } from '../src/server/app.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '400' },
    warmup: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
    // A V8 CPU profile of each phase of the last round (register, mail, login) into this folder.
    profile: { type: 'string' },
  },
});
const n = Number(values.n);
const warmup = Number(values.warmup);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);
interface Measured {
  /** Event-loop busy ms per operation. */
  busyMs: number;
  /** Main-thread CPU ms per operation. */
  cpuMs: number;
  statements: number;
}

const show = (name: string, m: Measured) => `${name} ${m.busyMs.toFixed(2)} ms busy / ${m.cpuMs.toFixed(2)} ms CPU, ${m.statements.toFixed(1)} statements`;
const PASSWORD = 'main-thread bench password 1';

const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { emailVerificationRequired } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken } } }';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-main-thread-'));
const url = `file:${join(dir, 'bench.db')}`;
await applyPendingMigrations(url);
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATABASE_URL: url,
  MIGRATE_ON_START: 'false',
  JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
  DATA_ENCRYPTION_KEY: 'bench-data-key-0123456789-abcdefghijklmnopqrstuvwxyz',
  MAIL_DIR: join(dir, 'mail'),
  RATE_LIMITS_ENABLED: 'false',
  // The registered accounts sign in at once (the bench's are seeded verified).
  REQUIRE_EMAIL_VERIFICATION: 'false',
  // Off the main thread either way; cheap, so a run takes seconds.
  PASSWORD_HASH_MEMORY_KIB: '1024',
  PASSWORD_HASH_ITERATIONS: '1',
});
const deps = await createDeps(config, { logger: createLogger('silent') });
let statements = 0;
const counted = await openDatabase(config.database, { onStatement: () => statements++ });
const app = createApp({ ...deps, prisma: counted });
const senderDeps = { ...deps, prisma: counted };

async function post(query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await app.fetch(new URL('http://gatehouse.bench/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/**
 * The main thread's CPU time in ms, from /proc (Linux; clock ticks of 10 ms): unlike the event
 * loop's busy time it does not count the moments the OS gave the core to a neighbour.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const [utime, stime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 13)
      .map(Number);
    return ((utime! + stime!) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS = 100;

/** Runs `count` operations, `concurrency` at a time; returns busy ms and statements per operation. */
async function measure(count: number, op: (i: number) => Promise<void>): Promise<Measured> {
  const before = performance.eventLoopUtilization();
  const cpuBefore = mainThreadCpuMs();
  const statementsBefore = statements;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await op(next++);
    }),
  );
  const delta = performance.eventLoopUtilization(before);
  return { busyMs: delta.active / count, cpuMs: (mainThreadCpuMs() - cpuBefore) / count, statements: (statements - statementsBefore) / count };
}

let registered = 0;
const emails: string[] = [];
const register = async () => {
  const email = `bench-${registered++}@example.com`;
  await post(REGISTER, { input: { email, password: PASSWORD, firstName: 'Bench', lastName: 'User' } });
  emails.push(email);
};
/** Delivers every queued mail, as the server's sender loop would (measured apart from the registrations). */
async function deliverAll(): Promise<Measured> {
  const before = performance.eventLoopUtilization();
  const cpuBefore = mainThreadCpuMs();
  const statementsBefore = statements;
  let sent = 0;
  for (let report = await deliverPendingEmails(senderDeps); report.sent > 0; report = await deliverPendingEmails(senderDeps)) sent += report.sent;
  const delta = performance.eventLoopUtilization(before);
  const per = Math.max(1, sent);
  return { busyMs: delta.active / per, cpuMs: (mainThreadCpuMs() - cpuBefore) / per, statements: (statements - statementsBefore) / per };
}
const signIn = async (i: number) => post(LOGIN, { email: emails[i % emails.length], password: PASSWORD });

const inspector = values.profile ? new Session() : undefined;
inspector?.connect();
/** Runs `phase`, profiled into `<profile>/<name>.cpuprofile` when asked to. */
async function profiled<T>(name: string, profile: boolean, phase: () => Promise<T>): Promise<T> {
  if (!inspector || !profile) return phase();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
  const result = await phase();
  const { profile: taken } = await inspector.post('Profiler.stop');
  mkdirSync(values.profile!, { recursive: true });
  writeFileSync(join(values.profile!, `${name}.cpuprofile`), JSON.stringify(taken));
  return result;
}

try {
  await measure(warmup, register);
  await deliverAll();
  await measure(warmup, signIn);
  for (let round = 1; round <= rounds; round++) {
    const last = round === rounds;
    const reg = await profiled('register', last, () => measure(n, register));
    const mail = await profiled('mail', last, () => deliverAll());
    const log = await profiled('login', last, () => measure(n, signIn));
    console.log(`round ${round} (n=${n}, concurrency ${concurrency}): ${show('register', reg)}; ${show('its mail', mail)}; ${show('login', log)}`);
  }
} finally {
  inspector?.disconnect();
  await counted.$disconnect();
  await closeDeps(deps);
  rmSync(dir, { recursive: true, force: true });
}
