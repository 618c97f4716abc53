/**
 * A bounded soak: one Gatehouse process on loopback under mixed traffic (logins, refreshes, `me`,
 * the admin users list) from a fixed number of workers, until a time limit or a request budget,
 * whichever comes first. It reports every status, the server's resident memory sampled from /proc,
 * and the rows written, so the caller can check: no 5xx, no lost writes, memory that levels off.
 * Used by `npm run loadtest` (long form) and test/integration/load.test.ts (short form).
 */
import { tokenDigest } from '../src/auth/tokens/opaque.js';
import { loadConfig } from '../src/config/index.js';
import { openDatabase } from '../src/db/client.js';
import { rssMb, start, type Started } from './processes.js';
import { BENCH_PASSWORD, seed, type SeededSession } from './seed.js';

export interface SoakOptions {
  seconds: number;
  /** Stop after this many requests even if time remains. */
  maxRequests: number;
  /** Requests in flight at once (one worker each). */
  concurrency: number;
  /** A PostgreSQL server URL (a fresh database is made on it); otherwise a temporary SQLite file. */
  databaseUrl?: string | undefined;
  /** argon2id cost of the seeded passwords and the server (production defaults unless given). */
  hashMemoryKib?: number;
}

type Operation = 'login' | 'refresh' | 'me' | 'users';

/** One cycle of a worker: mostly reads, a write in every few requests. */
const CYCLE: Operation[] = ['me', 'refresh', 'me', 'users', 'me', 'login', 'me', 'refresh', 'users', 'me'];

export interface SoakResult {
  database: 'sqlite' | 'postgresql';
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  byOperation: Record<Operation, number>;
  /** HTTP status -> count. */
  statuses: Record<string, number>;
  serverErrors: number;
  /** Responses with a GraphQL `errors` entry, by code (none expected). */
  graphqlErrors: Record<string, number>;
  /** Requests that got no response at all (connection failures, timeouts). */
  networkErrors: number;
  successfulLogins: number;
  successfulRefreshes: number;
  rows: {
    /** Sessions created during the run (rows after minus rows before). */
    newSessions: number;
    /** `auth.login_succeeded` audit events written during the run. */
    loginAudits: number;
    /** Workers whose last refresh token is the one their session holds (rotation chain intact). */
    intactRefreshChains: number;
    workers: number;
  };
  /** Resident memory samples (MB), in order, one per `sampleMs`. */
  rssMb: number[];
  sampleMs: number;
  /** Median RSS of the middle and last thirds of the run. */
  rssMiddleMb: number;
  rssLastMb: number;
  exitCode: number | null;
}

const SAMPLE_MS = 250;

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    JWT_SECRET: 'soak-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    DATA_ENCRYPTION_KEY: 'soak-data-key-0123456789-abcdefghijklmnopqrstuvwxyz',
    GRAPHIQL: 'false',
    // seed() has migrated the fresh database.
    MIGRATE_ON_START: 'false',
    // The soak measures the server under load, not abuse limits, from one loopback client.
    RATE_LIMITS_ENABLED: 'false',
    ...(options.hashMemoryKib ? { PASSWORD_HASH_MEMORY_KIB: String(options.hashMemoryKib), PASSWORD_HASH_ITERATIONS: '1' } : {}),
  };
  const seeded = await seed(env, options.databaseUrl, options.concurrency);
  const database = seeded.databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql';
  const prisma = await openDatabase(loadConfig({ ...env, DATABASE_URL: seeded.databaseUrl }).database);
  let server: Started | undefined;
  try {
    // The bundle npm start runs (built by the caller: npm run loadtest, or the test suite's global setup).
    server = await start(
      'dist/server/main.mjs',
      { ...env, DATABASE_URL: seeded.databaseUrl, HOST: '127.0.0.1', PORT: '0' },
      /"url":"(http:\/\/[^"]+)\/graphql"/,
    );
    const { url, child } = server;
    if (new URL(url).hostname !== '127.0.0.1') throw new Error(`not loopback: ${url}`);
    const sessionsBefore = await prisma.session.count();

    const result = {
      requests: 0,
      byOperation: { login: 0, refresh: 0, me: 0, users: 0 } as Record<Operation, number>,
      statuses: {} as Record<string, number>,
      graphqlErrors: {} as Record<string, number>,
      networkErrors: 0,
      successfulLogins: 0,
      successfulRefreshes: 0,
    };
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(child)), SAMPLE_MS);
    const began = performance.now();
    const deadline = began + options.seconds * 1000;

    const post = async (body: object, token?: string): Promise<Record<string, unknown> | null> => {
      result.requests += 1;
      try {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
        const json = (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
        for (const error of json.errors ?? []) {
          const code = error.extensions?.code ?? 'NO_CODE';
          result.graphqlErrors[code] = (result.graphqlErrors[code] ?? 0) + 1;
        }
        return json.errors ? null : (json.data ?? null);
      } catch {
        result.networkErrors += 1;
        return null;
      }
    };

    const worker = async (index: number, own: SeededSession, loginEmail: string) => {
      let accessToken = own.accessToken;
      let refreshToken = own.refreshToken;
      for (let step = index; performance.now() < deadline && result.requests < options.maxRequests; step++) {
        const operation = CYCLE[step % CYCLE.length]!;
        result.byOperation[operation] += 1;
        if (operation === 'me') {
          await post({ query: '{ me { id email } }' }, accessToken);
        } else if (operation === 'users') {
          await post({ query: '{ users(first: 50) { nodes { id email groups { name } } totalCount } }' }, seeded.admin.accessToken);
        } else if (operation === 'login') {
          const data = await post({
            query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthPayload { accessToken } } }',
            variables: { e: loginEmail, p: BENCH_PASSWORD },
          });
          if (data) result.successfulLogins += 1;
        } else {
          const data = await post({
            query: 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }',
            variables: { t: refreshToken },
          });
          const pair = data?.refreshToken as { accessToken: string; refreshToken: string } | undefined;
          if (pair) {
            result.successfulRefreshes += 1;
            accessToken = pair.accessToken;
            refreshToken = pair.refreshToken;
          }
        }
      }
      return refreshToken;
    };
    const finalTokens = await Promise.all(
      Array.from({ length: options.concurrency }, (_, i) => worker(i, seeded.sessions[i]!, seeded.loginEmails[seeded.loginEmails.length - 1 - i]!)),
    );
    const elapsedSeconds = (performance.now() - began) / 1000;
    clearInterval(sampler);

    const exitCode = await server.stop();
    // Counted after the server has stopped: every write it acknowledged must be there.
    const newSessions = (await prisma.session.count()) - sessionsBefore;
    const loginAudits = await prisma.auditEvent.count({ where: { type: 'auth.login_succeeded' } });
    let intactRefreshChains = 0;
    for (const token of finalTokens) {
      const held = await prisma.session.count({ where: { refreshTokenHash: tokenDigest(token), revokedAt: null } });
      if (held === 1) intactRefreshChains += 1;
    }

    const third = Math.floor(samples.length / 3);
    const serverErrors = Object.entries(result.statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0);
    return {
      database,
      seconds: elapsedSeconds,
      requests: result.requests,
      requestsPerSecond: result.requests / elapsedSeconds,
      byOperation: result.byOperation,
      statuses: result.statuses,
      serverErrors,
      graphqlErrors: result.graphqlErrors,
      networkErrors: result.networkErrors,
      successfulLogins: result.successfulLogins,
      successfulRefreshes: result.successfulRefreshes,
      rows: { newSessions, loginAudits, intactRefreshChains, workers: options.concurrency },
      rssMb: samples,
      sampleMs: SAMPLE_MS,
      rssMiddleMb: median(samples.slice(third, 2 * third)),
      rssLastMb: median(samples.slice(2 * third)),
      exitCode,
    };
  } finally {
    await server?.stop();
    await prisma.$disconnect();
    await seeded.drop();
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The checks both forms apply; returns the failures (empty: passed). Memory: the last third's
 * median may exceed the middle third's by at most 25 % + 32 MB (garbage collection makes RSS
 * jumpy; a leak under this traffic grows far past it over a minute).
 */
export function soakFailures(result: SoakResult): string[] {
  const failures: string[] = [];
  if (result.serverErrors > 0) failures.push(`${result.serverErrors} responses were 5xx`);
  if (result.networkErrors > 0) failures.push(`${result.networkErrors} requests got no response`);
  if (Object.keys(result.graphqlErrors).length > 0) failures.push(`GraphQL errors: ${JSON.stringify(result.graphqlErrors)}`);
  if (result.rows.newSessions !== result.successfulLogins)
    failures.push(`sessions created ${result.rows.newSessions} != successful logins ${result.successfulLogins}`);
  if (result.rows.loginAudits !== result.successfulLogins)
    failures.push(`login audit events ${result.rows.loginAudits} != successful logins ${result.successfulLogins}`);
  if (result.rows.intactRefreshChains !== result.rows.workers)
    failures.push(`only ${result.rows.intactRefreshChains} of ${result.rows.workers} refresh chains intact`);
  if (result.rssLastMb > result.rssMiddleMb * 1.25 + 32)
    failures.push(`memory still growing: middle third ${result.rssMiddleMb.toFixed(0)} MB, last third ${result.rssLastMb.toFixed(0)} MB`);
  if (result.exitCode !== 0) failures.push(`server exited with ${result.exitCode}`);
  return failures;
}
