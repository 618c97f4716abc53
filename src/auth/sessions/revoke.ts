import { authStateChanged } from '../cache/invalidate.js';
import type { Deps } from '../../deps.js';

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
  db: Pick<Deps['prisma'], 'session' | '$executeRawUnsafe'> = deps.prisma,
): Promise<number> {
  const { count } = await db.session.updateMany({
    where: {
      userId: where.userId,
      revokedAt: null,
      ...(where.id ? { id: where.id } : {}),
      ...(where.exceptId ? { NOT: { id: where.exceptId } } : {}),
    },
    data: { revokedAt: deps.clock.now(), revokeReason: reason },
  });
  // The session cache must not let a revoked session's access tokens through (auth/cache/).
  if (count > 0) await authStateChanged(deps, db, { userId: where.userId });
  return count;
}
