/**
 * Email sign-in (EMAIL_SIGN_IN): the code and the link through the real SMTP catcher, single use
 * (the code and the link of one request die together), expiry on a moved clock, the limit of
 * tries, answers that never reveal whether an address is registered, and the feature switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, extractLink, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { latestEmail, loginTokens, uniqueEmail } from '../../helpers/accounts.js';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { parseAuthMethods } from '../../../src/auth/mfa/methods.js';
import { newToken } from '../../helpers/admin.js';
import { totpCode } from '../../helpers/totp.js';
import { enrolTotp } from '../../helpers/second-factors.js';

const REQUEST = 'mutation ($email: String!) { requestSignInCode(email: $email) }';
const PAYLOAD = '... on AuthPayload { accessToken session { id } user { id emailVerified } } ... on MfaChallenge { mfaToken methods }';
const WITH_CODE = `mutation ($email: String!, $code: String!) { signInWithCode(email: $email, code: $code) { __typename ${PAYLOAD} } }`;
const WITH_LINK = `mutation ($token: String!) { signInWithLink(token: $token) { __typename ${PAYLOAD} } }`;

interface Signed {
  __typename: 'AuthPayload' | 'MfaChallenge';
  accessToken?: string;
  session?: { id: string };
  user?: { id: string; emailVerified: boolean };
}

const ENV = { EMAIL_SIGN_IN: 'true', SIGN_IN_URL: 'https://app.example/sign-in?token={token}' };

describe('email sign-in', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock, env: ENV });
  });
  afterAll(async () => {
    await smtp.stop();
  });

  /** Asks for a code; returns the code and the link's token from the email. */
  async function requested(email: string): Promise<{ code: string; token: string }> {
    expect((await t.graphql(REQUEST, { email })).data).toEqual({ requestSignInCode: true });
    const message = await latestEmail(t, smtp, email, /sign-in code/i);
    const link = new URL(extractLink(message));
    expect(`${link.origin}${link.pathname}`).toBe('https://app.example/sign-in');
    return { code: extractCode(message), token: link.searchParams.get('token')! };
  }

  const withCode = (email: string, code: string) => t.graphql<{ signInWithCode: Signed }>(WITH_CODE, { email, code });
  const withLink = (token: string) => t.graphql<{ signInWithLink: Signed }>(WITH_LINK, { token });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('signs in with the emailed code, without a password, and verifies the address', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('code'), password: null, verified: false });
    const { code } = await requested(user.email);
    const result = await withCode(user.email, code);
    expect(result.errors).toBeUndefined();
    const signed = result.data!.signInWithCode;
    expect(signed).toMatchObject({ __typename: 'AuthPayload', user: { id: user.id, emailVerified: true } });
    const me = await t.graphql<{ me: { id: string } }>('{ me { id } }', {}, { token: signed.accessToken });
    expect(me.data?.me.id).toBe(user.id);
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: signed.session!.id } });
    expect(parseAuthMethods(session.authMethods)).toEqual(['email_code']);
    const audit = await t.deps.prisma.auditEvent.findMany({ where: { userId: user.id, type: { startsWith: 'sign_in_code.' } } });
    expect(audit.map((e) => e.type).sort()).toEqual(['sign_in_code.requested', 'sign_in_code.used']);
  });

  it('is a first factor only: an account with an authenticator app gets an MfaChallenge, then a session', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('mfa') });
    const { secret } = await enrolTotp(t, await newToken(t.deps, user.id), clock);
    const { code } = await requested(user.email);
    const challenge = (await withCode(user.email, code)).data!.signInWithCode as Signed & { mfaToken: string; methods: string[] };
    expect(challenge).toMatchObject({ __typename: 'MfaChallenge', methods: ['TOTP', 'RECOVERY_CODE'] });
    expect(challenge.accessToken).toBeUndefined();
    const completed = await t.graphql<{ completeMfaSignIn: { session: { id: string } } }>(
      'mutation ($mfaToken: String!, $code: String!) { completeMfaSignIn(mfaToken: $mfaToken, code: $code) { session { id } } }',
      { mfaToken: challenge.mfaToken, code: totpCode(secret, clock.now()) },
    );
    expect(completed.errors).toBeUndefined();
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: completed.data!.completeMfaSignIn.session.id } });
    expect(parseAuthMethods(session.authMethods)).toEqual(['email_code', 'totp']);
  });

  it('signs in with the emailed link', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('link') });
    const { token } = await requested(user.email);
    const signed = (await withLink(token)).data!.signInWithLink;
    expect(signed).toMatchObject({ __typename: 'AuthPayload', user: { id: user.id } });
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: signed.session!.id } });
    expect(parseAuthMethods(session.authMethods)).toEqual(['email_link']);
  });

  it('is single use: a used code or link works neither again nor through its twin', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('replay') });
    const first = await requested(user.email);
    expect((await withCode(user.email, first.code)).data?.signInWithCode.__typename).toBe('AuthPayload');
    expect(errorCode(await withCode(user.email, first.code))).toBe('INVALID_CODE');
    // The link of the same email died with the code.
    expect(errorCode(await withLink(first.token))).toBe('TOKEN_INVALID');

    const second = await requested(user.email);
    expect((await withLink(second.token)).data?.signInWithLink.__typename).toBe('AuthPayload');
    expect(errorCode(await withLink(second.token))).toBe('TOKEN_INVALID');
    expect(errorCode(await withCode(user.email, second.code))).toBe('INVALID_CODE');
  });

  // Regression guard: a check-then-write consumption would let the code and the link both sign in.
  it('the code and the link used at the same moment sign in once', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('race') });
    const { code, token } = await requested(user.email);
    const [byCode, byLink] = await Promise.all([withCode(user.email, code), withLink(token)]);
    const signedIn = [byCode.data?.signInWithCode, byLink.data?.signInWithLink].filter((r) => r?.__typename === 'AuthPayload');
    expect(signedIn).toHaveLength(1);
    expect(await t.deps.prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it('a new request replaces the previous code and link', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('replace') });
    const old = await requested(user.email);
    await requested(user.email);
    expect(errorCode(await withCode(user.email, old.code))).toBe('INVALID_CODE');
    expect(errorCode(await withLink(old.token))).toBe('TOKEN_INVALID');
  });

  it('expires after EMAIL_SIGN_IN_TTL_SECONDS (default 10 minutes)', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('expiry') });
    const { code, token } = await requested(user.email);
    clock.advance(10 * 60 * 1000 + 1000);
    // Answered as a wrong code: CODE_EXPIRED would reveal a registered address.
    expect(errorCode(await withCode(user.email, code))).toBe('INVALID_CODE');
    expect(errorCode(await withLink(token))).toBe('TOKEN_EXPIRED');
    expect(await t.deps.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('allows 5 tries per code: after 5 wrong ones even the right code is refused, answered alike', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('tries') });
    const { code } = await requested(user.email);
    for (let i = 0; i < 5; i++) {
      const result = await withCode(user.email, wrong(code));
      expect(errorCode(result)).toBe('INVALID_CODE');
      // No remaining-attempts count: an unknown address could not show one.
      expect(result.errors?.[0]?.extensions?.remainingAttempts).toBeUndefined();
    }
    expect(errorCode(await withCode(user.email, code))).toBe('INVALID_CODE');
    expect(await t.deps.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // Four wrong tries, the one that used the code up (a burst, for alerting), the refused right one.
    const audit = await t.deps.prisma.auditEvent.findMany({ where: { userId: user.id, type: { startsWith: 'sign_in_code.' } } });
    expect(audit.map((e) => e.type).sort()).toEqual(['sign_in_code.exhausted', ...Array<string>(5).fill('sign_in_code.failed'), 'sign_in_code.requested']);
  });

  it('answers an unknown or disabled address as a known one, and mails nothing', async () => {
    const unknown = uniqueEmail('unknown');
    const disabled = await createUser(t.deps, { email: uniqueEmail('disabled'), isActive: false });
    for (const email of [unknown, disabled.email]) {
      expect((await t.graphql(REQUEST, { email })).data).toEqual({ requestSignInCode: true });
      expect(errorCode(await withCode(email, '123456'))).toBe('INVALID_CODE');
    }
    await deliverPendingEmails(t.deps);
    expect(smtp.to(unknown)).toEqual([]);
    expect(smtp.to(disabled.email)).toEqual([]);
  });

  it('refuses a code issued before the account was disabled', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('later-disabled') });
    const { code, token } = await requested(user.email);
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(errorCode(await withCode(user.email, code))).toBe('INVALID_CODE');
    expect(errorCode(await withLink(token))).toBe('TOKEN_INVALID');
  });

  it('a password change ends outstanding sign-in codes and links (they prove the mailbox of an older state)', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('changed') });
    const { code, token } = await requested(user.email);
    const { accessToken } = await loginTokens(t, user.email);
    const changed = await t.graphql(
      'mutation ($current: String, $new: String!) { changePassword(currentPassword: $current, newPassword: $new) }',
      { current: PASSWORD, new: 'a brand new passphrase 9' },
      { token: accessToken },
    );
    expect(changed.errors).toBeUndefined();
    expect(errorCode(await withCode(user.email, code))).toBe('INVALID_CODE');
    expect(errorCode(await withLink(token))).toBe('TOKEN_INVALID');
  });

  it('refuses forged and malformed links', async () => {
    const user = await createUser(t.deps, { email: uniqueEmail('forged') });
    const { token } = await requested(user.email);
    const [id] = token.split('.');
    for (const forged of [`${id}.${'A'.repeat(43)}`, `${id}`, `${token}.x`, 'not-a-token', 'x'.repeat(5000)]) {
      expect(errorCode(await withLink(forged))).toBe('TOKEN_INVALID');
    }
    // The real one still works afterwards.
    expect((await withLink(token)).data?.signInWithLink.__typename).toBe('AuthPayload');
  });

  it('limits requests per address (RATE_LIMIT_SIGN_IN_CODE_EMAIL, 5 an hour), known or not', async () => {
    for (const email of [(await createUser(t.deps, { email: uniqueEmail('limit') })).email, uniqueEmail('limit-unknown')]) {
      for (let i = 0; i < 5; i++) expect((await t.graphql(REQUEST, { email })).data).toEqual({ requestSignInCode: true });
      expect(errorCode(await t.graphql(REQUEST, { email }))).toBe('RATE_LIMITED');
    }
  });
});

describe('email sign-in turned off (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('answers FEATURE_DISABLED and issues nothing', async () => {
    const user = await createUser(t.deps);
    expect(errorCode(await t.graphql(REQUEST, { email: user.email }))).toBe('FEATURE_DISABLED');
    expect(errorCode(await t.graphql(WITH_CODE, { email: user.email, code: '123456' }))).toBe('FEATURE_DISABLED');
    expect(errorCode(await t.graphql(WITH_LINK, { token: 'a.b' }))).toBe('FEATURE_DISABLED');
    expect(await t.deps.prisma.oneTimeToken.count({ where: { userId: user.id } })).toBe(0);
  });
});
