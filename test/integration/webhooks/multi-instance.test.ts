/**
 * Two Gatehouse server processes on one PostgreSQL database, both webhook workers polling often
 * and racing for the same rows: every event reaches each endpoint exactly once (counted by
 * webhook-id at a real receiver, every request verified with standardwebhooks), and one user's
 * events reach an endpoint in the order they were queued although two instances send them.
 * PostgreSQL only (SQLite is one instance by design): skipped, loudly, on SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../../src/admin/actor.js';
import { createWebhookEndpoint } from '../../../src/admin/webhooks.js';
import { loadConfig } from '../../../src/config/index.js';
import { closeDeps, createDeps } from '../../../src/create-deps.js';
import type { Deps } from '../../../src/deps.js';
import { enqueueWebhook } from '../../../src/webhooks/enqueue.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { TEST_ENV } from '../../helpers/test-app.js';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../../helpers/test-database.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { verified } from './helpers.js';

const onPostgres = testPostgresUrl() !== undefined;
if (!onPostgres)
  console.warn('SKIPPED webhooks/multi-instance.test.ts: several instances share the queue only on PostgreSQL (set DATABASE_URL=postgresql://...)');

const USERS = 12;
const EVENTS_PER_USER = 4;

describe.skipIf(!onPostgres)('two instances deliver each webhook once', () => {
  let db: TestDatabase;
  let deps: Deps;
  let receiver: WebhookReceiver;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    receiver = await startWebhookReceiver();
    const env = {
      ...TEST_ENV,
      LOG_LEVEL: 'info',
      DATABASE_URL: db.url,
      MIGRATE_ON_START: 'false',
      PURGE_INTERVAL_SECONDS: '0',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      // Both workers poll often, so they race for the same rows.
      WEBHOOK_SEND_INTERVAL_MS: '100',
    };
    deps = await createDeps(loadConfig(env));
    for (let i = 0; i < 2; i++) servers.push(await startServerProcess(env, 90_000));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    if (deps) await closeDeps(deps);
    await receiver?.stop();
    await db?.drop();
  }, 60_000);

  it("every event once per endpoint, a user's events in order", async () => {
    const endpoints = await Promise.all(
      ['/one', '/two'].map((path) =>
        createWebhookEndpoint(deps, cliActor('test'), { url: receiver.url.replace('/hook', path), eventTypes: ['session.revoked'] }),
      ),
    );
    // Queued while both workers poll, one event per user per round, each a millisecond later.
    const start = Date.now();
    for (let round = 0; round < EVENTS_PER_USER; round++) {
      for (let user = 0; user < USERS; user++) {
        const at = new Date(start + round * USERS + user);
        await enqueueWebhook(deps.prisma, 'session.revoked', { userId: `user-${user}`, sessionIds: [], reason: `round-${round}` }, at);
      }
    }
    const total = USERS * EVENTS_PER_USER;
    const deadline = Date.now() + 60_000;
    while (receiver.received.length < 2 * total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    // A little longer: a duplicate would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await Promise.all(servers.map((server) => server.stop()))).toEqual([0, 0]);

    for (const { endpoint, secret } of endpoints) {
      const path = new URL(endpoint.url).pathname;
      const events = receiver.received.filter((request) => request.path === path).map((request) => verified(secret, request));
      const perId = new Map<string, number>();
      for (const event of events) perId.set(event.id, (perId.get(event.id) ?? 0) + 1);
      expect(perId.size).toBe(total);
      expect([...perId.values()].every((count) => count === 1)).toBe(true);
      for (let user = 0; user < USERS; user++) {
        const rounds = events.filter((event) => event.data['userId'] === `user-${user}`).map((event) => event.data['reason']);
        expect(rounds).toEqual(Array.from({ length: EVENTS_PER_USER }, (_, round) => `round-${round}`));
      }
    }
    const rows = await deps.prisma.webhookDelivery.findMany();
    expect(rows).toHaveLength(2 * total);
    expect(new Set(rows.map((row) => `${row.status}/${row.attempts}`))).toEqual(new Set(['SENT/1']));
    const sentBy = servers.map((server) => server.logs.filter((line) => line.includes('"webhook delivered"')).length);
    console.info(`webhooks: instance A delivered ${sentBy[0]}, instance B delivered ${sentBy[1]} of ${2 * total}`);
    expect(sentBy[0]! + sentBy[1]!).toBe(2 * total);
  }, 120_000);
});
