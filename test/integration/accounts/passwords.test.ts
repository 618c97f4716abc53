/**
 * Password change (signs the other devices out), reset by the emailed link, and re-hashing of
 * hashes made with other parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../../src/auth/passwords/hasher.js';
import { errorCode } from '../../helpers/graphql.js';
import { extractLink, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { latestEmail, login, loginTokens, ME, PASSWORD, refresh, registerAndVerify, uniqueEmail } from '../../helpers/accounts.js';

const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const REQUEST_RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const CHECK_RESET = 'query($token: String!) { verifyPasswordResetToken(token: $token) }';
const RESET = 'mutation($token: String!, $p: String!) { resetPassword(token: $token, newPassword: $p) }';
const NEW_PASSWORD = 'a brand new passphrase';

describe('passwords', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock, env: { PASSWORD_RESET_URL: 'https://app.example.com/reset#token={token}' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('changes the password, signs the other devices out (not this one) and emails a notice', async () => {
    const email = uniqueEmail();
    await registerAndVerify(t, smtp, email);
    const here = await loginTokens(t, email);
    const there = await loginTokens(t, email);

    expect(errorCode(await t.graphql(CHANGE, { c: 'wrong password!', n: NEW_PASSWORD }, { token: here.accessToken }))).toBe('INVALID_CREDENTIALS');
    const weak = await t.graphql(CHANGE, { c: PASSWORD, n: 'short' }, { token: here.accessToken });
    expect(errorCode(weak)).toBe('VALIDATION_FAILED');
    expect(weak.errors?.[0]?.extensions?.fields).toContainEqual(expect.objectContaining({ field: 'newPassword', code: 'password_too_short' }));

    const changed = await t.graphql(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, { token: here.accessToken });
    expect(changed.data).toEqual({ changePassword: 1 });
    expect((await t.graphql<{ me: unknown }>(ME, {}, { token: here.accessToken })).data?.me).not.toBeNull();
    expect((await t.graphql(ME, {}, { token: there.accessToken })).data).toEqual({ me: null });
    expect(errorCode(await refresh(t, there.refreshToken))).toBe('TOKEN_INVALID');
    expect(errorCode(await login(t, email, PASSWORD))).toBe('INVALID_CREDENTIALS');
    expect((await login(t, email, NEW_PASSWORD)).data?.login).toBeTruthy();
    await latestEmail(t, smtp, email, /password was changed/i);
  });

  it('resets the password with the emailed link: once, ending every session', async () => {
    const email = uniqueEmail();
    await registerAndVerify(t, smtp, email);
    const session = await loginTokens(t, email);
    expect((await t.graphql(REQUEST_RESET, { email: email.toUpperCase() })).data).toEqual({ requestPasswordReset: true });
    const link = extractLink(await latestEmail(t, smtp, email, /reset your password/i));
    expect(link.startsWith('https://app.example.com/reset#token=')).toBe(true);
    const token = decodeURIComponent(link.split('token=')[1]!);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);

    expect((await t.graphql(CHECK_RESET, { token })).data).toEqual({ verifyPasswordResetToken: true });
    expect((await t.graphql(CHECK_RESET, { token })).data).toEqual({ verifyPasswordResetToken: true }); // no side effect
    const weak = await t.graphql(RESET, { token, p: '123456789' });
    expect(errorCode(weak)).toBe('VALIDATION_FAILED');
    expect((await t.graphql(RESET, { token, p: NEW_PASSWORD })).data).toEqual({ resetPassword: true });

    expect((await t.graphql(ME, {}, { token: session.accessToken })).data).toEqual({ me: null });
    expect(errorCode(await t.graphql(RESET, { token, p: 'another new passphrase' }))).toBe('TOKEN_INVALID');
    expect((await t.graphql(CHECK_RESET, { token })).data).toEqual({ verifyPasswordResetToken: false });
    expect((await login(t, email, NEW_PASSWORD)).data?.login).toBeTruthy();
    const stored = await t.deps.prisma.oneTimeToken.findMany({ where: { purpose: 'PASSWORD_RESET' } });
    expect(JSON.stringify(stored)).not.toContain(token);
    // The outbox keeps no usable link once the email is sent.
    const outbox = await t.deps.prisma.outboxEmail.findMany({ where: { to: email, template: 'password_reset' } });
    expect(outbox.map((row) => [row.status, row.payload])).toEqual([['SENT', '{}']]);
  });

  it('expires reset links after an hour; a newer link leaves the older one valid', async () => {
    const email = uniqueEmail();
    await registerAndVerify(t, smtp, email);
    await t.graphql(REQUEST_RESET, { email });
    const older = decodeURIComponent(extractLink(await latestEmail(t, smtp, email, /reset/i)).split('token=')[1]!);
    await t.graphql(REQUEST_RESET, { email });
    const newer = decodeURIComponent(extractLink(await latestEmail(t, smtp, email, /reset/i)).split('token=')[1]!);
    expect(newer).not.toBe(older);
    expect((await t.graphql(CHECK_RESET, { token: older })).data).toEqual({ verifyPasswordResetToken: true });
    clock.advance(3600 * 1000 + 1000);
    expect(errorCode(await t.graphql(RESET, { token: older, p: NEW_PASSWORD }))).toBe('TOKEN_EXPIRED');
    expect(errorCode(await t.graphql(RESET, { token: newer, p: NEW_PASSWORD }))).toBe('TOKEN_EXPIRED');
    expect((await t.graphql(CHECK_RESET, { token: newer })).data).toEqual({ verifyPasswordResetToken: false });
  });

  it('answers a reset request the same for unknown, disabled and malformed addresses, sending nothing', async () => {
    const email = uniqueEmail();
    const id = await registerAndVerify(t, smtp, email);
    await t.deps.prisma.user.update({ where: { id }, data: { isActive: false } });
    const before = await t.deps.prisma.outboxEmail.count();
    for (const address of [uniqueEmail('nobody'), email, 'garbage']) {
      expect(await t.graphql(REQUEST_RESET, { email: address })).toMatchObject({ data: { requestPasswordReset: true }, errors: undefined });
    }
    expect(await t.deps.prisma.outboxEmail.count()).toBe(before);
  });

  it('re-hashes a password hashed with other parameters at the next successful login', async () => {
    const email = uniqueEmail();
    const id = await registerAndVerify(t, smtp, email);
    const weaker = createPasswordHasher({ memoryKib: 2048, iterations: 1, parallelism: 1, concurrency: 2, maxQueue: 64 });
    await t.deps.prisma.user.update({ where: { id }, data: { passwordHash: await weaker.hash(PASSWORD) } });
    expect(t.deps.passwords.needsRehash((await t.deps.prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash!)).toBe(true);
    await loginTokens(t, email);
    const after = (await t.deps.prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash!;
    expect(after).toContain('m=1024');
    expect(t.deps.passwords.needsRehash(after)).toBe(false);
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'auth.password_rehashed', userId: id } })).toBe(1);
    await loginTokens(t, email);
  });
});
