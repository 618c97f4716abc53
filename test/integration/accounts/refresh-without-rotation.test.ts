/**
 * Issue 15, item 3: REFRESH_TOKEN_ROTATION=false, for Simple JWT clients that keep one refresh
 * token (rotation would sign them out as thieves the second time they present it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loginTokens, refresh } from '../../helpers/accounts.js';
import { createUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

describe('refresh without rotation', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { REFRESH_TOKEN_ROTATION: 'false', REFRESH_GRACE_SECONDS: '10', SESSION_MAX_LIFETIME_SECONDS: '86400' } });
  });

  it('the same refresh token works again and again, well after any grace window, and gives fresh access tokens', async () => {
    const user = await createUser(t.deps);
    const tokens = await loginTokens(t, user.email);
    let last = tokens.accessToken;
    for (let i = 0; i < 3; i += 1) {
      clock.advance(60_000);
      const again = await refresh(t, tokens.refreshToken);
      expect(again.errors).toBeUndefined();
      expect(again.data!.refreshToken.refreshToken).toBe(tokens.refreshToken);
      expect(again.data!.refreshToken.accessToken).not.toBe(last);
      last = again.data!.refreshToken.accessToken;
    }
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: tokens.session.id } });
    expect(session.previousTokenHash).toBeNull();
    expect(session.revokedAt).toBeNull();
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'auth.refresh_token_reused' } })).toBe(0);
    expect((await t.graphql('{ me { id } }', {}, { token: last })).data).toEqual({ me: { id: user.id } });
  });

  it('still dies with its session: logout, and the absolute lifetime', async () => {
    const user = await createUser(t.deps);
    const tokens = await loginTokens(t, user.email);
    expect((await t.graphql('mutation { logout }', {}, { token: tokens.accessToken })).errors).toBeUndefined();
    expect(errorCode(await refresh(t, tokens.refreshToken))).toBe('TOKEN_INVALID');

    const other = await loginTokens(t, user.email);
    clock.advance(86_400_000 + 1000);
    expect(errorCode(await refresh(t, other.refreshToken))).toBe('TOKEN_EXPIRED');
  });
});
