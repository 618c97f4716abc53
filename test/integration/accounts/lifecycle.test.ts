/**
 * The whole life of an account over the real pipeline, with the code read from a real email:
 * register -> verify -> login -> me -> refresh -> old token rejected -> replay ends the session
 * -> logout -> the access token is rejected at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { latestEmail, login, loginTokens, ME, PASSWORD, refresh, registerAndVerify, registerUser, uniqueEmail, VERIFY_EMAIL } from '../../helpers/accounts.js';

describe('account lifecycle', () => {
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

  it('walks register -> verify -> login -> me -> refresh -> reuse -> logout end to end', async () => {
    const email = uniqueEmail('walk');
    const registered = await registerUser(t, email.toUpperCase());
    expect(registered.data?.register).toEqual({ user: { id: expect.any(String), email, emailVerified: false }, emailVerificationRequired: true });

    // Not before the address is verified, with a code of its own so the client can offer a resend.
    expect(errorCode(await login(t, email))).toBe('EMAIL_NOT_VERIFIED');

    const mail = await latestEmail(t, smtp, email, /verification code/i);
    expect(mail.html).toContain(extractCode(mail));
    const verified = await t.graphql(VERIFY_EMAIL, { email, code: extractCode(mail) });
    expect(verified.data).toEqual({ verifyEmail: { id: registered.data!.register.user.id, emailVerified: true } });

    const first = await loginTokens(t, email);
    expect(first.user.email).toBe(email);
    const me = await t.graphql<{ me: { email: string } }>(ME, {}, { token: first.accessToken });
    expect(me.data?.me.email).toBe(email);
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.lastLoginAt).not.toBeNull();

    const second = (await refresh(t, first.refreshToken)).data!.refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.session.id).toBe(first.session.id);
    expect((await t.graphql<{ me: { email: string } }>(ME, {}, { token: second.accessToken })).data?.me.email).toBe(email);

    // After the grace window the rotated-out token is refused, and its replay ends the session.
    clock.advance((t.config.tokens.refreshGraceSeconds + 1) * 1000);
    const replay = await refresh(t, first.refreshToken);
    expect(errorCode(replay)).toBe('TOKEN_INVALID');
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: first.session.id } });
    expect(session.revokeReason).toBe('refresh_token_reuse');
    expect(errorCode(await refresh(t, second.refreshToken))).toBe('TOKEN_INVALID');
    expect((await t.graphql(ME, {}, { token: second.accessToken })).data).toEqual({ me: null });
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'auth.refresh_token_reused', userId: user.id } })).toBe(1);

    // A new sign-in; logout rejects its access token on the very next request.
    const third = await loginTokens(t, email);
    expect((await t.graphql('mutation { logout }', {}, { token: third.accessToken })).data).toEqual({ logout: true });
    expect((await t.graphql(ME, {}, { token: third.accessToken })).data).toEqual({ me: null });
    expect(errorCode(await t.graphql('{ mySessions { id } }', {}, { token: third.accessToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await refresh(t, third.refreshToken))).toBe('TOKEN_INVALID');

    const types = (await t.deps.prisma.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'auth.registered',
        'auth.email_verified',
        'auth.login_succeeded',
        'auth.login_failed',
        'auth.refresh_token_reused',
        'auth.logout',
      ]),
    );
  });

  it('gives unknown email and wrong password the same error', async () => {
    const email = await registerAndVerify(t, smtp).then(async (id) => (await t.deps.prisma.user.findUniqueOrThrow({ where: { id } })).email!);
    const wrong = await login(t, email, 'not the password');
    const unknown = await login(t, uniqueEmail('nobody'), PASSWORD);
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(wrong.errors).toEqual(unknown.errors);
  });

  it('reports the state of the account only to someone who knows the password', async () => {
    const email = uniqueEmail('disabled');
    const id = await registerAndVerify(t, smtp, email);
    await t.deps.prisma.user.update({ where: { id }, data: { isActive: false } });
    expect(errorCode(await login(t, email, 'wrong password here'))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await login(t, email))).toBe('ACCOUNT_DISABLED');
  });

  it('answers authStatus, lists my sessions, revokes one, and logs out of all', async () => {
    const email = uniqueEmail('devices');
    await registerAndVerify(t, smtp, email);
    const anonymous = await t.graphql('{ authStatus { isAuthenticated user { id } session { id } } }');
    expect(anonymous.data).toEqual({ authStatus: { isAuthenticated: false, user: null, session: null } });

    const phone = await login(t, email, PASSWORD, { headers: { 'user-agent': 'phone' } }).then((r) => r.data!.login);
    const laptop = await login(t, email, PASSWORD, { headers: { 'user-agent': 'laptop' } }).then((r) => r.data!.login);
    const tablet = await loginTokens(t, email);
    const status = await t.graphql<{ authStatus: unknown }>(
      '{ authStatus { isAuthenticated user { email } session { id expiresAt } } }',
      {},
      { token: phone.accessToken },
    );
    expect(status.data?.authStatus).toEqual({ isAuthenticated: true, user: { email }, session: { id: phone.session.id, expiresAt: expect.any(String) } });

    const list = await t.graphql<{ mySessions: { id: string; current: boolean; userAgent: string }[] }>(
      '{ mySessions { id current userAgent lastUsedAt createdAt ip } }',
      {},
      { token: phone.accessToken },
    );
    expect(list.data?.mySessions).toHaveLength(3);
    expect(list.data?.mySessions.find((s) => s.current)?.id).toBe(phone.session.id);

    const revoke = await t.graphql(
      'mutation($id: ID!, $p: String) { revokeSession(id: $id, password: $p) }',
      { id: laptop.session.id, p: PASSWORD },
      { token: phone.accessToken },
    );
    expect(revoke.data).toEqual({ revokeSession: true });
    expect((await t.graphql(ME, {}, { token: laptop.accessToken })).data).toEqual({ me: null });
    // Someone else's session is not mine to revoke, and looks like no session at all.
    const other = await loginTokens(
      t,
      await registerAndVerify(t, smtp).then(async (id) => (await t.deps.prisma.user.findUniqueOrThrow({ where: { id } })).email!),
    );
    expect(
      errorCode(
        await t.graphql(
          'mutation($id: ID!, $p: String) { revokeSession(id: $id, password: $p) }',
          { id: other.session.id, p: PASSWORD },
          { token: phone.accessToken },
        ),
      ),
    ).toBe('NOT_FOUND');

    const all = await t.graphql('mutation($p: String!) { logoutAll(password: $p) }', { p: PASSWORD }, { token: tablet.accessToken });
    expect(all.data).toEqual({ logoutAll: 2 });
    expect((await t.graphql(ME, {}, { token: phone.accessToken })).data).toEqual({ me: null });
    expect((await t.graphql(ME, {}, { token: other.accessToken })).data?.me).not.toBeNull();
  });
});
