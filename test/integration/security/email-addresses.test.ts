/**
 * Addresses with display-name syntax (issue 10, item 10). `x<evil@example.test>` was accepted as
 * an email at registration and handed to nodemailer as a string, which parsed it: the mail went
 * to evil@example.test, not to the stored address. Now every way in accepts only a bare
 * addr-spec, and the mailer passes the recipient as an address object, never parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../../../src/mail/outbox.js';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { LOGIN, PASSWORD, registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const HOSTILE = [
  'x<evil@example.test>',
  'x <evil@example.test>',
  '<evil@example.test>',
  'a@b.test, c@d.test',
  'a@b.test,c@d.test',
  'a@b.test; c@d.test',
  '"a b"@x.test',
  '"evil@example.test"@x.test',
  'a(comment)@x.test',
  'group:evil@example.test;',
  'a@[127.0.0.1]',
  'a\\@b@x.test',
  'a b@x.test',
];

const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }';
const REQUEST_CHANGE = 'mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }';

describe('email addresses are bare addr-specs everywhere they enter', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    // Registration is rate limited per IP; the cases below register many times from one.
    t = await createTestApp({
      smtp,
      env: { RATE_LIMIT_REGISTER_IP: '1000/1h', RATE_LIMIT_PASSWORD_CHECK_USER: '1000/15m', RATE_LIMIT_EMAIL_CHANGE_USER: '1000/1h' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it.each(HOSTILE)('register refuses %s with VALIDATION_FAILED on email, and mails no one', async (email) => {
    const result = await registerUser(t, email);
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(result.errors![0]!.extensions)).toContain('"field":"email"');
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
  });

  it('requestEmailChange and admin createUser refuse them too; login finds no account', async () => {
    const me = await signedInUser(t.deps);
    const admin = await signedInUser(t.deps, { isSuperuser: true, isStaff: true });
    for (const email of HOSTILE) {
      expect(errorCode(await t.graphql(REQUEST_CHANGE, { e: email, p: PASSWORD }, { token: me.accessToken })), email).toBe('VALIDATION_FAILED');
      expect(errorCode(await t.graphql(CREATE_USER, { input: { email, sendInvite: true } }, { token: admin.accessToken })), email).toBe('VALIDATION_FAILED');
      expect(errorCode(await t.graphql(LOGIN, { email, password: PASSWORD })), email).toBe('INVALID_CREDENTIALS');
    }
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
  });

  it('delivers mail for a normal address to exactly that RCPT', async () => {
    const email = uniqueEmail("o'brien+tag");
    expect((await registerUser(t, email)).errors).toBeUndefined();
    await deliverPendingEmails(t.deps);
    const message = await smtp.waitFor((m) => m.to.includes(email));
    expect(message.to).toEqual([email]);
  });

  it('hands the recipient to the mailer as an address, so a stored display name cannot redirect mail', async () => {
    // An address stored before this rule (or by any path that missed it) is not parsed again.
    await enqueueEmail(t.deps.prisma, { to: 'x<evil@example.test>', template: 'password_changed', payload: { firstName: 'Ada' } }, t.deps.clock.now());
    await enqueueEmail(t.deps.prisma, { to: 'a@b.test, evil@example.test', template: 'password_changed', payload: { firstName: 'Ada' } }, t.deps.clock.now());
    await deliverPendingEmails(t.deps);
    const recipients = smtp.messages.flatMap((m) => m.to);
    expect(recipients).not.toContain('evil@example.test');
    expect(recipients).not.toContain('a@b.test');
  });
});
