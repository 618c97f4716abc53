/**
 * The outbox sender and the webhook worker as the server runs them (startOutboxSender,
 * startWebhookWorker): a backlog larger than one batch (20 rows) is delivered pass after pass
 * without waiting an interval between full passes. With the interval at an hour, anything past the
 * first batch arriving at all shows it; before, a queue filling faster than 20 rows per interval
 * only grew (issue 12's registration benchmark queued 55 emails a second against 10 sent).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueueEmail } from '../../src/mail/outbox.js';
import { startOutboxSender } from '../../src/mail/sender.js';
import { enqueueWebhook } from '../../src/webhooks/enqueue.js';
import { startWebhookWorker } from '../../src/webhooks/worker.js';
import { signedInStaff } from '../helpers/admin.js';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { uniqueEmail } from '../helpers/accounts.js';
import { createEndpoint } from './webhooks/helpers.js';

const BACKLOG = 45;
const AN_HOUR = '3600000';

describe('a backlog beyond one batch is drained at once', () => {
  let smtp: SmtpCatcher;
  let receiver: WebhookReceiver;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    receiver = await startWebhookReceiver();
    t = await createTestApp({
      smtp,
      env: { MAIL_SEND_INTERVAL_MS: AN_HOUR, WEBHOOK_SEND_INTERVAL_MS: AN_HOUR, WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await receiver.stop();
  });

  it('emails: 45 queued, 45 sent by one running sender, each once', async () => {
    const to = Array.from({ length: BACKLOG }, () => uniqueEmail('backlog'));
    for (const address of to)
      await enqueueEmail(t.deps.prisma, { to: address, template: 'password_changed', payload: { firstName: 'A' }, locale: null }, t.deps.clock.now());
    const sender = startOutboxSender(t.deps);
    try {
      await vi.waitFor(() => expect(to.filter((address) => smtp.to(address).length > 0)).toHaveLength(BACKLOG), { timeout: 30_000, interval: 100 });
      expect(await t.deps.prisma.outboxEmail.count({ where: { to: { in: to }, status: 'SENT' } })).toBe(BACKLOG);
    } finally {
      await sender.stop();
    }
    expect(to.every((address) => smtp.to(address).length === 1)).toBe(true);
  });

  it('webhooks: 45 queued, 45 posted by one running worker', async () => {
    const { accessToken: token } = await signedInStaff(t.deps, ['webhooks.change_webhookendpoint', 'webhooks.view_webhookendpoint']);
    const endpoint = await createEndpoint(t, token, receiver.url, ['user.deleted']);
    // One user each: a user's events go out in order, so rows of one user would wait for each other.
    for (let i = 0; i < BACKLOG; i++)
      await enqueueWebhook(t.deps.prisma, 'user.deleted', { userId: `backlog-${i}`, actor: { kind: 'system' } }, t.deps.clock.now());
    const worker = startWebhookWorker(t.deps);
    try {
      await vi.waitFor(() => expect(receiver.received).toHaveLength(BACKLOG), { timeout: 30_000, interval: 100 });
      expect(await t.deps.prisma.webhookDelivery.count({ where: { endpointId: endpoint.id, status: 'SENT' } })).toBe(BACKLOG);
    } finally {
      await worker.stop();
    }
  });
});
