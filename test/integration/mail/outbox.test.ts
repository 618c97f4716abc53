/**
 * The email outbox: written with the change that causes it, delivered by the sender with
 * claims, retries with back-off, and never sent twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../../../src/mail/outbox.js';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { extractCode, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { registerUser, uniqueEmail, VERIFY_EMAIL } from '../../helpers/accounts.js';

describe('outbox delivery over SMTP', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock, env: { MAIL_MAX_ATTEMPTS: '3', MAIL_RETRY_BASE_SECONDS: '30' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('registers while SMTP is down; the code arrives once SMTP is back', async () => {
    await smtp.stop();
    const email = uniqueEmail('down');
    const registered = await registerUser(t, email);
    expect(registered.errors).toBeUndefined();
    expect(await deliverPendingEmails(t.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const row = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null });
    expect(row.lastError).toBeTruthy();
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(29_000);

    await smtp.start();
    // Not due yet: nothing is tried before the back-off has passed.
    expect(await deliverPendingEmails(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(31_000);
    expect(await deliverPendingEmails(t.deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const message = await smtp.waitFor((m) => m.to.includes(email));
    expect((await t.graphql(VERIFY_EMAIL, { email, code: extractCode(message) })).errors).toBeUndefined();
    // SENT is final.
    clock.advance(3600_000);
    expect(await deliverPendingEmails(t.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('doubles the delay after each failure and gives up after MAIL_MAX_ATTEMPTS, erasing the payload', async () => {
    await smtp.stop();
    const to = uniqueEmail('never');
    await enqueueEmail(t.deps.prisma, { to, template: 'password_changed', payload: { firstName: 'A' } }, clock.now());
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverPendingEmails(t.deps);
      const row = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to } });
      expect(row.attempts).toBe(attempt);
      if (row.status === 'PENDING') {
        delays.push(row.nextAttemptAt.getTime() - clock.now().getTime());
        clock.advance(row.nextAttemptAt.getTime() - clock.now().getTime());
      }
    }
    expect(delays).toEqual([30_000, 60_000]);
    const row = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to } });
    expect(row).toMatchObject({ status: 'FAILED', payload: '{}' });
    await smtp.start();
    clock.advance(86_400_000);
    await deliverPendingEmails(t.deps);
    expect(smtp.to(to)).toHaveLength(0);
  });

  it('never lets two senders send the same row', async () => {
    const recipients = Array.from({ length: 6 }, () => uniqueEmail('pair'));
    for (const to of recipients) await enqueueEmail(t.deps.prisma, { to, template: 'password_changed', payload: { firstName: 'B' } }, clock.now());
    const [a, b] = await Promise.all([deliverPendingEmails(t.deps), deliverPendingEmails(t.deps)]);
    expect(a.sent + b.sent).toBe(recipients.length);
    for (const to of recipients) expect(smtp.to(to)).toHaveLength(1);
  });

  it('claims again a row whose sender died (its claim expired)', async () => {
    const to = uniqueEmail('crashed');
    await enqueueEmail(t.deps.prisma, { to, template: 'password_changed', payload: { firstName: 'C' } }, clock.now());
    await t.deps.prisma.outboxEmail.updateMany({
      where: { to },
      data: { status: 'SENDING', attempts: 1, lockedUntil: new Date(clock.now().getTime() + 60_000) },
    });
    expect((await deliverPendingEmails(t.deps)).sent).toBe(0);
    clock.advance(61_000);
    expect((await deliverPendingEmails(t.deps)).sent).toBe(1);
    expect(await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to } })).toMatchObject({ status: 'SENT', attempts: 2 });
  });
});

describe('without SMTP_HOST', () => {
  it('writes each email as an .eml file into MAIL_DIR', async () => {
    const t = await createTestApp();
    try {
      const email = uniqueEmail('file');
      await registerUser(t, email);
      expect((await deliverPendingEmails(t.deps)).sent).toBe(1);
      const files = readdirSync(t.config.mail.dir).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(t.config.mail.dir, files[0]!), 'utf8');
      expect(eml).toContain(`To: ${email}`);
      // Codes stay out of subjects (issue 10, item 11): the code is in the body only.
      expect(eml).toMatch(/^Subject: Your verification code$/m);
      expect(eml).toMatch(/Your verification code is \d{6}\./);
    } finally {
      await t.close();
    }
  });
});
