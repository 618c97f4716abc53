/**
 * Webhook delivery: retries with back-off (TestClock, no waiting), one delivery per event, redirects
 * not followed, private targets refused unless allowed, endpoints disabled after repeated failure,
 * redelivery, and the admin API closed to staff without the webhooks permissions.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverPendingWebhooks } from '../../../src/webhooks/worker.js';
import { enqueueWebhook } from '../../../src/webhooks/enqueue.js';
import { newToken, signedInStaff } from '../../helpers/admin.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { createEndpoint, verified } from './helpers.js';

const CHANGE = ['webhooks.change_webhookendpoint', 'webhooks.view_webhookendpoint'];

async function queueOne(t: TestApp, userId = 'u1') {
  await enqueueWebhook(t.deps.prisma, 'user.deleted', { userId, actor: { kind: 'system' } }, t.deps.clock.now());
}

describe('webhook delivery (private targets allowed for the loopback receiver)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let token: string;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: {
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_BASE_SECONDS: '10',
        WEBHOOK_MAX_ATTEMPTS: '4',
        WEBHOOK_DISABLE_AFTER_FAILURES: '3',
      },
    });
    receiver = await startWebhookReceiver();
    staffId = (await signedInStaff(t.deps, CHANGE)).user.id;
    return () => receiver.stop();
  });
  let staffId: string;
  // The TestClock moves forward here (by seconds: the receiver's standardwebhooks check allows 5
  // minutes of skew against its wall clock); fresh tokens keep the admin calls independent of it.
  beforeEach(async () => {
    token = await newToken(t.deps, staffId);
  });

  it('receiver down, then up: retried after the back-off and delivered exactly once', async () => {
    const endpoint = await createEndpoint(t, token, receiver.url, ['user.deleted']);
    await receiver.stop();
    await queueOne(t, 'down-then-up');
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const row = await t.deps.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null });
    expect(row.lastError).toBeTruthy();
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(10_000);

    await receiver.start();
    // Not due before the back-off has passed.
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(10_000);
    // Two workers racing over the same due row: the conditional claim lets one send it.
    const reports = await Promise.all([deliverPendingWebhooks(t.deps), deliverPendingWebhooks(t.deps)]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(1);
    clock.advance(60_000);
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    token = await newToken(t.deps, staffId);
    const received = receiver.received.filter((request) => verified(endpoint.secret, request).data['userId'] === 'down-then-up');
    expect(received).toHaveLength(1);
    const sent = await t.deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2, lastStatusCode: 200, lastError: null });
    expect((await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).consecutiveFailures).toBe(0);
    await t.graphql('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token });
  });

  it('a redirect is not followed: the attempt fails and the target of the redirect sees nothing', async () => {
    const elsewhere = await startWebhookReceiver();
    try {
      receiver.mode = { kind: 'redirect', location: elsewhere.url };
      const endpoint = await createEndpoint(t, token, receiver.url, ['user.deleted']);
      await queueOne(t, 'redirected');
      expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(elsewhere.received).toEqual([]);
      const row = await t.deps.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      expect(row).toMatchObject({ status: 'PENDING', lastStatusCode: 307, lastError: 'HTTP 307' });
      await t.graphql('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token });
    } finally {
      receiver.mode = { kind: 'ok' };
      await elsewhere.stop();
    }
  });

  it('repeated failure: the delivery gives up after WEBHOOK_MAX_ATTEMPTS; the endpoint is disabled and audited; redelivery after enabling works', async () => {
    receiver.mode = { kind: 'fail' };
    const endpoint = await createEndpoint(t, token, receiver.url, ['user.deleted']);
    await queueOne(t, 'failing');
    // Back-off 10 s, 20 s, 40 s: each attempt is due exactly after the previous one's delay.
    for (const backoff of [10_000, 20_000, 40_000]) {
      await deliverPendingWebhooks(t.deps);
      clock.advance(backoff);
    }
    const disabled = await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled).toMatchObject({ enabled: false, consecutiveFailures: 3, disabledReason: '3 failed attempts in a row' });
    const audit = await t.deps.prisma.auditEvent.findMany({ where: { type: 'webhook.endpoint_disabled' } });
    expect(audit.map((row) => JSON.parse(row.metadata) as { endpointId: string })).toEqual([expect.objectContaining({ endpointId: endpoint.id })]);
    token = await newToken(t.deps, staffId);
    // A disabled endpoint's rows wait: no further attempts, and new events are not queued for it.
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await queueOne(t, 'while-disabled');
    expect(await t.deps.prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);

    // Enabled again: the pending row gets its last attempt and fails for good.
    await t.graphql('mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: true }) { id } }', { id: endpoint.id }, { token });
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [failed] = (
      await t.graphql<{ webhookDeliveries: { id: string; status: string; attempts: number }[] }>(
        'query ($id: ID!) { webhookDeliveries(endpointId: $id) { id status attempts } }',
        { id: endpoint.id },
        { token },
      )
    ).data!.webhookDeliveries;
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 4 });

    receiver.mode = { kind: 'ok' };
    const redelivered = await t.graphql('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { status attempts } }', { id: failed!.id }, { token });
    expect(redelivered.data).toEqual({ redeliverWebhook: { status: 'PENDING', attempts: 0 } });
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(verified(endpoint.secret, receiver.received.at(-1)!).data['userId']).toBe('failing');
    await t.graphql('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token });
  });

  // A rotation with no grace (a leaked secret); the grace period is in secret-rotation.test.ts.
  it('a secret rotated with graceSeconds: 0 signs from then on; the old one no longer verifies', async () => {
    const endpoint = await createEndpoint(t, token, receiver.url, ['user.deleted']);
    const rotated = await t.graphql<{ rotateWebhookSecret: { secret: string } }>(
      'mutation ($id: ID!) { rotateWebhookSecret(id: $id, graceSeconds: 0) { secret } }',
      { id: endpoint.id },
      { token },
    );
    const secret = rotated.data!.rotateWebhookSecret.secret;
    expect(secret).not.toBe(endpoint.secret);
    await queueOne(t, 'rotated');
    await deliverPendingWebhooks(t.deps);
    const request = receiver.received.at(-1)!;
    expect(verified(secret, request).data['userId']).toBe('rotated');
    expect(() => verified(endpoint.secret, request)).toThrow();
    await t.graphql('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token });
  });

  it('the admin API refuses staff without the permission, and an endpoint URL with credentials', async () => {
    const viewer = await signedInStaff(t.deps, ['webhooks.view_webhookendpoint']);
    const refused = await t.graphql(
      'mutation { createWebhookEndpoint(input: { url: "https://x.example", eventTypes: ["user.created"] }) { secret } }',
      {},
      { token: viewer.accessToken },
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const plain = await signedInStaff(t.deps, []);
    expect((await t.graphql('{ webhookEndpoints { id } }', {}, { token: plain.accessToken })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const bad = await t.graphql(
      'mutation { createWebhookEndpoint(input: { url: "https://user:pw@x.example", eventTypes: ["user.created", "nope"] }) { secret } }',
      {},
      { token },
    );
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');
  });
});

describe('webhook targets with the defaults (https only, no private addresses)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { WEBHOOK_ALLOW_HTTP: 'true' } });
    receiver = await startWebhookReceiver();
    token = (await signedInStaff(t.deps, CHANGE)).accessToken;
    return () => receiver.stop();
  });

  it('a loopback target is refused at delivery, whether named by address or by a name resolving to it', async () => {
    // SSRF: without WEBHOOK_ALLOW_PRIVATE_TARGETS a webhook must not reach the server's own network.
    for (const url of [receiver.url, receiver.url.replace('127.0.0.1', 'localhost'), 'http://169.254.169.254/latest/meta-data', 'http://[::1]:9/x']) {
      const endpoint = await createEndpoint(t, token, url, ['user.deleted']);
      await queueOne(t, url);
      expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const row = await t.deps.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      expect(row.lastError).toMatch(/not allowed/);
      await t.graphql('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token });
    }
    expect(receiver.received).toEqual([]);
  });

  it('http:// is refused when WEBHOOK_ALLOW_HTTP is off', async () => {
    const strict = await createTestApp();
    const strictToken = (await signedInStaff(strict.deps, CHANGE)).accessToken;
    const result = await strict.graphql(
      'mutation ($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: ["user.created"] }) { secret } }',
      { url: receiver.url },
      { token: strictToken },
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');
  });
});

describe('the per-attempt timeout', () => {
  it('a receiver that never answers fails the attempt after WEBHOOK_TIMEOUT_MS instead of holding the worker', async () => {
    const t = await createTestApp({ env: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_TIMEOUT_MS: '1000' } });
    const receiver = await startWebhookReceiver();
    try {
      receiver.mode = { kind: 'hang' };
      const token = (await signedInStaff(t.deps, CHANGE)).accessToken;
      const endpoint = await createEndpoint(t, token, receiver.url, ['user.deleted']);
      await queueOne(t, 'hanging');
      expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(receiver.received).toHaveLength(1);
      const row = await t.deps.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      expect(row).toMatchObject({ status: 'PENDING', lastStatusCode: null });
      expect(row.lastError).toMatch(/abort|timeout/i);
    } finally {
      await receiver.stop();
    }
  });
});
