/**
 * Emailed codes and reset tokens under attack: wrong, expired, reused, brute-forced, of another
 * purpose, another user's. Each gets its documented error, changes nothing it should not, and
 * the server keeps serving. Runs on both databases, with real emails and a movable clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestEmail, login, loginTokens, PASSWORD, registerAndVerify, registerUser, uniqueEmail, VERIFY_EMAIL } from '../../helpers/accounts.js';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, extractLink, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const REQUEST_CHANGE = 'mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }';
const CONFIRM_CHANGE = 'mutation($c: String!) { confirmEmailChange(code: $c) { email } }';
const NEW_PASSWORD = 'a completely new passphrase';
/** Code-verification attempts allowed per IP in this file (default 30/15m). */
const VERIFY_IP_LIMIT = 8;

describe('hostile codes and tokens', () => {
  const clock = new TestClock();
  let smtp: SmtpCatcher;
  let t: TestApp;
  let ipCounter = 0;
  /** A fresh client IP per scenario, so the per-IP limits of one do not spill into the next. */
  const freshIp = () => `198.51.100.${++ipCounter}`;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock, env: { RATE_LIMIT_VERIFY_CODE_IP: `${VERIFY_IP_LIMIT}/15m`, ACCESS_TOKEN_TTL_SECONDS: '7200' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** A registered, unverified account and the code emailed to it. */
  async function unverified(): Promise<{ email: string; code: string }> {
    const email = uniqueEmail('code');
    expect((await registerUser(t, email)).errors).toBeUndefined();
    return { email, code: extractCode(await latestEmail(t, smtp, email, /verification code/i)) };
  }
  /** A code that is not `code`. */
  const other = (code: string) => (code === '000000' ? '111111' : '000000');
  const isVerified = async (email: string) => (await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt !== null;
  const verify = (email: string, code: string, ip = freshIp()) => t.graphql(VERIFY_EMAIL, { email, code }, { ip });

  /** A verified account that asked for a reset, and the token from the link. */
  async function resetRequested(): Promise<{ email: string; token: string }> {
    const email = uniqueEmail('reset');
    await registerAndVerify(t, smtp, email);
    expect((await t.graphql(REQUEST_RESET, { e: email }, { ip: freshIp() })).data).toEqual({ requestPasswordReset: true });
    const link = extractLink(await latestEmail(t, smtp, email, /reset your password/i));
    return { email, token: decodeURIComponent(new URL(link).searchParams.get('token')!) };
  }
  const passwordHashOf = async (email: string) => (await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash;

  /** A verified, signed-in account that asked to move to a new address, and the code sent there. */
  async function changeRequested(): Promise<{ email: string; newEmail: string; code: string; accessToken: string }> {
    const email = uniqueEmail('change');
    const newEmail = uniqueEmail('moved');
    await registerAndVerify(t, smtp, email);
    const { accessToken } = await loginTokens(t, email);
    expect((await t.graphql(REQUEST_CHANGE, { e: newEmail, p: PASSWORD }, { token: accessToken })).errors).toBeUndefined();
    return { email, newEmail, accessToken, code: extractCode(await latestEmail(t, smtp, newEmail, /confirm your new email/i)) };
  }

  it.each<[string, () => Promise<void>]>([
    // Email-verification codes
    [
      'verification: a wrong code',
      async () => {
        const { email, code } = await unverified();
        const result = await verify(email, other(code));
        expect(errorCode(result)).toBe('INVALID_CODE');
        // No remainingAttempts: that would tell a registered address from an unknown one.
        expect(result.errors?.[0]?.extensions?.remainingAttempts).toBeUndefined();
        expect(await isVerified(email)).toBe(false);
      },
    ],
    [
      'verification: a code that is not six digits',
      async () => {
        const { email } = await unverified();
        for (const code of ['', '12345', '1234567', 'abcdef', '１２３４５６']) expect(errorCode(await verify(email, code)), code).toBe('INVALID_CODE');
        expect(await isVerified(email)).toBe(false);
      },
    ],
    [
      'verification: an expired code (15 min)',
      async () => {
        const { email, code } = await unverified();
        clock.advance(15 * 60_000 + 1000);
        // Answered as a wrong code: CODE_EXPIRED would reveal a registered address.
        expect(errorCode(await verify(email, code))).toBe('INVALID_CODE');
        expect(await isVerified(email)).toBe(false);
      },
    ],
    [
      'verification: a code used twice',
      async () => {
        const { email, code } = await unverified();
        expect((await verify(email, code)).errors).toBeUndefined();
        const verifiedAt = (await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt;
        expect(errorCode(await verify(email, code))).toBe('INVALID_CODE');
        expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toEqual(verifiedAt);
      },
    ],
    [
      "verification: another user's code",
      async () => {
        const alice = await unverified();
        const bob = await unverified();
        // Codes are bound to their account: Alice's code does nothing for Bob...
        if (alice.code !== bob.code) expect(errorCode(await verify(bob.email, alice.code))).toBe('INVALID_CODE');
        expect(await isVerified(bob.email)).toBe(false);
        // ...and still works for Alice.
        expect((await verify(alice.email, alice.code)).errors).toBeUndefined();
        expect(await isVerified(bob.email)).toBe(false);
      },
    ],
    [
      'verification: brute force on one code (5 tries, then even the right code is refused)',
      async () => {
        const { email, code } = await unverified();
        const ip = freshIp();
        const guesses = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((guess) => guess !== code).slice(0, 5);
        for (const guess of guesses) expect(errorCode(await verify(email, guess, ip))).toBe('INVALID_CODE');
        // Answered as a wrong code (TOO_MANY_ATTEMPTS would reveal a registered address), yet refused.
        expect(errorCode(await verify(email, code, ip))).toBe('INVALID_CODE');
        expect(await isVerified(email)).toBe(false);
      },
    ],
    [
      'verification: brute force from one IP across many accounts (RATE_LIMIT_VERIFY_CODE_IP)',
      async () => {
        const ip = freshIp();
        const victims = await Promise.all(Array.from({ length: VERIFY_IP_LIMIT + 1 }, () => unverified()));
        // One guess per account stays under each code's own cap; the IP limit stops the spread.
        for (const victim of victims.slice(0, VERIFY_IP_LIMIT)) expect(errorCode(await verify(victim.email, other(victim.code), ip))).toBe('INVALID_CODE');
        const last = victims.at(-1)!;
        const refused = await verify(last.email, last.code, ip);
        expect(errorCode(refused)).toBe('RATE_LIMITED');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await isVerified(last.email)).toBe(false);
        // The owner, from their own address, is not locked out.
        expect((await verify(last.email, last.code)).errors).toBeUndefined();
      },
    ],
    [
      'verification: an email-change code of the same account',
      async () => {
        const { email, code: verificationCode } = await unverified();
        // Verify for real, then ask for an email change: its code must not verify anything else.
        expect((await verify(email, verificationCode)).errors).toBeUndefined();
        const { accessToken } = await loginTokens(t, email);
        const newEmail = uniqueEmail('purpose');
        await t.graphql(REQUEST_CHANGE, { e: newEmail, p: PASSWORD }, { token: accessToken });
        const changeCode = extractCode(await latestEmail(t, smtp, newEmail, /confirm your new email/i));
        expect(errorCode(await verify(email, changeCode))).toBe('INVALID_CODE');
        expect(errorCode(await verify(newEmail, changeCode))).toBe('INVALID_CODE');
      },
    ],

    // Password-reset tokens
    [
      'reset: a wrong token',
      async () => {
        const { email } = await resetRequested();
        const before = await passwordHashOf(email);
        for (const token of ['', 'not-a-token', 'A'.repeat(43), '../../etc/passwd', "' OR '1'='1"])
          expect(errorCode(await t.graphql(RESET, { t: token, p: NEW_PASSWORD })), token).toBe('TOKEN_INVALID');
        expect(await passwordHashOf(email)).toBe(before);
      },
    ],
    [
      'reset: a token with one character changed',
      async () => {
        const { email, token } = await resetRequested();
        const before = await passwordHashOf(email);
        const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
        expect(errorCode(await t.graphql(RESET, { t: tampered, p: NEW_PASSWORD }))).toBe('TOKEN_INVALID');
        expect(await passwordHashOf(email)).toBe(before);
        expect((await t.graphql(RESET, { t: token, p: NEW_PASSWORD })).errors).toBeUndefined();
      },
    ],
    [
      'reset: an expired token (1 h)',
      async () => {
        const { email, token } = await resetRequested();
        const before = await passwordHashOf(email);
        clock.advance(3600_000 + 1000);
        expect((await t.graphql('query($t: String!) { verifyPasswordResetToken(token: $t) }', { t: token })).data).toEqual({ verifyPasswordResetToken: false });
        expect(errorCode(await t.graphql(RESET, { t: token, p: NEW_PASSWORD }))).toBe('TOKEN_EXPIRED');
        expect(await passwordHashOf(email)).toBe(before);
      },
    ],
    [
      'reset: a token used twice',
      async () => {
        const { email, token } = await resetRequested();
        expect((await t.graphql(RESET, { t: token, p: NEW_PASSWORD })).errors).toBeUndefined();
        const after = await passwordHashOf(email);
        expect(errorCode(await t.graphql(RESET, { t: token, p: 'yet another passphrase here' }))).toBe('TOKEN_INVALID');
        expect(await passwordHashOf(email)).toBe(after);
        expect((await login(t, email, NEW_PASSWORD)).errors).toBeUndefined();
      },
    ],
    [
      "reset: another user's token acts on that user only",
      async () => {
        const alice = await resetRequested();
        const bob = await resetRequested();
        const bobBefore = await passwordHashOf(bob.email);
        // resetPassword takes no address: a token can only ever reset its own account.
        expect((await t.graphql(RESET, { t: alice.token, p: NEW_PASSWORD })).errors).toBeUndefined();
        expect(await passwordHashOf(bob.email)).toBe(bobBefore);
        expect(errorCode(await login(t, bob.email, NEW_PASSWORD))).toBe('INVALID_CREDENTIALS');
        // Bob's own token is untouched by Alice's reset.
        expect((await t.graphql(RESET, { t: bob.token, p: NEW_PASSWORD })).errors).toBeUndefined();
      },
    ],
    [
      'reset: brute force (random tokens never match; the real one still works)',
      async () => {
        const { email, token } = await resetRequested();
        const before = await passwordHashOf(email);
        const guesses = await Promise.all(
          Array.from({ length: 50 }, (_, i) => t.graphql(RESET, { t: `${token.slice(0, 20)}${i.toString(36).padStart(23, 'x')}`, p: NEW_PASSWORD })),
        );
        expect(new Set(guesses.map(errorCode))).toEqual(new Set(['TOKEN_INVALID']));
        expect(await passwordHashOf(email)).toBe(before);
        expect((await t.graphql(RESET, { t: token, p: NEW_PASSWORD })).errors).toBeUndefined();
      },
    ],
    [
      'reset: a flood of reset requests for one address (RATE_LIMIT_PASSWORD_RESET_EMAIL)',
      async () => {
        const { email } = await resetRequested();
        const before = await t.deps.prisma.outboxEmail.count({ where: { to: email } });
        const answers = [];
        for (let i = 0; i < 5; i++) answers.push(await t.graphql(REQUEST_RESET, { e: email }, { ip: freshIp() }));
        // 3 per hour: the first request was made above, two more are accepted, then refused.
        expect(answers.map((a) => a.data?.requestPasswordReset ?? errorCode(a))).toEqual([true, true, 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
        expect(await t.deps.prisma.outboxEmail.count({ where: { to: email } })).toBe(before + 2);
      },
    ],
    [
      'reset: a verification code used as a reset token',
      async () => {
        const { email, code } = await unverified();
        const before = await passwordHashOf(email);
        expect(errorCode(await t.graphql(RESET, { t: code, p: NEW_PASSWORD }))).toBe('TOKEN_INVALID');
        expect(await passwordHashOf(email)).toBe(before);
      },
    ],

    // Email-change codes
    [
      'email change: a wrong code, then an expired one',
      async () => {
        const { email, code, accessToken } = await changeRequested();
        expect(errorCode(await t.graphql(CONFIRM_CHANGE, { c: other(code) }, { token: accessToken }))).toBe('INVALID_CODE');
        clock.advance(15 * 60_000 + 1000);
        expect(errorCode(await t.graphql(CONFIRM_CHANGE, { c: code }, { token: accessToken }))).toBe('CODE_EXPIRED');
        expect(await t.deps.prisma.user.count({ where: { email } })).toBe(1);
      },
    ],
    [
      "email change: another user's code",
      async () => {
        const alice = await changeRequested();
        const bob = await changeRequested();
        // Bob, signed in, tries Alice's code: it is bound to Alice's account and address.
        if (alice.code !== bob.code) expect(errorCode(await t.graphql(CONFIRM_CHANGE, { c: alice.code }, { token: bob.accessToken }))).toBe('INVALID_CODE');
        expect(await t.deps.prisma.user.count({ where: { email: { in: [alice.email, bob.email] } } })).toBe(2);
        expect(await t.deps.prisma.user.count({ where: { email: { in: [alice.newEmail, bob.newEmail] } } })).toBe(0);
        // Alice's change still goes through, to her new address only.
        expect((await t.graphql(CONFIRM_CHANGE, { c: alice.code }, { token: alice.accessToken })).data).toEqual({
          confirmEmailChange: { email: alice.newEmail },
        });
        expect(await t.deps.prisma.user.count({ where: { email: bob.email } })).toBe(1);
      },
    ],
    [
      'email change: a code used twice',
      async () => {
        const { newEmail, code, accessToken } = await changeRequested();
        expect((await t.graphql(CONFIRM_CHANGE, { c: code }, { token: accessToken })).data).toEqual({ confirmEmailChange: { email: newEmail } });
        expect(errorCode(await t.graphql(CONFIRM_CHANGE, { c: code }, { token: accessToken }))).toBe('INVALID_CODE');
      },
    ],
  ])('%s', async (_label, scenario) => {
    await scenario();
    expect((await t.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
