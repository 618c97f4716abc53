/**
 * An admin setting someone's password, validated by the same rules as every other password. The
 * user's sessions are revoked by default, so whoever held the account is signed out.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import { recordAudit } from '../audit/record.js';
import { enqueueNotice } from '../mail/outbox.js';
import { consumeOutstandingTokens } from '../auth/outstanding-tokens.js';
import { validatePassword } from '../auth/passwords/validators.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { serializable } from '../db/transaction.js';
import { GatehouseError, validationError } from '../errors.js';
import { sendPasswordResetLink } from '../account/password-reset.js';
import type { User } from '../generated/sqlite/client.js';
import type { Deps } from '../deps.js';
import { auditBy, auditType, webhookActor, type Actor } from './actor.js';
import { assertCanTouchSuperuser, assertNotOwnCredential } from './guards.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { findTarget, loadTarget } from './update-user.js';

/** Sets the password of `id`; returns the user and how many of its sessions were ended. */
export async function setUserPassword(
  deps: Pick<Deps, 'prisma' | 'clock' | 'config' | 'passwords' | 'authCache'>,
  actor: Actor,
  id: string,
  password: string,
  options: { revokeSessions: boolean },
): Promise<{ user: User; sessionsRevoked: number }> {
  assertNotOwnCredential(actor, id, 'password');
  const target = await loadTarget(deps.prisma, actor, id);
  const problems = validatePassword(deps.config.passwords.policy, password, target);
  if (problems.length) throw validationError(problems);
  const passwordHash = await deps.passwords.hash(password);
  const now = deps.clock.now();
  return serializable(deps.prisma, async (tx) => {
    await loadTarget(tx, actor, id);
    const user = await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: now } });
    await authStateChanged(deps, tx, { userId: id });
    await consumeOutstandingTokens(tx, id, now);
    const revoked = options.revokeSessions ? await revokeSessions(deps, { userId: id }, 'password_changed', tx) : 0;
    await enqueueWebhook(tx, 'user.password_changed', { userId: id, actor: webhookActor(actor), via: 'admin' }, now);
    await recordAudit(tx, { type: auditType(actor, 'admin.user_password_set'), userId: id, ...auditBy(actor), metadata: { sessionsRevoked: revoked } }, now);
    await enqueueNotice(tx, { to: user.email, template: 'changed_by_admin', payload: { firstName: user.firstName, change: 'password' } }, now);
    return { user, sessionsRevoked: revoked };
  });
}

/** Emails the user a password-reset link (an active account only), as if they had asked for one. */
export async function sendUserPasswordReset(deps: Pick<Deps, 'prisma' | 'clock' | 'config'>, actor: Actor, id: string): Promise<void> {
  await serializable(deps.prisma, async (tx) => {
    const target = await loadTarget(tx, actor, id);
    if (!target.isActive) throw new GatehouseError('CONFLICT', { message: 'The account is disabled; activate it first.' });
    await sendPasswordResetLink(deps, tx, target);
    await recordAudit(tx, { type: 'admin.user_password_reset_sent', userId: id, ...auditBy(actor) }, deps.clock.now());
  });
}

/**
 * Revokes one or all live sessions of a user; returns how many were live. Allowed on accounts
 * holding more than the actor (the owner just signs in again, nothing is taken over), so staff can
 * answer an incident on anyone; only superusers still end a superuser's sessions.
 */
export async function revokeUserSessions(
  deps: Pick<Deps, 'prisma' | 'clock' | 'authCache' | 'config'>,
  actor: Actor,
  userId: string,
  sessionId: string | null,
): Promise<number> {
  return serializable(deps.prisma, async (tx) => {
    assertCanTouchSuperuser(actor, await findTarget(tx, userId));
    const count = await revokeSessions(deps, { userId, ...(sessionId ? { id: sessionId } : {}) }, 'revoked_by_admin', tx);
    await recordAudit(
      tx,
      { type: auditType(actor, 'admin.user_sessions_revoked'), userId, ...auditBy(actor), metadata: { sessionId, count } },
      deps.clock.now(),
    );
    return count;
  });
}
