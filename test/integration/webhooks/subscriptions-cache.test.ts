/**
 * Issue 12: registrations and sign-ins no longer read the webhook endpoints on every event; the
 * instance holds which event types have a subscriber (src/auth/cache/auth-cache.ts) and may only
 * ever conclude "nobody" from it (src/webhooks/enqueue.ts). The holes this guards: an endpoint
 * created, enabled or subscribed while the cache said "nobody" must get the next event on this
 * instance at once, and on another PostgreSQL instance once the NOTIFY arrives (not after the
 * cache's maximum age); and an endpoint disabled or deleted while the cache still listed it must
 * neither receive rows nor make the sign-in fail on the delivery's foreign key.
 */
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../../src/admin/actor.js';
import { createWebhookEndpoint, deleteWebhookEndpoint, updateWebhookEndpoint } from '../../../src/admin/webhooks.js';
import { closeDeps, createDeps } from '../../../src/create-deps.js';
import type { Deps } from '../../../src/deps.js';
import { createApp } from '../../../src/server/app.js';
import { login, registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { createUser } from '../../helpers/factories.js';
import { createGraphQLClient, type GraphQLClient } from '../../helpers/graphql.js';
import { createTestApp } from '../../helpers/test-app.js';
import { testPostgresUrl } from '../../helpers/test-database.js';

// A maximum age far beyond the test, so only an invalidation can explain a fresh answer.
const env = { SESSION_CACHE_SECONDS: '300', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };
const URL = 'http://127.0.0.1:9/hook';
const admin = cliActor('test');

async function signIn(client: GraphQLClient, deps: Deps): Promise<void> {
  const user = await createUser(deps);
  const result = await login(client, user.email);
  expect(result.errors).toBeUndefined();
}

const rows = (deps: Deps, eventType: string) => deps.prisma.webhookDelivery.count({ where: { eventType } });

describe('webhook subscriptions cache', () => {
  it('an endpoint created, changed, disabled, enabled or deleted on this instance counts from the next sign-in on', async () => {
    const t = await createTestApp({ env });
    await signIn(t, t.deps); // caches "nobody subscribes"
    await expect(registerUser(t, uniqueEmail())).resolves.toMatchObject({ errors: undefined });

    const { endpoint } = await createWebhookEndpoint(t.deps, admin, { url: URL, eventTypes: ['session.created', 'user.created'] });
    await signIn(t, t.deps);
    expect(await rows(t.deps, 'session.created')).toBe(1);
    expect((await registerUser(t, uniqueEmail())).errors).toBeUndefined();
    expect(await rows(t.deps, 'user.created')).toBe(1);

    // Unsubscribed, then disabled: no rows, although sign-ins ran with a cache that listed them.
    await updateWebhookEndpoint(t.deps, admin, endpoint.id, { eventTypes: ['user.created'] });
    await signIn(t, t.deps);
    expect(await rows(t.deps, 'session.created')).toBe(1);
    await updateWebhookEndpoint(t.deps, admin, endpoint.id, { enabled: false });
    expect((await registerUser(t, uniqueEmail())).errors).toBeUndefined();
    expect(await rows(t.deps, 'user.created')).toBe(1);

    // Enabled again with session.created: the next sign-in queues its row.
    await updateWebhookEndpoint(t.deps, admin, endpoint.id, { enabled: true, eventTypes: ['session.created'] });
    await signIn(t, t.deps);
    expect(await rows(t.deps, 'session.created')).toBe(2);

    // Deleted (its rows go by cascade): the next sign-in neither fails nor queues.
    await deleteWebhookEndpoint(t.deps, admin, endpoint.id);
    await signIn(t, t.deps);
    expect(await t.deps.prisma.webhookDelivery.count()).toBe(0);
  });

  it('an endpoint disabled or deleted behind the cache (by the worker, or by another instance) costs a lookup, never a failed sign-in', async () => {
    const t = await createTestApp({ env });
    const { endpoint } = await createWebhookEndpoint(t.deps, admin, { url: URL, eventTypes: ['session.created'] });
    await signIn(t, t.deps); // caches "session.created has a subscriber"
    expect(await rows(t.deps, 'session.created')).toBe(1);
    // Written without telling the cache, as a lost notification would leave it.
    await t.deps.prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false } });
    await signIn(t, t.deps);
    expect(await rows(t.deps, 'session.created')).toBe(1);
    await t.deps.prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await signIn(t, t.deps);
    expect(await t.deps.prisma.webhookDelivery.count()).toBe(0);
  });

  it('SESSION_CACHE_SECONDS=0 reads the endpoints on every event, as before', async () => {
    const t = await createTestApp({ env: { ...env, SESSION_CACHE_SECONDS: '0' } });
    await signIn(t, t.deps);
    await t.deps.prisma.webhookEndpoint.create({ data: { url: URL, eventTypes: '["session.created"]', secretEncrypted: 'x' } });
    await signIn(t, t.deps);
    expect(await rows(t.deps, 'session.created')).toBe(1);
  });
});

describe.skipIf(testPostgresUrl() === undefined)('webhook subscriptions cache across PostgreSQL instances', () => {
  it("an endpoint created on instance B gets A's next sign-in once B's NOTIFY arrives", async () => {
    const a = await createTestApp({ env });
    const bDeps = await createDeps(a.config);
    try {
      const b = createGraphQLClient(createApp(bDeps));
      await signIn(a, a.deps); // A caches "nobody subscribes"
      await signIn(b, bDeps);
      const created = performance.now();
      await createWebhookEndpoint(bDeps, admin, { url: URL, eventTypes: ['session.created'] });
      // A learns of it by NOTIFY: within this wait, far below the 300 s maximum age.
      let signIns = 0;
      while ((await rows(a.deps, 'session.created')) === 0 && performance.now() - created < 10_000) {
        await signIn(a, a.deps);
        signIns++;
      }
      expect(await rows(a.deps, 'session.created')).toBe(1);
      console.log(`A queued for B's new endpoint ${(performance.now() - created).toFixed(1)} ms after B's write began, at its sign-in number ${signIns}`);
    } finally {
      await closeDeps(bDeps);
    }
  });
});
