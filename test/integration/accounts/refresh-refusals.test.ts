/**
 * A refused refresh writes nothing (issue 12). On PostgreSQL the read and the rotation are one
 * statement whose UPDATE runs only when every check the rules make would pass
 * (src/auth/sessions/refresh-statements-postgresql.ts); a check it got wrong (a missing condition,
 * `>=` for `>`) would rotate and slide a session the rules then refuse: the client sees the error,
 * but the row has moved on (a fresh expiry, a new digest). Each case here therefore asserts the
 * error AND the unchanged row, at the boundaries (the very millisecond of expiry) as well.
 * Runs on both databases; on SQLite it holds the two statements to the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { signedInUser } from '../../helpers/factories.js';
import { refresh } from '../../helpers/accounts.js';

const DAY = 86_400_000;

describe('refused refreshes write nothing', () => {
  let t: TestApp;
  const clock = new TestClock(new Date('2026-06-01T10:00:00.250Z'));
  beforeAll(async () => {
    // Idle timeout 7 days, absolute limit 10 days: the two limits can be told apart.
    t = await createTestApp({ clock, env: { REFRESH_TOKEN_TTL_SECONDS: String(7 * 86_400), SESSION_MAX_LIFETIME_SECONDS: String(10 * 86_400) } });
  });

  const row = (id: string) => t.deps.prisma.session.findUniqueOrThrow({ where: { id } });

  /** Refreshes twice with `token` (the second sees what the first left) and expects `code` both times and an untouched row. */
  async function expectRefused(token: string, sessionId: string, code: string): Promise<void> {
    const before = await row(sessionId);
    expect(errorCode(await refresh(t, token))).toBe(code);
    expect(errorCode(await refresh(t, token))).toBe(code);
    expect(await row(sessionId)).toEqual(before);
  }

  it('refuses a session past its sliding expiry (before its absolute end), at the very millisecond too', async () => {
    const { refreshToken, session } = await signedInUser(t.deps);
    clock.advance(7 * DAY);
    await expectRefused(refreshToken, session.id, 'TOKEN_EXPIRED');
    clock.advance(1);
    await expectRefused(refreshToken, session.id, 'TOKEN_EXPIRED');
  });

  it('accepts a session one millisecond before its sliding expiry', async () => {
    const { refreshToken, session } = await signedInUser(t.deps);
    clock.advance(7 * DAY - 1);
    const result = await refresh(t, refreshToken);
    expect(result.errors).toBeUndefined();
    expect((await row(session.id)).expiresAt).toEqual(new Date(session.createdAt.getTime() + 10 * DAY));
  });

  it('refuses a session past its absolute end whose expiresAt is still ahead, at the very millisecond too', async () => {
    const { refreshToken, session } = await signedInUser(t.deps);
    // As a session slid before the absolute limit existed: expiresAt far ahead of createdAt + 10 days.
    await t.deps.prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(clock.now().getTime() + 30 * DAY) } });
    clock.advance(10 * DAY);
    await expectRefused(refreshToken, session.id, 'TOKEN_EXPIRED');
    clock.advance(1);
    await expectRefused(refreshToken, session.id, 'TOKEN_EXPIRED');
  });

  it('accepts such a session one millisecond before its absolute end, and ends it there', async () => {
    const { refreshToken, session } = await signedInUser(t.deps);
    await t.deps.prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(clock.now().getTime() + 30 * DAY) } });
    clock.advance(10 * DAY - 1);
    const result = await refresh(t, refreshToken);
    expect(result.errors).toBeUndefined();
    expect((await row(session.id)).expiresAt).toEqual(new Date(session.createdAt.getTime() + 10 * DAY));
  });

  it('refuses the token of a deactivated user', async () => {
    const { refreshToken, session, user } = await signedInUser(t.deps);
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    clock.advance(1000);
    await expectRefused(refreshToken, session.id, 'ACCOUNT_DISABLED');
  });

  it('refuses the token of a revoked session, current or rotated out within the grace window', async () => {
    const { refreshToken, session } = await signedInUser(t.deps);
    const rotated = await refresh(t, refreshToken);
    expect(rotated.errors).toBeUndefined();
    await t.deps.prisma.session.update({ where: { id: session.id }, data: { revokedAt: clock.now(), revokeReason: 'logout' } });
    clock.advance(1000);
    await expectRefused(rotated.data!.refreshToken.refreshToken, session.id, 'TOKEN_INVALID');
    await expectRefused(refreshToken, session.id, 'TOKEN_INVALID');
  });

  it('refuses an unknown token', async () => {
    const { session } = await signedInUser(t.deps);
    await expectRefused('x'.repeat(43), session.id, 'TOKEN_INVALID');
  });
});
