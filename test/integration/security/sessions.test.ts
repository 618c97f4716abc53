/**
 * Session management checked against OWASP ASVS 5.0 V7: an absolute lifetime from sign-in, a cap
 * on concurrent sessions, a fresh proof (the password) before signing other devices out, and a
 * sign-in that ends the session the request still carried.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { loginTokens, ME, refresh } from '../../helpers/accounts.js';

const DAY = 86_400_000;
const LOGOUT_ALL = 'mutation($p: String!) { logoutAll(password: $p) }';
const REVOKE = 'mutation($id: ID!, $p: String) { revokeSession(id: $id, password: $p) }';

async function isLive(t: TestApp, sessionId: string): Promise<boolean> {
  return (await t.deps.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt === null;
}

describe('session lifetime', () => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    // Idle timeout 7 days, absolute limit 10 days.
    t = await createTestApp({ clock, env: { REFRESH_TOKEN_TTL_SECONDS: String(7 * 86_400), SESSION_MAX_LIFETIME_SECONDS: String(10 * 86_400) } });
  });

  // The hole: every refresh slid expiresAt forward, so a refresh token kept busy (a thief's
  // script refreshing daily) kept the session alive forever.
  it('ends a session at the absolute limit from sign-in however often it is refreshed', async () => {
    const user = await createUser(t.deps);
    let tokens = await loginTokens(t, user.email, PASSWORD);
    expect(Date.parse(tokens.refreshTokenExpiresAt) - clock.now().getTime()).toBe(7 * DAY);
    for (let day = 1; day <= 9; day++) {
      clock.advance(DAY);
      const refreshed = await refresh(t, tokens.refreshToken);
      expect(refreshed.errors).toBeUndefined();
      tokens = refreshed.data!.refreshToken;
    }
    // Day 9: the session ends on day 10, not 7 days from now.
    expect(Date.parse(tokens.refreshTokenExpiresAt) - clock.now().getTime()).toBe(DAY);
    clock.advance(DAY - 1000);
    tokens = (await refresh(t, tokens.refreshToken)).data!.refreshToken;
    clock.advance(1000);
    expect(errorCode(await refresh(t, tokens.refreshToken))).toBe('TOKEN_EXPIRED');
    // The access token is a second old, but its session is over.
    expect(errorCode(await t.graphql('{ mySessions { id } }', {}, { token: tokens.accessToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a session created before the limit existed (expiresAt slid far ahead) from its creation date', async () => {
    const user = await createUser(t.deps);
    const tokens = await loginTokens(t, user.email, PASSWORD);
    // As a pre-upgrade session would look: created 11 days ago, expiring in a week.
    await t.deps.prisma.session.update({
      where: { id: tokens.session.id },
      data: { createdAt: new Date(clock.now().getTime() - 11 * DAY), expiresAt: new Date(clock.now().getTime() + 7 * DAY) },
    });
    expect(errorCode(await refresh(t, tokens.refreshToken))).toBe('TOKEN_EXPIRED');
    expect(errorCode(await t.graphql('{ mySessions { id } }', {}, { token: tokens.accessToken }))).toBe('UNAUTHENTICATED');
  });
});

describe('concurrent sessions', () => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { MAX_SESSIONS_PER_USER: '2' } });
  });

  // The hole: no cap, so sessions (and refresh tokens) piled up without bound.
  it('revokes the oldest session when a sign-in goes over MAX_SESSIONS_PER_USER, and audits it', async () => {
    const user = await createUser(t.deps);
    const first = await loginTokens(t, user.email, PASSWORD);
    clock.advance(1000);
    const second = await loginTokens(t, user.email, PASSWORD);
    clock.advance(1000);
    const third = await loginTokens(t, user.email, PASSWORD);
    expect(await isLive(t, first.session.id)).toBe(false);
    expect(await isLive(t, second.session.id)).toBe(true);
    expect(await isLive(t, third.session.id)).toBe(true);
    expect((await t.graphql(ME, {}, { token: first.accessToken })).data).toEqual({ me: null });
    expect((await t.deps.prisma.session.findUniqueOrThrow({ where: { id: first.session.id } })).revokeReason).toBe('session_limit');
    const audit = await t.deps.prisma.auditEvent.findMany({ where: { userId: user.id, type: 'auth.session_revoked' } });
    expect(audit.map((e) => JSON.parse(e.metadata) as Record<string, unknown>)).toEqual([
      { sessionId: first.session.id, reason: 'session_limit', newSessionId: third.session.id },
    ]);
  });
});

describe('fresh proof and sign-in hygiene', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMITS_ENABLED: 'false' } });
  });

  // The hole: a stolen access token alone could sign the owner out of every device (logoutAll)
  // or out of each other device (revokeSession), locking them out while the thief stays.
  it('refuses logoutAll without the right password and signs nobody out', async () => {
    const user = await createUser(t.deps);
    const owner = await loginTokens(t, user.email, PASSWORD);
    const thief = await loginTokens(t, user.email, PASSWORD);
    const refused = await t.graphql(LOGOUT_ALL, { p: 'not the password' }, { token: thief.accessToken });
    expect(errorCode(refused)).toBe('INVALID_CREDENTIALS');
    expect(await isLive(t, owner.session.id)).toBe(true);
    expect(await isLive(t, thief.session.id)).toBe(true);
    expect((await t.graphql(LOGOUT_ALL, { p: PASSWORD }, { token: owner.accessToken })).data).toEqual({ logoutAll: 2 });
  });

  it('refuses revoking another session without the password, and allows this one without it', async () => {
    const user = await createUser(t.deps);
    const owner = await loginTokens(t, user.email, PASSWORD);
    const thief = await loginTokens(t, user.email, PASSWORD);
    const missing = await t.graphql(REVOKE, { id: owner.session.id }, { token: thief.accessToken });
    expect(errorCode(missing)).toBe('INVALID_CREDENTIALS');
    expect(missing.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'password', code: 'password_required' })]);
    expect(errorCode(await t.graphql(REVOKE, { id: owner.session.id, p: 'not the password' }, { token: thief.accessToken }))).toBe('INVALID_CREDENTIALS');
    expect(await isLive(t, owner.session.id)).toBe(true);

    expect((await t.graphql(REVOKE, { id: thief.session.id, p: PASSWORD }, { token: owner.accessToken })).data).toEqual({ revokeSession: true });
    expect((await t.graphql(REVOKE, { id: owner.session.id }, { token: owner.accessToken })).data).toEqual({ revokeSession: true });
    expect(await isLive(t, owner.session.id)).toBe(false);
  });

  // The hole: signing in again from a client that still held a session left that one alive
  // beside the new one (and a session planted in a browser before sign-in survived it).
  it('revokes the session whose access token the login request carried, even another user’s', async () => {
    const before = await createUser(t.deps);
    const after = await createUser(t.deps);
    const old = await loginTokens(t, before.email, PASSWORD);
    const fresh = await loginTokens(t, before.email, PASSWORD);
    const next = await t.graphql<{ login: { session: { id: string } } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthPayload { session { id } } } }',
      { e: after.email, p: PASSWORD },
      { token: old.accessToken },
    );
    expect(next.errors).toBeUndefined();
    expect(await isLive(t, old.session.id)).toBe(false);
    expect((await t.deps.prisma.session.findUniqueOrThrow({ where: { id: old.session.id } })).revokeReason).toBe('replaced_at_login');
    expect(await isLive(t, fresh.session.id)).toBe(true);
    expect(await isLive(t, next.data!.login.session.id)).toBe(true);
  });

  it('leaves the presented session alone when the login fails', async () => {
    const user = await createUser(t.deps);
    const old = await loginTokens(t, user.email, PASSWORD);
    const failed = await t.graphql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthPayload { accessToken } } }',
      { e: user.email, p: 'wrong' },
      { token: old.accessToken },
    );
    expect(errorCode(failed)).toBe('INVALID_CREDENTIALS');
    expect(await isLive(t, old.session.id)).toBe(true);
  });
});

describe('sign-in hygiene in cookie mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_COOKIES: 'true' } });
  });

  it('revokes the session whose refresh cookie the login request carried', async () => {
    const user = await createUser(t.deps);
    const old = await loginTokens(t, user.email, PASSWORD);
    const next = await t.graphql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthPayload { session { id } } } }',
      { e: user.email, p: PASSWORD },
      { headers: { cookie: `gatehouse_refresh=${old.refreshToken}` } },
    );
    expect(next.errors).toBeUndefined();
    expect(await isLive(t, old.session.id)).toBe(false);
  });
});
