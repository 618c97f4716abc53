/**
 * An endpoint disabled after repeated failures: the audit row, and an email through the outbox to
 * the people who can enable it again (active superusers, active staff holding
 * webhooks.change_webhookendpoint directly or through a group), read at a real SMTP catcher.
 * Before this, the endpoint went quiet with only an audit row nobody was told to read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { enqueueWebhook } from '../../../src/webhooks/enqueue.js';
import { deliverPendingWebhooks } from '../../../src/webhooks/worker.js';
import { grant, signedInStaff } from '../../helpers/admin.js';
import { createUser } from '../../helpers/factories.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { createEndpoint } from './helpers.js';

describe('an endpoint disabled after repeated failures', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  let receiver: WebhookReceiver;
  const clock = new TestClock();

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({
      smtp,
      clock,
      env: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_SECONDS: '1', WEBHOOK_DISABLE_AFTER_FAILURES: '2' },
    });
    receiver = await startWebhookReceiver();
    return async () => {
      await receiver.stop();
      await smtp.stop();
    };
  });

  it('is audited and mailed, once, to superusers and to staff who hold the change permission', async () => {
    const superuser = await createUser(t.deps, { isSuperuser: true, email: 'root@example.com' });
    const direct = await signedInStaff(t.deps, ['webhooks.change_webhookendpoint'], { email: 'direct@example.com' });
    const viaGroup = await createUser(t.deps, { isStaff: true, email: 'via-group@example.com' });
    const group = await t.deps.prisma.group.create({ data: { name: 'webhook-keepers' } });
    const permission = await t.deps.prisma.permission.findUniqueOrThrow({ where: { codename: 'webhooks.change_webhookendpoint' } });
    await t.deps.prisma.groupPermission.create({ data: { groupId: group.id, permissionId: permission.id } });
    await t.deps.prisma.userGroup.create({ data: { userId: viaGroup.id, groupId: group.id } });
    // Not told: staff who may only look, a former superuser, and a non-staff account holding the permission.
    await signedInStaff(t.deps, ['webhooks.view_webhookendpoint'], { email: 'viewer@example.com' });
    await createUser(t.deps, { isSuperuser: true, isActive: false, email: 'former@example.com' });
    const notStaff = await createUser(t.deps, { email: 'not-staff@example.com' });
    await grant(t.deps, notStaff.id, ['webhooks.change_webhookendpoint']);

    receiver.mode = { kind: 'fail' };
    const endpoint = await createEndpoint(t, direct.accessToken, receiver.url, ['user.deleted']);
    for (const userId of ['a', 'b', 'c']) await enqueueWebhook(t.deps.prisma, 'user.deleted', { userId, actor: { kind: 'system' } }, clock.now());
    // Three failures; the second reaches the threshold, the third finds the endpoint already off.
    await deliverPendingWebhooks(t.deps);
    expect(await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ enabled: false });
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'webhook.endpoint_disabled' } })).toBe(1);

    const queued = await t.deps.prisma.outboxEmail.findMany({ where: { template: 'webhook_endpoint_disabled' }, orderBy: { to: 'asc' } });
    expect(queued.map((row) => row.to)).toEqual(['direct@example.com', 'root@example.com', 'via-group@example.com']);
    await deliverPendingEmails(t.deps);
    const mail = await smtp.waitFor((message) => message.to.includes('via-group@example.com'));
    expect(mail.subject).toBe('A webhook endpoint was disabled');
    expect(mail.text).toContain(receiver.url);
    expect(mail.text).toContain('2 failed delivery attempts in a row');
    expect(smtp.to(superuser.email)).toHaveLength(1);
    for (const quiet of ['viewer@example.com', 'former@example.com', 'not-staff@example.com']) expect(smtp.to(quiet)).toEqual([]);
  });
});
