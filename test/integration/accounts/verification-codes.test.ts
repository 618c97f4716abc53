/**
 * Email verification codes: expiry (moved clock), the limit of tries (also under concurrency),
 * resend replacing older codes, and answers that never reveal whether an address is registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { latestEmail, registerUser, uniqueEmail, VERIFY_EMAIL } from '../../helpers/accounts.js';

const RESEND = 'mutation($email: String!) { resendVerificationEmail(email: $email) }';

describe('verification codes', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function registered(): Promise<{ email: string; code: string }> {
    const email = uniqueEmail();
    await registerUser(t, email);
    return { email, code: extractCode(await latestEmail(t, smtp, email, /verification code/i)) };
  }

  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('expires after VERIFICATION_CODE_TTL_SECONDS (default 15 minutes)', async () => {
    const { email, code } = await registered();
    clock.advance(15 * 60 * 1000 + 1000);
    // Answered as a wrong code: CODE_EXPIRED would reveal a registered address.
    expect(errorCode(await t.graphql(VERIFY_EMAIL, { email, code }))).toBe('INVALID_CODE');
    expect(await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ emailVerifiedAt: null });
  });

  it('allows 5 tries per code: after 5 wrong ones even the right code is refused', async () => {
    const { email, code } = await registered();
    for (let i = 0; i < 5; i++) {
      const result = await t.graphql(VERIFY_EMAIL, { email, code: wrong(code) });
      expect(errorCode(result)).toBe('INVALID_CODE');
      expect(result.errors?.[0]?.extensions?.remainingAttempts).toBeUndefined();
    }
    // Refused, and answered as a wrong code (TOO_MANY_ATTEMPTS would reveal a registered address).
    expect(errorCode(await t.graphql(VERIFY_EMAIL, { email, code }))).toBe('INVALID_CODE');
    expect(await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ emailVerifiedAt: null });
    // A new code is needed, and works.
    expect((await t.graphql(RESEND, { email })).data).toEqual({ resendVerificationEmail: true });
    const fresh = extractCode(await latestEmail(t, smtp, email, /verification code/i));
    expect((await t.graphql(VERIFY_EMAIL, { email, code: fresh })).data).toMatchObject({ verifyEmail: { emailVerified: true } });
  });

  // Regression guard: read-then-write counting would let concurrent guesses exceed the limit.
  it('counts concurrent wrong guesses atomically: never more than 5 are judged', async () => {
    const { email, code } = await registered();
    const guesses = Array.from({ length: 12 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(guesses.map((guess) => t.graphql(VERIFY_EMAIL, { email, code: guess })));
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === 'INVALID_CODE')).toHaveLength(12);
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    const token = await t.deps.prisma.oneTimeToken.findFirstOrThrow({ where: { userId: user.id, purpose: 'EMAIL_VERIFICATION' } });
    expect(token.attempts).toBe(5);
  });

  it('works once, and a resend makes the older code useless', async () => {
    const { email, code } = await registered();
    await t.graphql(RESEND, { email });
    const newer = extractCode(await latestEmail(t, smtp, email, /verification code/i));
    if (newer !== code) expect(errorCode(await t.graphql(VERIFY_EMAIL, { email, code }))).toBe('INVALID_CODE');
    expect((await t.graphql(VERIFY_EMAIL, { email, code: newer })).errors).toBeUndefined();
    expect(errorCode(await t.graphql(VERIFY_EMAIL, { email, code: newer }))).toBe('INVALID_CODE');
  });

  it('answers resend the same for unknown, verified and malformed addresses, sending nothing', async () => {
    const sentBefore = await t.deps.prisma.outboxEmail.count();
    for (const email of [uniqueEmail('nobody'), 'not an email', 'x'.repeat(1000)]) {
      expect(await t.graphql(RESEND, { email })).toMatchObject({ data: { resendVerificationEmail: true }, errors: undefined });
    }
    expect(await t.deps.prisma.outboxEmail.count()).toBe(sentBefore);
    expect(errorCode(await t.graphql(VERIFY_EMAIL, { email: uniqueEmail('nobody'), code: '123456' }))).toBe('INVALID_CODE');
  });
});
