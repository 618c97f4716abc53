import { authStateChanged } from '../cache/invalidate.js';
import type { Deps } from '../../deps.js';
import { enqueueWebhook } from '../../webhooks/enqueue.js';

export type RevokeReason =
  | 'logout'
  | 'logout_all'
  | 'revoked_by_user'
  | 'revoked_by_admin'
  | 'all_revoked'
  | 'password_changed'
  | 'password_reset'
  | 'refresh_token_reuse'
  | 'account_deactivated'
  | 'session_limit'
  | 'replaced_at_login';

/** Revokes the given live sessions; returns how many were live. */
export async function revokeSessions(
  deps: Pick<Deps, 'prisma' | 'clock' | 'authCache' | 'config'>,
  where: { userId: string; id?: string; exceptId?: string },
  reason: RevokeReason,
  db: Pick<Deps['prisma'], 'session' | '$executeRawUnsafe' | 'webhookEndpoint' | 'webhookDelivery'> = deps.prisma,
): Promise<number> {
  const live = {
    userId: where.userId,
    revokedAt: null,
    ...(where.id ? { id: where.id } : {}),
    ...(where.exceptId ? { NOT: { id: where.exceptId } } : {}),
  };
  // The ids are read first for the session.revoked webhook (updateMany returns only a count); the
  // update keeps the liveness condition, so the count stays exact under a concurrent revocation.
  const ids = (await db.session.findMany({ where: live, select: { id: true } })).map((row) => row.id);
  if (!ids.length) return 0;
  const now = deps.clock.now();
  const { count } = await db.session.updateMany({ where: { ...live, id: { in: ids } }, data: { revokedAt: now, revokeReason: reason } });
  await enqueueWebhook(db, 'session.revoked', { userId: where.userId, sessionIds: ids, reason }, now);
  // The session cache must not let a revoked session's access tokens through (auth/cache/).
  if (count > 0) await authStateChanged(deps, db, { userId: where.userId });
  return count;
}
