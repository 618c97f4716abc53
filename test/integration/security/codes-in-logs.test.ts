/**
 * Codes in logs (issue 10, item 11). With no SMTP_HOST the mailer logged each email's subject,
 * and the subject of the verification and email-change emails carried the code: anyone reading
 * the logs could verify an address or take over an email change. Now no log line holds a code or
 * a token, and no subject does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { createLogger } from '../../../src/logger.js';
import { PASSWORD, registerUser, uniqueEmail, VERIFY_EMAIL } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const RESEND = 'mutation($e: String!) { resendVerificationEmail(email: $e) }';
const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($token: String!, $p: String!) { resetPassword(token: $token, newPassword: $p) }';
const REQUEST_CHANGE = 'mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }';
const CONFIRM_CHANGE = 'mutation($c: String!) { confirmEmailChange(code: $c) { email } }';

interface Written {
  to: string;
  subject: string;
  text: string;
}

describe('codes and tokens stay out of logs and subjects (no SMTP: emails written to files)', () => {
  const lines: string[] = [];
  let t: TestApp;
  const seen = new Set<string>();

  beforeAll(async () => {
    // Every log line at the most verbose level, as an operator would collect them.
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await createTestApp({ logger: createLogger('trace', sink) });
  });

  /** Delivers the outbox and returns the emails written since the last call. */
  async function newEmails(): Promise<Written[]> {
    await deliverPendingEmails(t.deps);
    const written: Written[] = [];
    for (const file of readdirSync(t.config.mail.dir)
      .filter((name) => name.endsWith('.eml'))
      .sort()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const parsed = await simpleParser(readFileSync(join(t.config.mail.dir, file)));
      written.push({ to: parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '', subject: parsed.subject ?? '', text: parsed.text ?? '' });
    }
    return written;
  }
  const only = (emails: Written[]): Written => {
    expect(emails).toHaveLength(1);
    return emails[0]!;
  };
  const codeIn = (email: Written) => /\b(\d{6})\b/.exec(email.text)![1]!;

  it('register, resend, password reset and email change: no code or token in any log line or subject', async () => {
    const secrets: string[] = [];
    const subjects: string[] = [];
    const keep = (email: Written, secret: string) => {
      secrets.push(secret);
      subjects.push(email.subject);
    };

    // Register: a verification code.
    const registrant = uniqueEmail('logged');
    expect((await registerUser(t, registrant)).errors).toBeUndefined();
    const first = only(await newEmails());
    keep(first, codeIn(first));

    // Resend: a new code.
    expect((await t.graphql(RESEND, { e: registrant })).data).toEqual({ resendVerificationEmail: true });
    const resent = only(await newEmails());
    keep(resent, codeIn(resent));
    expect((await t.graphql(VERIFY_EMAIL, { email: registrant, code: codeIn(resent) })).errors).toBeUndefined();

    // Password reset: a link carrying a token, then used.
    const forgetful = await signedInUser(t.deps);
    expect((await t.graphql(REQUEST_RESET, { e: forgetful.user.email })).data).toEqual({ requestPasswordReset: true });
    const reset = only(await newEmails());
    const token = /token=([\w-]+)/.exec(reset.text)![1]!;
    keep(reset, token);
    expect((await t.graphql(RESET, { token, p: 'a brand new passphrase 42' })).data).toEqual({ resetPassword: true });
    await newEmails(); // the "password changed" notice

    // Email change: a code sent to the new address, then used.
    const mover = await signedInUser(t.deps);
    const target = uniqueEmail('moved');
    expect((await t.graphql(REQUEST_CHANGE, { e: target, p: PASSWORD }, { token: mover.accessToken })).data).toEqual({ requestEmailChange: true });
    const change = (await newEmails()).find((email) => email.to === target)!;
    keep(change, codeIn(change));
    expect((await t.graphql(CONFIRM_CHANGE, { c: codeIn(change) }, { token: mover.accessToken })).data).toEqual({ confirmEmailChange: { email: target } });
    await newEmails();

    // The capture works: each email written was logged (with its recipient and file path).
    const mailLines = lines.filter((line) => line.includes('email written to file'));
    expect(mailLines.length).toBeGreaterThanOrEqual(4);
    expect(mailLines.some((line) => line.includes(registrant))).toBe(true);

    expect(secrets).toHaveLength(4);
    for (const secret of secrets) {
      expect(
        lines.filter((line) => line.includes(secret)),
        `a log line holds ${secret}`,
      ).toEqual([]);
      for (const subject of subjects) expect(subject).not.toContain(secret);
    }
    for (const subject of subjects) expect(subject).not.toMatch(/\d{6}/);
  });
});
