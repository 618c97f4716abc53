/**
 * PostgreSQL goes away under a running server and comes back: requests fail fast with
 * SERVICE_UNAVAILABLE (503), /readyz answers 503, the process does not crash, and service resumes
 * by itself. Uses its own throwaway PostgreSQL (port 55499) so stopping it disturbs no one.
 * PostgreSQL only: skipped, loudly, when the suite runs on SQLite.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { applyPendingMigrations } from '../../src/db/migrate/migrations.js';
import { closeDeps, createDeps } from '../../src/create-deps.js';
import { signedInUser } from '../helpers/factories.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { testPostgresUrl } from '../helpers/test-database.js';
import { TEST_ENV } from '../helpers/test-app.js';

const run = promisify(execFile);
const PORT = '55499';
const postgres = (command: 'start' | 'stop' | 'pause' | 'resume') => run('bash', ['.ci/postgres.sh', command, PORT], { timeout: 120_000 });

const onPostgres = testPostgresUrl() !== undefined;
if (!onPostgres) console.warn('SKIPPED db-outage.test.ts: the database-outage test needs PostgreSQL (set DATABASE_URL=postgresql://...)');

describe.skipIf(!onPostgres)('database outage under a running server (PostgreSQL)', () => {
  let server: ServerProcess;
  let token: string;
  let userId: string;

  const me = async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    return { status: response.status, body: (await response.json()) as { data?: { me: { id: string } | null }; errors?: { extensions: { code: string } }[] } };
  };
  const ready = async () => (await fetch(`${server.url}/readyz`)).status;

  beforeAll(async () => {
    const { stdout } = await postgres('start');
    const url = stdout.trim();
    await applyPendingMigrations(url);
    const env = { ...TEST_ENV, DATABASE_URL: url, MIGRATE_ON_START: 'false' };
    const deps = await createDeps(loadConfig(env));
    try {
      const session = await signedInUser(deps);
      token = session.accessToken;
      userId = session.user.id;
    } finally {
      await closeDeps(deps);
    }
    server = await startServerProcess({ ...env, LOG_LEVEL: 'info', DATABASE_CONNECT_TIMEOUT_MS: '1000', PURGE_INTERVAL_SECONDS: '0' });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await postgres('stop').catch(() => {});
  }, 60_000);

  it('fails fast with SERVICE_UNAVAILABLE while the database is down, and recovers by itself', async () => {
    expect(await me()).toEqual({ status: 200, body: { data: { me: { id: userId } } } });
    expect(await ready()).toBe(200);

    await postgres('pause');
    const started = Date.now();
    const down = await me();
    console.info(`request during outage answered in ${Date.now() - started} ms`);
    expect(down.status).toBe(503);
    expect(down.body.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    const logout = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(logout.status).toBe(503);
    expect(await ready()).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Anything that needs no database still works.
    const anonymous = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(await anonymous.json()).toEqual({ data: { __typename: 'Query' } });
    expect(server.child.exitCode).toBeNull();

    await postgres('resume');
    // Bounded wait for the pool to reconnect on demand.
    let status = 0;
    for (let attempt = 0; attempt < 60 && status !== 200; attempt += 1) {
      status = await ready();
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect(await me()).toEqual({ status: 200, body: { data: { me: { id: userId } } } });
    expect(server.child.exitCode).toBeNull();
    // Outage failures are expected, so they are warnings; nothing reached the unexpected-error path.
    expect(server.logs.filter((line) => line.includes('unexpected error'))).toEqual([]);
  }, 120_000);
});
