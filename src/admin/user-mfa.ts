/**
 * An admin removing every second factor of a user (authenticator app, recovery codes, passkeys),
 * for someone who lost them all. It hands the account to whoever can pass its first factor, so it
 * is guarded like other takeovers (assertCanManage: the actor must hold everything the target
 * holds; only superusers reset superusers), never done to oneself, audited and mailed to the user.
 *
 * Every session of the user ends with it: a reset follows a lost or stolen phone or key, and the
 * sessions signed in with those factors may be the thief's. The owner signs in again and, where
 * MFA_REQUIRED_FOR covers them, can do nothing but enrol a new factor.
 */
import { recordAudit } from '../audit/record.js';
import { factorSummary, syncMfaEnabled } from '../auth/mfa/factors.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { serializable } from '../db/transaction.js';
import type { Deps } from '../deps.js';
import { GatehouseError } from '../errors.js';
import type { User } from '../generated/sqlite/client.js';
import { enqueueNotice } from '../mail/outbox.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { auditBy, auditType, webhookActor, type Actor } from './actor.js';
import { loadTarget } from './update-user.js';

export interface MfaReset {
  user: User;
  sessionsRevoked: number;
}

/** @throws GatehouseError NOT_FOUND, FORBIDDEN (own account, or a target the actor may not manage) */
export async function resetUserMfa(deps: Pick<Deps, 'prisma' | 'clock' | 'authCache' | 'config'>, actor: Actor, id: string): Promise<MfaReset> {
  // With a stolen staff token, resetting one's own factors would strip the account's second factor
  // without the step-up that disableTotp and removePasskey ask for.
  if (id === actor.id)
    throw new GatehouseError('FORBIDDEN', { message: 'You cannot reset your own second factors here; remove them in your security settings.' });
  return serializable(deps.prisma, async (tx) => {
    const target = await loadTarget(tx, actor, id);
    const before = await factorSummary(tx, id);
    await tx.recoveryCode.deleteMany({ where: { userId: id } });
    await tx.totpFactor.deleteMany({ where: { userId: id } });
    await tx.passkey.deleteMany({ where: { userId: id } });
    await syncMfaEnabled(deps, tx, id);
    const sessionsRevoked = await revokeSessions(deps, { userId: id }, 'revoked_by_admin', tx);
    const now = deps.clock.now();
    const metadata = { totp: before.totp, passkeys: before.passkeys, recoveryCodes: before.recoveryCodesLeft, sessionsRevoked };
    await recordAudit(tx, { type: auditType(actor, 'admin.mfa_reset'), userId: id, ...auditBy(actor), metadata }, now);
    await enqueueWebhook(tx, 'user.mfa_changed', { userId: id, actor: webhookActor(actor), factor: 'all', action: 'reset' }, now);
    await enqueueNotice(
      tx,
      {
        to: target.email,
        template: 'factor_removed',
        payload: { firstName: target.firstName, factor: 'every second factor (authenticator app, recovery codes and passkeys)', byAdmin: true },
      },
      now,
    );
    return { user: await tx.user.findUniqueOrThrow({ where: { id } }), sessionsRevoked };
  });
}
