/**
 * Ending every live session of every user at once, after a signing key or database leak: every
 * refresh token stops working and, since each request looks its session up, every access token
 * too (the caller's own included). Superusers only, through the admin API or the CLI; audited.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import { recordAudit } from '../audit/record.js';
import type { RevokeReason } from '../auth/sessions/revoke.js';
import { fieldError, GatehouseError, validationError } from '../errors.js';
import type { Deps } from '../deps.js';
import { auditBy, auditType, type Actor } from './actor.js';

/** Longest reason kept in the audit trail. */
export const MAX_REASON_LENGTH = 500;

const REASON: RevokeReason = 'all_revoked';

/** @returns how many sessions were live. @throws FORBIDDEN for a non-superuser; VALIDATION_FAILED for a bad reason. */
export async function revokeAllSessions(deps: Pick<Deps, 'prisma' | 'clock' | 'authCache' | 'config'>, actor: Actor, reason: string | null): Promise<number> {
  // The schema rule already requires a superuser; checked again because ending everyone's sessions
  // must never follow from a rule mistyped on some future caller.
  if (!actor.isSuperuser) {
    throw new GatehouseError('FORBIDDEN', { message: 'Only a superuser can end every session.', details: { required: ['superuser'] } });
  }
  const why = reason?.trim() ?? null;
  // Control characters (NUL above all) have no place in an audit line.
  if (why !== null && (!why || why.length > MAX_REASON_LENGTH || /\p{Cc}/u.test(why))) {
    throw validationError([fieldError('reason', 'invalid_reason', 'reasonLength', { max: MAX_REASON_LENGTH })]);
  }
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now, revokeReason: REASON },
    });
    await authStateChanged(deps, tx, { everything: true });
    const metadata = { reason: why, count };
    await recordAudit(tx, { type: auditType(actor, 'admin.all_sessions_revoked'), ...auditBy(actor), metadata }, now);
    return count;
  });
}
