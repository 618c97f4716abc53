/**
 * Verification links (issue 15, item 7): the verification email carries a link
 * (EMAIL_VERIFICATION_URL) as well as the code; verifyEmailWithToken accepts it once; the code and
 * the link of one email die together; every unusable link gets one answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, extractLink, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { latestEmail, registerUser, uniqueEmail, VERIFY_EMAIL } from '../../helpers/accounts.js';

const WITH_TOKEN = 'mutation ($token: String!) { verifyEmailWithToken(token: $token) { id email emailVerified } }';
const RESEND = 'mutation($email: String!) { resendVerificationEmail(email: $email) }';

describe('verification links', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock, env: { EMAIL_VERIFICATION_URL: 'https://app.example/confirm?t={token}' } });
  });
  afterAll(async () => {
    await smtp.stop();
  });

  /** Registers; returns the address, the code and the link's token of the newest verification email. */
  async function registered(): Promise<{ email: string; code: string; token: string }> {
    const email = uniqueEmail('link');
    expect((await registerUser(t, email)).errors).toBeUndefined();
    return { email, ...(await emailed(email)) };
  }

  async function emailed(email: string): Promise<{ code: string; token: string }> {
    const message = await latestEmail(t, smtp, email, /verification code/i);
    const link = new URL(extractLink(message));
    expect(`${link.origin}${link.pathname}`).toBe('https://app.example/confirm');
    return { code: extractCode(message), token: link.searchParams.get('t')! };
  }

  const withToken = (token: string) => t.graphql<{ verifyEmailWithToken: { id: string; email: string; emailVerified: boolean } }>(WITH_TOKEN, { token });
  const verifiedAt = async (email: string) => (await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt;

  // Before item 7 the email had no link and verifyEmailWithToken did not exist.
  it('verifies the address with the link of the email, and records it', async () => {
    const { email, token } = await registered();
    const result = await withToken(token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.verifyEmailWithToken).toMatchObject({ email, emailVerified: true });
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'auth.email_verified' } })).toBe(1);
  });

  it('works once, and kills the code of the same email', async () => {
    const { email, code, token } = await registered();
    expect((await withToken(token)).errors).toBeUndefined();
    expect(errorCode(await withToken(token))).toBe('TOKEN_INVALID');
    expect(errorCode(await t.graphql(VERIFY_EMAIL, { email, code }))).toBe('INVALID_CODE');
  });

  it('dies when the code of the same email is used', async () => {
    const { email, code, token } = await registered();
    expect((await t.graphql(VERIFY_EMAIL, { email, code })).errors).toBeUndefined();
    expect(errorCode(await withToken(token))).toBe('TOKEN_INVALID');
  });

  it('dies when a resend replaces the email; the new link works', async () => {
    const { email, token } = await registered();
    expect((await t.graphql(RESEND, { email })).data).toEqual({ resendVerificationEmail: true });
    const fresh = await emailed(email);
    expect(fresh.token).not.toBe(token);
    expect(errorCode(await withToken(token))).toBe('TOKEN_INVALID');
    expect(await verifiedAt(email)).toBeNull();
    expect((await withToken(fresh.token)).data?.verifyEmailWithToken.emailVerified).toBe(true);
  });

  it('answers an expired, forged or malformed link alike, with one message', async () => {
    const { email, token } = await registered();
    const [id] = token.split('.');
    const forged = `${id}.${'A'.repeat(43)}`;
    const answers = [];
    for (const candidate of [forged, 'not-a-token', `${token}.extra`, 'x'.repeat(500)]) answers.push(await withToken(candidate));
    clock.advance(15 * 60 * 1000 + 1000);
    answers.push(await withToken(token));
    // The expired link gets the same answer as a forged one (TOKEN_EXPIRED would be a finer answer than verifyEmail gives).
    expect(answers.map(errorCode)).toEqual(Array(5).fill('TOKEN_INVALID'));
    expect(new Set(answers.map((a) => a.errors?.[0]?.message)).size).toBe(1);
    expect(await verifiedAt(email)).toBeNull();
  });

  it('is accepted by concurrent uses only once', async () => {
    const { email, code, token } = await registered();
    const results = await Promise.all([withToken(token), withToken(token), t.graphql(VERIFY_EMAIL, { email, code })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'auth.email_verified' } })).toBe(1);
  });
});

describe('verification link default', () => {
  it('points at APP_BASE_URL/verify-email?token={token}', async () => {
    const smtp = await startSmtpCatcher();
    try {
      const t = await createTestApp({ smtp, env: { APP_BASE_URL: 'https://front.example/' } });
      const email = uniqueEmail('default');
      await registerUser(t, email);
      const link = new URL(extractLink(await latestEmail(t, smtp, email, /verification code/i)));
      expect(`${link.origin}${link.pathname}`).toBe('https://front.example/verify-email');
      expect(
        (await t.graphql<{ verifyEmailWithToken: { emailVerified: boolean } }>(WITH_TOKEN, { token: link.searchParams.get('token')! })).data,
      ).toMatchObject({
        verifyEmailWithToken: { emailVerified: true },
      });
    } finally {
      await smtp.stop();
    }
  });
});
