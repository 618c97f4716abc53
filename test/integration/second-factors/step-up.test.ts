/**
 * Step-up for accounts without a password (passwordless by email): changing the password (setting
 * a first one) or the email and closing the account need a fresh proof, a sign-in or a
 * reauthenticate within REAUTH_WINDOW_SECONDS (moved clock) or a second-factor code; accounts
 * with a password still give it, as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { latestEmail, loginTokens, uniqueEmail } from '../../helpers/accounts.js';
import { extractCode, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { totpCode } from '../../helpers/totp.js';
import { enrolTotp } from '../../helpers/second-factors.js';

const WINDOW_MS = 600 * 1000;
const CHANGE_PASSWORD =
  'mutation ($current: String, $new: String!, $code: String) { changePassword(currentPassword: $current, newPassword: $new, code: $code) }';
const REQUEST_EMAIL_CHANGE = 'mutation ($email: String!, $password: String) { requestEmailChange(newEmail: $email, password: $password) }';
const DEACTIVATE = 'mutation ($password: String, $code: String) { deactivateAccount(password: $password, code: $code) }';
const REAUTHENTICATE = 'mutation ($password: String, $code: String) { reauthenticate(password: $password, code: $code) }';
const NEW_PASSWORD = 'a brand new passphrase 9';

describe('step-up', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock, env: { EMAIL_SIGN_IN: 'true' } });
  });
  afterAll(async () => {
    await smtp.stop();
  });

  /** A passwordless account, signed in by an emailed code; returns its access token. */
  async function passwordless(email?: string): Promise<{ email: string; token: string }> {
    const user = email ? { email } : await createUser(t.deps, { email: uniqueEmail('nopw'), password: null });
    await t.graphql('mutation ($email: String!) { requestSignInCode(email: $email) }', { email: user.email });
    const code = extractCode(await latestEmail(t, smtp, user.email, /sign-in code/i));
    const result = await t.graphql<{ signInWithCode: { accessToken: string } }>(
      'mutation ($email: String!, $code: String!) { signInWithCode(email: $email, code: $code) { ... on AuthPayload { accessToken } } }',
      { email: user.email, code },
    );
    return { email: user.email, token: result.data!.signInWithCode.accessToken };
  }

  it('a passwordless account changes its email and sets a first password right after signing in', async () => {
    const { email, token } = await passwordless();
    expect((await t.graphql(REQUEST_EMAIL_CHANGE, { email: uniqueEmail('moved') }, { token })).data).toEqual({ requestEmailChange: true });
    expect((await t.graphql(CHANGE_PASSWORD, { new: NEW_PASSWORD }, { token })).data).toEqual({ changePassword: 0 });
    // The new password signs in.
    expect((await loginTokens(t, email, NEW_PASSWORD)).accessToken).toBeTruthy();
  });

  it('after REAUTH_WINDOW_SECONDS, asks again (REAUTHENTICATION_REQUIRED) until reauthenticate', async () => {
    const { email, token } = await passwordless();
    const { token: other } = await passwordless(email);
    // Enrolled while the sign-in is fresh (confirming asks for a fresh proof too).
    const { secret } = await enrolTotp(t, token, clock);
    clock.advance(WINDOW_MS + 1000);
    expect(errorCode(await t.graphql(CHANGE_PASSWORD, { new: NEW_PASSWORD }, { token }))).toBe('REAUTHENTICATION_REQUIRED');
    expect(errorCode(await t.graphql(REQUEST_EMAIL_CHANGE, { email: uniqueEmail('late') }, { token }))).toBe('REAUTHENTICATION_REQUIRED');
    expect(errorCode(await t.graphql(DEACTIVATE, {}, { token }))).toBe('REAUTHENTICATION_REQUIRED');
    // A password is no proof for an account that has none.
    expect(errorCode(await t.graphql(REAUTHENTICATE, { password: PASSWORD }, { token }))).toBe('INVALID_CREDENTIALS');

    expect(errorCode(await t.graphql(REAUTHENTICATE, { code: '000000' === totpCode(secret, clock.now()) ? '111111' : '000000' }, { token }))).toBe(
      'INVALID_CODE',
    );
    expect((await t.graphql(REAUTHENTICATE, { code: totpCode(secret, clock.now()) }, { token })).data).toEqual({ reauthenticate: true });
    // Only for the session that reauthenticated, not the account's other one.
    expect(errorCode(await t.graphql(DEACTIVATE, {}, { token: other }))).toBe('REAUTHENTICATION_REQUIRED');
    // The other session is signed out by the change.
    expect((await t.graphql(CHANGE_PASSWORD, { new: NEW_PASSWORD }, { token })).data).toEqual({ changePassword: 1 });
  });

  it('a second-factor code given with the change is a fresh proof too', async () => {
    const { token } = await passwordless();
    const { secret } = await enrolTotp(t, token, clock);
    clock.advance(WINDOW_MS + 1000);
    expect(errorCode(await t.graphql(DEACTIVATE, {}, { token }))).toBe('REAUTHENTICATION_REQUIRED');
    expect((await t.graphql(DEACTIVATE, { code: totpCode(secret, clock.now()) }, { token })).data).toEqual({ deactivateAccount: true });
  });

  it('an account with a password still gives it, fresh session or not', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('pw') });
    const { accessToken: token } = await loginTokens(t, user.email);
    const missing = await t.graphql(CHANGE_PASSWORD, { new: NEW_PASSWORD }, { token });
    expect(errorCode(missing)).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.graphql(CHANGE_PASSWORD, { current: 'wrong password', new: NEW_PASSWORD }, { token }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await t.graphql(REQUEST_EMAIL_CHANGE, { email: uniqueEmail('x') }, { token }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.graphql(DEACTIVATE, {}, { token }))).toBe('VALIDATION_FAILED');
    clock.advance(WINDOW_MS + 1000);
    expect((await t.graphql(CHANGE_PASSWORD, { current: PASSWORD, new: NEW_PASSWORD }, { token })).data).toEqual({ changePassword: 0 });
  });

  it('reauthenticate checks the password and refreshes this session', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('reauth') });
    const { accessToken: token } = await loginTokens(t, user.email);
    clock.advance(WINDOW_MS + 1000);
    expect(errorCode(await t.graphql(REAUTHENTICATE, { password: 'wrong password' }, { token }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await t.graphql(REAUTHENTICATE, {}, { token }))).toBe('VALIDATION_FAILED');
    expect((await t.graphql(REAUTHENTICATE, { password: PASSWORD }, { token })).data).toEqual({ reauthenticate: true });
    const session = await t.deps.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.reauthenticatedAt?.getTime()).toBe(clock.now().getTime());
  });
});
