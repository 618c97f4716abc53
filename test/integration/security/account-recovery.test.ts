/**
 * The public account-recovery flows tell an attacker nothing about an address and cannot be used
 * to block its owner: verifyEmail answers every failure alike, and a flood of reset requests
 * leaves the owner's earlier link working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestEmail, registerAndVerify, registerUser, uniqueEmail, VERIFY_EMAIL } from '../../helpers/accounts.js';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, extractLink, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const CHECK_RESET = 'query($t: String!) { verifyPasswordResetToken(token: $t) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';

describe('account recovery answers', () => {
  const clock = new TestClock();
  let smtp: SmtpCatcher;
  let t: TestApp;
  let ipCounter = 0;
  const freshIp = () => `203.0.113.${++ipCounter}`;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token')!);

  // The hole: a wrong code for a registered, unverified address came back with
  // `remainingAttempts` (and later CODE_EXPIRED / TOO_MANY_ATTEMPTS), an unknown or verified one
  // without: anyone could tell which addresses have accounts.
  it('answers verifyEmail identically for an unknown address, a verified one, a wrong, an expired and an exhausted code', async () => {
    const verified = uniqueEmail('verified');
    await registerAndVerify(t, smtp, verified);
    const pending = uniqueEmail('pending');
    await registerUser(t, pending);
    const code = extractCode(await latestEmail(t, smtp, pending, /verification code/i));
    const wrong = code === '000000' ? '111111' : '000000';
    const answer = async (email: string, c: string) => {
      const result = await t.graphql(VERIFY_EMAIL, { email, code: c }, { ip: freshIp() });
      return { data: result.data, errors: result.errors };
    };

    const unknown = await answer(uniqueEmail('nobody'), wrong);
    expect(errorCode(unknown)).toBe('INVALID_CODE');
    expect(await answer(verified, wrong)).toEqual(unknown);
    expect(await answer(pending, wrong)).toEqual(unknown);
    // Exhausted: the remaining tries used up, then even the right code.
    for (let i = 1; i < t.config.accounts.codeMaxAttempts; i++) expect(await answer(pending, wrong)).toEqual(unknown);
    expect(await answer(pending, code)).toEqual(unknown);
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { email: pending } })).emailVerifiedAt).toBeNull();

    const late = uniqueEmail('late');
    await registerUser(t, late);
    const lateCode = extractCode(await latestEmail(t, smtp, late, /verification code/i));
    clock.advance(t.config.accounts.codeTtlSeconds * 1000 + 1000);
    expect(await answer(late, lateCode)).toEqual(unknown);
  });

  // The hole: each reset request deleted the earlier links, so someone who knew the address could
  // request three resets in a row (the hourly quota per address) and leave the owner with only
  // dead links and no way to ask for another.
  it('keeps the owner’s reset link valid when someone else spends the address’s request quota', async () => {
    const email = uniqueEmail('victim');
    await registerAndVerify(t, smtp, email);
    expect((await t.graphql(REQUEST_RESET, { e: email }, { ip: freshIp() })).data).toEqual({ requestPasswordReset: true });
    const owners = tokenOf(extractLink(await latestEmail(t, smtp, email, /reset your password/i)));

    // The attacker spends the rest of the quota, and is refused beyond it.
    const quota = t.config.rateLimits.passwordResetEmail.points;
    for (let i = 1; i < quota; i++) expect((await t.graphql(REQUEST_RESET, { e: email }, { ip: freshIp() })).data).toEqual({ requestPasswordReset: true });
    expect(errorCode(await t.graphql(REQUEST_RESET, { e: email }, { ip: freshIp() }))).toBe('RATE_LIMITED');

    expect((await t.graphql(CHECK_RESET, { t: owners })).data).toEqual({ verifyPasswordResetToken: true });
    expect((await t.graphql(RESET, { t: owners, p: 'the owner is back in' })).data).toEqual({ resetPassword: true });
  });
});

describe('reset links beyond the cap', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, env: { RATE_LIMITS_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('keeps at most five live links per account (the oldest goes first) when the rate limits are off', async () => {
    const email = uniqueEmail('many');
    const id = await registerAndVerify(t, smtp, email);
    for (let i = 0; i < 7; i++) await t.graphql(REQUEST_RESET, { e: email });
    expect(await t.deps.prisma.oneTimeToken.count({ where: { userId: id, purpose: 'PASSWORD_RESET' } })).toBe(5);
  });
});
