/**
 * Rotating an endpoint's secret with a grace period: until it ends, each request carries a
 * signature under the new secret and one under the old, so a receiver holding either verifies
 * (standardwebhooks); after it (TestClock), only the new. Before, a rotation cut the old secret
 * off at once and every receiver not yet switched rejected the next event.
 */
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { enqueueWebhook } from '../../../src/webhooks/enqueue.js';
import { deliverPendingWebhooks } from '../../../src/webhooks/worker.js';
import { signedInUser } from '../../helpers/factories.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { createEndpoint, verified } from './helpers.js';

const ROTATE = `mutation ($id: ID!, $grace: Int) {
  rotateWebhookSecret(id: $id, graceSeconds: $grace) { secret endpoint { previousSecretValidUntil } }
}`;

describe('secret rotation with a grace period', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let token: string;
  const clock = new TestClock();

  beforeAll(async () => {
    // A short default grace: the receiver's standardwebhooks check allows 5 minutes of skew against
    // its wall clock, so the TestClock may not run further ahead than that.
    t = await createTestApp({ clock, env: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_SECRET_GRACE_SECONDS: '120' } });
    receiver = await startWebhookReceiver();
    token = (await signedInUser(t.deps, { isSuperuser: true })).accessToken;
    return () => receiver.stop();
  });

  async function deliverOne(userId: string) {
    await enqueueWebhook(t.deps.prisma, 'user.deleted', { userId, actor: { kind: 'system' } }, clock.now());
    expect(await deliverPendingWebhooks(t.deps)).toMatchObject({ sent: 1 });
    return receiver.received.at(-1)!;
  }

  async function rotate(id: string, grace?: number) {
    const result = await t.graphql<{ rotateWebhookSecret: { secret: string; endpoint: { previousSecretValidUntil: string | null } } }>(
      ROTATE,
      { id, grace },
      { token },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.rotateWebhookSecret;
  }

  it('both secrets verify during the grace (WEBHOOK_SECRET_GRACE_SECONDS), only the new one after', async () => {
    const endpoint = await createEndpoint(t, token, receiver.url, ['user.deleted']);
    const rotated = await rotate(endpoint.id);
    expect(rotated.endpoint.previousSecretValidUntil).toBe(new Date(clock.now().getTime() + 120_000).toISOString());

    const during = await deliverOne('during');
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(endpoint.secret, during).data['userId']).toBe('during'); // a receiver not yet switched
    expect(verified(rotated.secret, during).data['userId']).toBe('during'); // a receiver already switched

    clock.advance(120_000); // the grace ends at exactly this instant
    const after = await deliverOne('after');
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verified(rotated.secret, after).data['userId']).toBe('after');
    expect(() => verified(endpoint.secret, after)).toThrow();
    const listed = await t.graphql<{ webhookEndpoints: { id: string; previousSecretValidUntil: string | null }[] }>(
      '{ webhookEndpoints { id previousSecretValidUntil } }',
      {},
      { token },
    );
    expect(listed.data!.webhookEndpoints.find((row) => row.id === endpoint.id)!.previousSecretValidUntil).toBeNull();
    await t.graphql('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token });
  });

  it('the old secret is kept encrypted; a grace given to the mutation wins; a second rotation retires the one it replaces', async () => {
    const endpoint = await createEndpoint(t, token, receiver.url, ['user.deleted']);
    const first = await rotate(endpoint.id, 30);
    expect(first.endpoint.previousSecretValidUntil).toBe(new Date(clock.now().getTime() + 30_000).toISOString());
    const row = await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.previousSecretEncrypted).toBeTruthy();
    expect(row.previousSecretEncrypted).not.toContain(endpoint.secret.slice(6));
    expect(JSON.stringify(await t.deps.prisma.auditEvent.findMany({ where: { type: 'admin.webhook_secret_rotated' } }))).not.toContain(
      endpoint.secret.slice(6),
    );

    const second = await rotate(endpoint.id);
    const request = await deliverOne('twice');
    expect(verified(second.secret, request).data['userId']).toBe('twice');
    expect(verified(first.secret, request).data['userId']).toBe('twice');
    // Only the secret just retired signs beside the new one: the first one has gone.
    expect(() => new Webhook(endpoint.secret).verify(request.body, request.headers as Record<string, string>)).toThrow();

    const rejected = await t.graphql(ROTATE, { id: endpoint.id, grace: -1 }, { token });
    expect(rejected.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');

    // A secret that no longer decrypts (its key retired) is replaced with nothing to keep, not a 500.
    const broken = await t.deps.prisma.webhookEndpoint.create({ data: { url: receiver.url, eventTypes: '["user.deleted"]', secretEncrypted: 'x' } });
    expect((await rotate(broken.id)).endpoint.previousSecretValidUntil).toBeNull();
  });
});
