/**
 * SIGTERM in the middle of a burst (slow logins that hash with the production argon2 cost, and
 * quick `me` queries): every request that reached the server gets its complete answer, a new
 * connection after the signal is refused, and the process exits 0. A connection accepted before
 * the signal whose request comes after it is answered too.
 */
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { closeDeps, createDeps } from '../../src/create-deps.js';
import { PASSWORD, signedInUser } from '../helpers/factories.js';
import { rawPost } from '../helpers/raw-http.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { TEST_ENV } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const LOGINS = 24;
const QUERIES = 8;

describe('graceful shutdown under load', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let email: string;
  let accessToken: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = {
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
    const login = JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthPayload { accessToken } } }',
      variables: { e: email, p: PASSWORD },
    });
    const me = JSON.stringify({ query: '{ me { email } }' });
    const burst = [
      ...Array.from({ length: LOGINS }, () => ({ kind: 'login', ...rawPost(url, login) })),
      ...Array.from({ length: QUERIES }, () => ({ kind: 'me', ...rawPost(url, me, { authorization: `Bearer ${accessToken}` }) })),
    ];
    // Every request must have been accepted by the process before the signal. libuv accepts one
    // connection per event-loop turn, so a connection can sit established in the kernel's queue
    // for a while; closing the listener resets those (as with any server), and they were never
    // accepted. The queue is FIFO and the quick `me` queries come last, so once the last one is
    // answered every connection before it has been accepted; the logins still wait on argon2.
    await Promise.all(burst.map((request) => request.written));
    await burst.at(-1)!.outcome;
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

  it('answers a request that arrives on a connection accepted before the signal', async () => {
    // Answered in full and told to close, so the shutdown does not wait on the connection (Node's
    // own close() answers with keep-alive and the process lingers until the connection times out).
    const late = await startServerProcess(env, 90_000);
    try {
      const { port } = new URL(late.url);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      let reply = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (reply += chunk));
      const ended = once(socket, 'end');
      // Accepted (the server is idle, so it accepts at once), then the signal, then the request.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stopped = late.stop('SIGTERM');
      await waitForLog(late, 'shutting down');
      const body = JSON.stringify({ query: '{ me { email } }' });
      socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await ended;
      expect(reply).toMatch(/^HTTP\/1\.1 200 /);
      expect(reply.toLowerCase()).toContain('connection: close');
      expect(reply).toContain('{"data":{"me":null}}');
      expect(await stopped).toBe(0);
    } finally {
      await late.stop('SIGKILL');
    }
  }, 120_000);
});

async function waitForLog(server: ServerProcess, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.logs.some((line) => line.includes(text))) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in the server's log:\n${server.logs.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
