/**
 * Issue 10 item 8: a reset link or code mailed before a password or email change must not act
 * after it. Every change path consumes the user's outstanding reset tokens and one-time codes in
 * the transaction that makes the change; links and codes are read from real emails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../helpers/server-process.js';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, extractLink, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';
import { latestEmail, login, loginTokens, PASSWORD, registerAndVerify, uniqueEmail } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';

const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const REQUEST_RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const CHECK_RESET = 'query($token: String!) { verifyPasswordResetToken(token: $token) }';
const RESET = 'mutation($token: String!, $p: String!) { resetPassword(token: $token, newPassword: $p) }';
const REQUEST_EMAIL_CHANGE = 'mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }';
const CONFIRM_EMAIL_CHANGE = 'mutation($code: String!) { confirmEmailChange(code: $code) { email emailVerified } }';
const ADMIN_UPDATE = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { email emailVerified } }';
const ADMIN_SET_PASSWORD = 'mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }';
const EMAIL_VERIFIED = '{ me { email emailVerified } }';

const CHANGED = 'a freshly changed passphrase';
const ATTACKER = 'what the old link would set';

describe('a password or email change ends older reset links and codes', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, env: { PASSWORD_RESET_URL: 'https://app.example.com/reset#token={token}' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  /** Requests a reset for `email` and returns the token from the mailed link. */
  async function mailedResetToken(email: string): Promise<string> {
    expect((await t.graphql(REQUEST_RESET, { email })).data).toEqual({ requestPasswordReset: true });
    return decodeURIComponent(extractLink(await latestEmail(t, smtp, email, /reset your password/i)).split('token=')[1]!);
  }

  /** The old link is dead: TOKEN_INVALID, not usable, and it changed nothing. */
  async function expectDeadLink(token: string): Promise<void> {
    expect((await t.graphql(CHECK_RESET, { token })).data).toEqual({ verifyPasswordResetToken: false });
    expect(errorCode(await t.graphql(RESET, { token, p: ATTACKER }))).toBe('TOKEN_INVALID');
  }

  it('after changePassword, the earlier link gives TOKEN_INVALID and the password stays', async () => {
    const email = uniqueEmail();
    await registerAndVerify(t, smtp, email);
    const token = await mailedResetToken(email);
    const session = await loginTokens(t, email);
    expect((await t.graphql(CHANGE, { c: PASSWORD, n: CHANGED }, { token: session.accessToken })).errors).toBeUndefined();

    await expectDeadLink(token);
    expect(errorCode(await login(t, email, ATTACKER))).toBe('INVALID_CREDENTIALS');
    expect((await login(t, email, CHANGED)).data?.login).toBeTruthy();
  });

  it('after changePassword, a pending email-change code gives INVALID_CODE', async () => {
    const email = uniqueEmail();
    const newEmail = uniqueEmail('new');
    await registerAndVerify(t, smtp, email);
    const session = await loginTokens(t, email);
    expect((await t.graphql(REQUEST_EMAIL_CHANGE, { e: newEmail, p: PASSWORD }, { token: session.accessToken })).errors).toBeUndefined();
    const code = extractCode(await latestEmail(t, smtp, newEmail, /confirm your new email/i));
    expect((await t.graphql(CHANGE, { c: PASSWORD, n: CHANGED }, { token: session.accessToken })).errors).toBeUndefined();

    expect(errorCode(await t.graphql(CONFIRM_EMAIL_CHANGE, { code }, { token: session.accessToken }))).toBe('INVALID_CODE');
    expect((await t.graphql(EMAIL_VERIFIED, {}, { token: session.accessToken })).data).toEqual({ me: { email, emailVerified: true } });
  });

  it('after confirmEmailChange, the link mailed to the old address gives TOKEN_INVALID', async () => {
    const email = uniqueEmail();
    const newEmail = uniqueEmail('new');
    await registerAndVerify(t, smtp, email);
    const token = await mailedResetToken(email);
    const session = await loginTokens(t, email);
    expect((await t.graphql(REQUEST_EMAIL_CHANGE, { e: newEmail, p: PASSWORD }, { token: session.accessToken })).errors).toBeUndefined();
    const code = extractCode(await latestEmail(t, smtp, newEmail, /confirm your new email/i));
    expect((await t.graphql(CONFIRM_EMAIL_CHANGE, { code }, { token: session.accessToken })).data).toEqual({
      confirmEmailChange: { email: newEmail, emailVerified: true },
    });

    await expectDeadLink(token);
    expect(errorCode(await login(t, newEmail, ATTACKER))).toBe('INVALID_CREDENTIALS');
    expect((await login(t, newEmail, PASSWORD)).data?.login).toBeTruthy();
  });

  it('after an admin changes the email, the old link neither resets nor marks the new address verified', async () => {
    const admin = await signedInUser(t.deps, { isSuperuser: true });
    const email = uniqueEmail();
    const newEmail = uniqueEmail('new');
    const id = await registerAndVerify(t, smtp, email);
    const token = await mailedResetToken(email);
    const updated = await t.graphql(ADMIN_UPDATE, { id, input: { email: newEmail } }, { token: admin.accessToken });
    expect(updated.data).toEqual({ updateUser: { email: newEmail, emailVerified: false } });

    await expectDeadLink(token);
    const stored = await t.deps.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(stored.emailVerifiedAt).toBeNull();
    expect(await t.deps.passwords.verify(stored.passwordHash!, PASSWORD)).toBe(true);
  });

  it('after an admin sets the password, the earlier link gives TOKEN_INVALID', async () => {
    const admin = await signedInUser(t.deps, { isSuperuser: true });
    const email = uniqueEmail();
    const id = await registerAndVerify(t, smtp, email);
    const token = await mailedResetToken(email);
    expect((await t.graphql(ADMIN_SET_PASSWORD, { id, p: CHANGED }, { token: admin.accessToken })).errors).toBeUndefined();

    await expectDeadLink(token);
    expect((await login(t, email, CHANGED)).data?.login).toBeTruthy();
  });

  it('completing a reset ends a pending email-change code', async () => {
    const email = uniqueEmail();
    const newEmail = uniqueEmail('new');
    await registerAndVerify(t, smtp, email);
    const before = await loginTokens(t, email);
    expect((await t.graphql(REQUEST_EMAIL_CHANGE, { e: newEmail, p: PASSWORD }, { token: before.accessToken })).errors).toBeUndefined();
    const code = extractCode(await latestEmail(t, smtp, newEmail, /confirm your new email/i));
    const token = await mailedResetToken(email);
    expect((await t.graphql(RESET, { token, p: CHANGED })).data).toEqual({ resetPassword: true });

    const after = await loginTokens(t, email, CHANGED);
    expect(errorCode(await t.graphql(CONFIRM_EMAIL_CHANGE, { code }, { token: after.accessToken }))).toBe('INVALID_CODE');
    expect((await t.graphql(EMAIL_VERIFIED, {}, { token: after.accessToken })).data).toEqual({ me: { email, emailVerified: true } });
  });

  // A fresh tsx process: several seconds on a busy machine.
  it('after the CLI changepassword, the earlier link gives TOKEN_INVALID', { timeout: 120_000 }, async () => {
    const email = uniqueEmail();
    await registerAndVerify(t, smtp, email);
    const token = await mailedResetToken(email);
    const env = { ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false', GATEHOUSE_PASSWORD: CHANGED };
    const result = await runProcess(['src/cli/index.ts', 'changepassword', '--email', email, '--no-input'], env);
    expect(result.code, result.stderr).toBe(0);

    await expectDeadLink(token);
    expect((await login(t, email, CHANGED)).data?.login).toBeTruthy();
  });
});
