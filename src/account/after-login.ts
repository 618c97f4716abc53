/**
 * What a new sign-in does to the sessions already there: the session the request presented (an
 * access token or refresh cookie of an earlier sign-in, whoever's it was) is revoked, so one
 * browser or client never holds two live sessions and a session planted before sign-in (fixation)
 * dies with it; and with MAX_SESSIONS_PER_USER set, the user's oldest sessions beyond the cap are
 * revoked. Each revocation is audited as `auth.session_revoked` with its reason.
 */
import { recordAudit } from '../audit/record.js';
import type { Deps } from '../deps.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { tokenDigest } from '../auth/tokens/opaque.js';

/** Longest refresh token looked up; ours are 43 characters. */
const MAX_REFRESH_TOKEN_LENGTH = 256;

export interface PresentedCredentials {
  /** The session the request's access token authenticated, if any. */
  sessionId: string | null;
  /** The refresh token the request carried (the refresh cookie), if any. */
  refreshToken: string | null;
}

/**
 * Revokes the sessions presented with a sign-in and, over the cap, the user's oldest ones.
 * @param session the session the sign-in just created (never revoked here).
 */
export async function settleSessionsAfterLogin(
  deps: Deps,
  session: { id: string; userId: string },
  presented: PresentedCredentials,
  device: DeviceInfo,
): Promise<void> {
  const presentedIds = new Set<string>();
  if (presented.sessionId) presentedIds.add(presented.sessionId);
  if (presented.refreshToken && presented.refreshToken.length <= MAX_REFRESH_TOKEN_LENGTH) {
    const digest = tokenDigest(presented.refreshToken);
    const row = await deps.prisma.session.findFirst({ where: { OR: [{ refreshTokenHash: digest }, { previousTokenHash: digest }] }, select: { id: true } });
    if (row) presentedIds.add(row.id);
  }
  presentedIds.delete(session.id);

  const cap = deps.config.sessions.maxPerUser;
  const overCap =
    cap > 0
      ? await deps.prisma.session.findMany({
          where: { userId: session.userId, revokedAt: null, expiresAt: { gt: deps.clock.now() }, NOT: { id: session.id } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: cap - 1,
          select: { id: true },
        })
      : [];
  if (presentedIds.size === 0 && overCap.length === 0) return;

  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const revoke = async (id: string, reason: 'replaced_at_login' | 'session_limit') => {
      const row = await tx.session.findUnique({ where: { id }, select: { userId: true } });
      if (!row || !(await revokeSessions(deps, { userId: row.userId, id }, reason, tx))) return;
      await recordAudit(
        tx,
        { type: 'auth.session_revoked', userId: row.userId, ...device, metadata: { sessionId: id, reason, newSessionId: session.id } },
        now,
      );
    };
    for (const id of presentedIds) await revoke(id, 'replaced_at_login');
    for (const { id } of overCap) await revoke(id, 'session_limit');
  });
}
