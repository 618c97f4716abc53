/**
 * Authenticator apps (issue 13): enrolment, the MfaChallenge a password alone now gets, codes
 * computed by the test from the secret (RFC 6238 with node:crypto), replay, drift, recovery codes,
 * attempt limits, the challenge's binding and lifetime, and turning the app off.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { LOGIN_RESULT, COMPLETE_MFA, CONFIRM_TOTP, START_TOTP, enrolTotp, type LoginResult } from '../../helpers/second-factors.js';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { latestEmail } from '../../helpers/accounts.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { totpCode } from '../../helpers/totp.js';

const ME_MFA = '{ me { mfa { enabled totp passkeys recoveryCodesLeft } } }';

describe('authenticator app (TOTP) and recovery codes', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  const clock = new TestClock(new Date('2026-12-03T10:00:05Z'));

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ clock, smtp, env: { RATE_LIMIT_MFA_USER: '12/15m', RATE_LIMIT_MFA_IP: '1000/15m' } });
  });
  afterAll(() => smtp.stop());

  async function userWithTotp() {
    const { user, accessToken } = await signedInUser(t.deps);
    const { secret, recoveryCodes } = await enrolTotp(t, accessToken, clock);
    return { user, accessToken, secret, recoveryCodes };
  }

  async function challenge(email: string, ua = 'test-agent'): Promise<Extract<LoginResult, { __typename: 'MfaChallenge' }>> {
    const result = await t.graphql<{ login: LoginResult }>(LOGIN_RESULT, { email, password: PASSWORD }, { headers: { 'user-agent': ua } });
    expect(result.errors).toBeUndefined();
    const login = result.data!.login;
    if (login.__typename !== 'MfaChallenge') throw new Error('expected an MfaChallenge');
    return login;
  }

  it('enrols with a QR code and a first code; me shows the factor and ten recovery codes; the secret is encrypted at rest', async () => {
    const { user, accessToken } = await signedInUser(t.deps);
    const started = await t.graphql<{ startTotpEnrollment: { secret: string; otpauthUri: string; qrCodeSvg: string } }>(START_TOTP, {}, { token: accessToken });
    const { secret, otpauthUri, qrCodeSvg } = started.data!.startTotpEnrollment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Gatehouse:/);
    expect(new URL(otpauthUri).searchParams.get('secret')).toBe(secret);
    expect(qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // Not in force before it is confirmed.
    expect((await challengeOrTokens(user.email)).__typename).toBe('AuthPayload');

    const row = await t.deps.prisma.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretCiphertext).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(row.secretCiphertext).not.toContain(secret);

    expect(errorCode(await t.graphql(CONFIRM_TOTP, { code: totpCode(secret, clock.now(), 3) }, { token: accessToken }))).toBe('INVALID_CODE');
    const confirmed = await t.graphql<{ confirmTotpEnrollment: string[] }>(CONFIRM_TOTP, { code: totpCode(secret, clock.now()) }, { token: accessToken });
    const codes = confirmed.data!.confirmTotpEnrollment;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await t.deps.prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash).some((hash) => codes.some((code) => hash.includes(code.replace('-', ''))))).toBe(false);

    const me = await t.graphql<{ me: { mfa: unknown } }>(ME_MFA, {}, { token: accessToken });
    expect(me.data!.me.mfa).toEqual({ enabled: true, totp: true, passkeys: 0, recoveryCodesLeft: 10 });
    expect((await latestEmail(t, smtp, user.email, /sign-in method was added/i)).text).toMatch(/authenticator app/);
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'mfa.totp_enabled' } })).toBe(1);
    clock.advance(30_000);
  });

  async function challengeOrTokens(email: string): Promise<LoginResult> {
    const result = await t.graphql<{ login: LoginResult }>(LOGIN_RESULT, { email, password: PASSWORD }, { headers: { 'user-agent': 'test-agent' } });
    return result.data!.login;
  }

  it('the password alone answers an MfaChallenge, never tokens; a code computed from the secret completes it', async () => {
    const { user, secret } = await userWithTotp();
    const sessionsBefore = await t.deps.prisma.session.count({ where: { userId: user.id } });
    const mfa = await challenge(user.email);
    expect(mfa.methods).toEqual(['TOTP', 'RECOVERY_CODE']);
    expect(new Date(mfa.expiresAt).getTime() - clock.now().getTime()).toBe(300_000);
    expect(await t.deps.prisma.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);

    const done = await t.graphql<{ completeMfaSignIn: { accessToken: string; session: { id: string }; user: { id: string } } }>(
      COMPLETE_MFA,
      { t: mfa.mfaToken, c: totpCode(secret, clock.now()) },
      { headers: { 'user-agent': 'test-agent' } },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeMfaSignIn.user.id).toBe(user.id);
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: done.data!.completeMfaSignIn.session.id } });
    expect(JSON.parse(session.authMethods)).toEqual(['password', 'totp']);
    const me = await t.graphql<{ me: { mfa: { enabled: boolean } } }>(ME_MFA, {}, { token: done.data!.completeMfaSignIn.accessToken });
    expect(me.data!.me.mfa.enabled).toBe(true);

    // The mfaToken is single use.
    const again = await t.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: totpCode(secret, clock.now(), 1) }, { headers: { 'user-agent': 'test-agent' } });
    expect(errorCode(again)).toBe('TOKEN_INVALID');
  });

  it('a code once used is refused on replay, in the same step and for an earlier one; one step of drift either way is accepted', async () => {
    const { user, secret } = await userWithTotp();
    const code = totpCode(secret, clock.now());
    const first = await challenge(user.email);
    expect((await t.graphql(COMPLETE_MFA, { t: first.mfaToken, c: code }, { headers: { 'user-agent': 'test-agent' } })).errors).toBeUndefined();
    const second = await challenge(user.email);
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: second.mfaToken, c: code }, { headers: { 'user-agent': 'test-agent' } }))).toBe('INVALID_CODE');
    // The step before the one used is older: refused too, although within the drift window.
    expect(
      errorCode(await t.graphql(COMPLETE_MFA, { t: second.mfaToken, c: totpCode(secret, clock.now(), -1) }, { headers: { 'user-agent': 'test-agent' } })),
    ).toBe('INVALID_CODE');
    // Two steps ahead: outside the window.
    expect(
      errorCode(await t.graphql(COMPLETE_MFA, { t: second.mfaToken, c: totpCode(secret, clock.now(), 2) }, { headers: { 'user-agent': 'test-agent' } })),
    ).toBe('INVALID_CODE');
    // The phone's clock one step ahead: accepted.
    expect(
      (await t.graphql(COMPLETE_MFA, { t: second.mfaToken, c: totpCode(secret, clock.now(), 1) }, { headers: { 'user-agent': 'test-agent' } })).errors,
    ).toBeUndefined();
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'mfa.code_failed' } })).toBe(3);
  });

  it('a recovery code works once, is audited and mailed; a second use is refused', async () => {
    const { user, recoveryCodes } = await userWithTotp();
    const code = recoveryCodes[3]!.toUpperCase().replace('-', ' ');
    const first = await challenge(user.email);
    const done = await t.graphql<{ completeMfaSignIn: { session: { id: string } } }>(
      COMPLETE_MFA,
      { t: first.mfaToken, c: code },
      { headers: { 'user-agent': 'test-agent' } },
    );
    expect(done.errors).toBeUndefined();
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: done.data!.completeMfaSignIn.session.id } });
    expect(JSON.parse(session.authMethods)).toEqual(['password', 'recovery_code']);
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'mfa.recovery_code_used' } })).toBe(1);
    expect((await latestEmail(t, smtp, user.email, /recovery code was used/i)).text).toMatch(/9 codes are left/);

    const second = await challenge(user.email);
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: second.mfaToken, c: recoveryCodes[3]! }, { headers: { 'user-agent': 'test-agent' } }))).toBe(
      'INVALID_CODE',
    );
    // Another user's code is no good here either.
    const other = await userWithTotp();
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: second.mfaToken, c: other.recoveryCodes[0]! }, { headers: { 'user-agent': 'test-agent' } }))).toBe(
      'INVALID_CODE',
    );
  });

  it('a challenge takes five wrong codes, then dies; the per-user limit stops guessing across new challenges', async () => {
    const { user, secret } = await userWithTotp();
    const mfa = await challenge(user.email);
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i += 1)
      outcomes.push(errorCode(await t.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: String(100000 + i) }, { headers: { 'user-agent': 'test-agent' } })));
    expect(outcomes).toEqual(['INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'INVALID_CODE', 'TOO_MANY_ATTEMPTS']);
    // The password was right and the second step failed throughout: the owner is told, once.
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'mfa.challenge_exhausted' } })).toBe(1);
    expect((await latestEmail(t, smtp, user.email, /could not finish signing in/i)).text).toMatch(/someone knows your password/);
    // Even the right code is refused on a dead challenge.
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: totpCode(secret, clock.now()) }, { headers: { 'user-agent': 'test-agent' } }))).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    // New challenges (the password is known): the per-user limit (12 per 15 min here) ends it. Used
    // so far: the enrolment code and the seven tries above (every try counts, refused ones too).
    const later: (string | undefined)[] = [];
    for (let i = 0; i < 6; i += 1) {
      const next = await challenge(user.email);
      later.push(errorCode(await t.graphql(COMPLETE_MFA, { t: next.mfaToken, c: String(200000 + i) }, { headers: { 'user-agent': 'test-agent' } })));
    }
    expect(later).toEqual([...Array(4).fill('INVALID_CODE'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('the mfaToken is bound to the client that got it and expires', async () => {
    const { user, secret } = await userWithTotp();
    const mfa = await challenge(user.email, 'phone');
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: totpCode(secret, clock.now()) }, { headers: { 'user-agent': 'elsewhere' } }))).toBe(
      'TOKEN_INVALID',
    );
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: 'x'.repeat(43), c: totpCode(secret, clock.now()) }, { headers: { 'user-agent': 'phone' } }))).toBe(
      'TOKEN_INVALID',
    );
    clock.advance(301_000);
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: totpCode(secret, clock.now()) }, { headers: { 'user-agent': 'phone' } }))).toBe(
      'TOKEN_EXPIRED',
    );
  });

  it('turning the app off needs the password or a code, mails the owner, and the password alone signs in again', async () => {
    const { user, accessToken, secret } = await userWithTotp();
    const DISABLE = 'mutation($p: String, $c: String) { disableTotp(password: $p, code: $c) }';
    expect(errorCode(await t.graphql(DISABLE, {}, { token: accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
    expect(errorCode(await t.graphql(DISABLE, { p: 'not my password' }, { token: accessToken }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await t.graphql(DISABLE, { c: '000000' }, { token: accessToken }))).toBe('INVALID_CODE');
    expect((await t.graphql(DISABLE, { c: totpCode(secret, clock.now()) }, { token: accessToken })).data).toEqual({ disableTotp: true });
    expect(await t.deps.prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
    expect((await latestEmail(t, smtp, user.email, /sign-in method was removed/i)).text).toMatch(/authenticator app was removed/);
    expect((await challengeOrTokens(user.email)).__typename).toBe('AuthPayload');
  });

  it('confirming enrolment after the step-up window needs the password; an app already on cannot be started again', async () => {
    const { accessToken } = await signedInUser(t.deps);
    const started = await t.graphql<{ startTotpEnrollment: { secret: string } }>(START_TOTP, {}, { token: accessToken });
    const secret = started.data!.startTotpEnrollment.secret;
    clock.advance(11 * 60_000);
    expect(errorCode(await t.graphql(CONFIRM_TOTP, { code: totpCode(secret, clock.now()) }, { token: accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
    expect((await t.graphql(CONFIRM_TOTP, { code: totpCode(secret, clock.now()), password: PASSWORD }, { token: accessToken })).errors).toBeUndefined();
    expect(errorCode(await t.graphql(START_TOTP, {}, { token: accessToken }))).toBe('CONFLICT');
    clock.advance(30_000);
  });

  it('regenerating recovery codes replaces them all and mails the owner', async () => {
    const { user, accessToken, recoveryCodes } = await userWithTotp();
    const REGENERATE = 'mutation($p: String) { regenerateRecoveryCodes(password: $p) }';
    const fresh = await t.graphql<{ regenerateRecoveryCodes: string[] }>(REGENERATE, {}, { token: accessToken });
    expect(fresh.data!.regenerateRecoveryCodes).toHaveLength(10);
    expect(fresh.data!.regenerateRecoveryCodes).not.toContain(recoveryCodes[0]);
    await latestEmail(t, smtp, user.email, /new recovery codes/i);
    const mfa = await challenge(user.email);
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: recoveryCodes[0]! }, { headers: { 'user-agent': 'test-agent' } }))).toBe(
      'INVALID_CODE',
    );
    expect(
      (await t.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: fresh.data!.regenerateRecoveryCodes[0]! }, { headers: { 'user-agent': 'test-agent' } })).errors,
    ).toBeUndefined();
    // Without a second factor there is nothing to back up.
    const plain = await signedInUser(t.deps);
    expect(errorCode(await t.graphql(REGENERATE, {}, { token: plain.accessToken }))).toBe('CONFLICT');
  });

  it('an account disabled between the two steps gets no session', async () => {
    const { user, secret } = await userWithTotp();
    const mfa = await challenge(user.email);
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: totpCode(secret, clock.now()) }, { headers: { 'user-agent': 'test-agent' } }))).toBe(
      'ACCOUNT_DISABLED',
    );
  });

  it('an unknown user cannot learn anything from completeMfaSignIn', async () => {
    await createUser(t.deps);
    expect(errorCode(await t.graphql(COMPLETE_MFA, { t: 'a'.repeat(300), c: '123456' }))).toBe('TOKEN_INVALID');
  });
});
