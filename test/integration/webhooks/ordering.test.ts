/**
 * Per-user order: a user's later delivery to an endpoint waits while an earlier one is pending a
 * retry, and a user's events go out in the order they were queued; other users are not held up.
 * Before, the worker took due rows by due time alone, so an event queued after a failed one
 * overtook it (a receiver saw user.updated, then later the user.created it followed).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { enqueueWebhook } from '../../../src/webhooks/enqueue.js';
import { deliverPendingWebhooks } from '../../../src/webhooks/worker.js';
import { signedInUser } from '../../helpers/factories.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { createEndpoint, verified, type CreatedEndpoint } from './helpers.js';

describe('per-user order of deliveries', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let endpoint: CreatedEndpoint;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_SECONDS: '10' } });
    receiver = await startWebhookReceiver();
    const token = (await signedInUser(t.deps, { isSuperuser: true })).accessToken;
    endpoint = await createEndpoint(t, token, receiver.url, ['session.revoked']);
    return () => receiver.stop();
  });

  /** One event about `userId`, queued a second after the previous one. */
  async function queue(userId: string, reason: string) {
    await enqueueWebhook(t.deps.prisma, 'session.revoked', { userId, sessionIds: [], reason }, clock.now());
    clock.advance(1000);
  }
  const seen = (from: number) => receiver.received.slice(from).map((request) => verified(endpoint.secret, request).data);

  it("a user's later event waits while an earlier one is pending a retry; another user's does not", async () => {
    receiver.mode = { kind: 'fail' };
    await queue('ada', 'first');
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 }); // retry in 10 s
    receiver.mode = { kind: 'ok' };
    await queue('ada', 'second');
    await queue('bob', 'other');
    const before = receiver.received.length;
    // 'second' is due, but 'first' of the same user is pending: only bob's event goes.
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(seen(before)).toEqual([{ userId: 'bob', sessionIds: [], reason: 'other' }]);
    const waiting = await t.deps.prisma.webhookDelivery.findFirstOrThrow({ where: { payload: { contains: '"second"' } } });
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0 });

    clock.advance(10_000);
    const retried = receiver.received.length;
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(seen(retried).map((data) => data['reason'])).toEqual(['first', 'second']);
  });

  it("a user's burst goes out in one pass, in the order queued", async () => {
    for (const reason of ['a', 'b', 'c', 'd', 'e']) await queue('cy', reason);
    const before = receiver.received.length;
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 5, retrying: 0, failed: 0 });
    expect(seen(before).map((data) => data['reason'])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a delivery that gave up no longer holds the later ones', async () => {
    receiver.mode = { kind: 'fail' };
    await queue('dee', 'doomed');
    await deliverPendingWebhooks(t.deps);
    await t.deps.prisma.webhookDelivery.updateMany({ where: { payload: { contains: '"doomed"' } }, data: { status: 'FAILED' } });
    receiver.mode = { kind: 'ok' };
    await queue('dee', 'after');
    const before = receiver.received.length;
    expect(await deliverPendingWebhooks(t.deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(seen(before).map((data) => data['reason'])).toEqual(['after']);
  });
});
