/**
 * SIGTERM in the middle of a burst (slow logins that hash with the production argon2 cost, and
 * quick `me` queries): every request that reached the server gets its complete answer, a new
 * connection after the signal is refused, and the process exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { closeDeps, createDeps } from '../../src/server/create-deps.js';
import { DEFAULT_PASSWORD, signedInUser } from '../helpers/factories.js';
import { rawPost } from '../helpers/raw-http.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { TEST_ENV } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const LOGINS = 16;
const QUERIES = 16;

describe('graceful shutdown under load', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let email: string;
  let accessToken: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      ...TEST_ENV,
      // The real argon2 cost, so logins are slow enough to be in flight when the signal comes.
      PASSWORD_HASH_MEMORY_KIB: '19456',
      PASSWORD_HASH_ITERATIONS: '2',
      LOG_LEVEL: 'info',
      DATABASE_URL: db.url,
      MIGRATE_ON_START: 'false',
      RATE_LIMITS_ENABLED: 'false',
    };
    const deps = await createDeps(loadConfig(env));
    try {
      const signedIn = await signedInUser(deps);
      email = signedIn.user.email;
      accessToken = signedIn.accessToken;
    } finally {
      await closeDeps(deps);
    }
    server = await startServerProcess(env, 90_000);
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await db?.drop();
  });

  it('answers every accepted request in full, refuses new connections, and exits 0', async () => {
    const url = `${server.url}/graphql`;
    const login = JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', variables: { e: email, p: DEFAULT_PASSWORD } });
    const me = JSON.stringify({ query: '{ me { email } }' });
    const burst = [
      ...Array.from({ length: LOGINS }, () => ({ kind: 'login', ...rawPost(url, login) })),
      ...Array.from({ length: QUERIES }, () => ({ kind: 'me', ...rawPost(url, me, { authorization: `Bearer ${accessToken}` }) })),
    ];
    // Every request is on the wire and the server is answering (so it has accepted the
    // connections) before the signal; the logins queue on argon2 for a good while yet.
    await Promise.all(burst.map((request) => request.written));
    await Promise.race(burst.map((request) => request.outcome));
    let answered = 0;
    for (const request of burst) void request.outcome.then(() => (answered += 1));
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = server.stop('SIGTERM');
    const pendingAtSignal = burst.length - answered;

    // Once the server says it is shutting down, it has stopped listening.
    await waitForLog(server, 'shutting down');
    const late = await rawPost(url, me).outcome;
    expect(late).toMatchObject({ connected: false, error: 'ECONNREFUSED' });

    const outcomes = await Promise.all(burst.map((request) => request.outcome));
    expect(await stopped).toBe(0);
    console.info(`graceful shutdown: ${pendingAtSignal} of ${burst.length} requests were in flight at SIGTERM; all answered`);
    expect(pendingAtSignal).toBeGreaterThan(0);
    for (const [index, outcome] of outcomes.entries()) {
      expect(outcome, `${burst[index]!.kind} #${index}`).toMatchObject({ connected: true, complete: true, status: 200 });
      const body = JSON.parse(outcome.body!) as { data?: Record<string, unknown>; errors?: unknown };
      expect(body.errors).toBeUndefined();
      if (burst[index]!.kind === 'login') expect(body.data).toEqual({ login: { accessToken: expect.any(String) } });
      else expect(body.data).toEqual({ me: { email } });
    }
    expect(server.logs.some((line) => line.includes('did not finish in time'))).toBe(false);
    expect(server.logs.at(-1)).toContain('stopped');
  }, 120_000);
});

async function waitForLog(server: ServerProcess, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.logs.some((line) => line.includes(text))) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in the server's log:\n${server.logs.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
