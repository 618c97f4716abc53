/**
 * Refresh-token rotation: concurrent refreshes with one token, the grace window, reuse after it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { signedInUser } from '../../helpers/factories.js';
import { ME, refresh } from '../../helpers/accounts.js';

describe('refresh tokens', () => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });

  // Regression guard for the common complaint against peers: a client that fires two refreshes
  // at once must not be logged out.
  it('answers two concurrent refreshes with one token with a usable pair, and the session lives on', async () => {
    const { refreshToken, session } = await signedInUser(t.deps);
    const results = await Promise.all([refresh(t, refreshToken), refresh(t, refreshToken), refresh(t, refreshToken)]);
    for (const result of results) expect(result.errors).toBeUndefined();
    const pairs = results.map((r) => r.data!.refreshToken);
    expect(new Set(pairs.map((p) => p.refreshToken)).size).toBe(1);
    for (const pair of pairs) expect((await t.graphql<{ me: { id: string } }>(ME, {}, { token: pair.accessToken })).data?.me).not.toBeNull();
    // Whichever answer the client kept, it keeps working.
    const next = await refresh(t, pairs[1]!.refreshToken);
    expect(next.data?.refreshToken.session.id).toBe(session.id);
    expect((await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeNull();
  });

  it('answers the rotated-out token inside the grace window with the same pair, not a new one', async () => {
    const { refreshToken } = await signedInUser(t.deps);
    const first = (await refresh(t, refreshToken)).data!.refreshToken;
    clock.advance((t.config.tokens.refreshGraceSeconds - 1) * 1000);
    const late = (await refresh(t, refreshToken)).data!.refreshToken;
    expect(late.refreshToken).toBe(first.refreshToken);
    expect(late.session.id).toBe(first.session.id);
  });

  it('treats the rotated-out token after the grace window as theft: the session is revoked and audited', async () => {
    const { user, refreshToken, session } = await signedInUser(t.deps);
    const rotated = (await refresh(t, refreshToken)).data!.refreshToken;
    clock.advance((t.config.tokens.refreshGraceSeconds + 1) * 1000);
    expect(errorCode(await refresh(t, refreshToken))).toBe('TOKEN_INVALID');
    expect(errorCode(await refresh(t, rotated.refreshToken))).toBe('TOKEN_INVALID');
    expect((await t.graphql(ME, {}, { token: rotated.accessToken })).data).toEqual({ me: null });
    const stored = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.revokeReason).toBe('refresh_token_reuse');
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'auth.refresh_token_reused', userId: user.id } });
    // Never a secret in the audit trail.
    expect(audit.metadata).not.toContain(refreshToken);
    expect(JSON.parse(audit.metadata)).toEqual({ sessionId: session.id });
  });

  it('stores only digests of refresh tokens', async () => {
    const { refreshToken, session } = await signedInUser(t.deps);
    const rotated = (await refresh(t, refreshToken)).data!.refreshToken;
    const stored = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(JSON.stringify(stored)).not.toContain(refreshToken);
    expect(JSON.stringify(stored)).not.toContain(rotated.refreshToken);
  });

  it('refuses unknown, expired and disabled-account refresh tokens with typed errors', async () => {
    expect(errorCode(await refresh(t, 'not-a-token'))).toBe('TOKEN_INVALID');
    expect(errorCode(await refresh(t, undefined))).toBe('TOKEN_INVALID');
    const expiring = await signedInUser(t.deps);
    clock.advance((t.config.tokens.refreshTtlSeconds + 1) * 1000);
    expect(errorCode(await refresh(t, expiring.refreshToken))).toBe('TOKEN_EXPIRED');
    const disabled = await signedInUser(t.deps);
    await t.deps.prisma.user.update({ where: { id: disabled.user.id }, data: { isActive: false } });
    expect(errorCode(await refresh(t, disabled.refreshToken))).toBe('ACCOUNT_DISABLED');
  });
});
