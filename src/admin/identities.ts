/**
 * An admin removes a linked sign-in identity of a user (a compromised or unwanted provider
 * account). Unlike the owner's own unlink, it may remove the last way in: an admin locking an
 * account out on purpose is a decision, audited and mailed; the owner gets back in through a
 * password reset. Only superusers act on superusers.
 */
import { recordAudit } from '../audit/record.js';
import type { Deps } from '../deps.js';
import { serializable } from '../db/transaction.js';
import { GatehouseError } from '../errors.js';
import { enqueueNotice } from '../mail/outbox.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { auditBy, auditType, webhookActor, type Actor } from './actor.js';
import { assertCanTouchSuperuser } from './guards.js';

/** @throws GatehouseError NOT_FOUND, FORBIDDEN (a superuser's identity, for a staff member who is not one) */
export async function adminUnlinkIdentity(deps: Pick<Deps, 'prisma' | 'clock' | 'config'>, actor: Actor, identityId: string): Promise<void> {
  await serializable(deps.prisma, async (tx) => {
    const identity = await tx.identity.findUnique({ where: { id: identityId }, include: { user: true } });
    if (!identity) throw new GatehouseError('NOT_FOUND');
    assertCanTouchSuperuser(actor, identity.user);
    await tx.identity.delete({ where: { id: identity.id } });
    const now = deps.clock.now();
    await recordAudit(
      tx,
      { type: auditType(actor, 'admin.identity_unlinked'), userId: identity.userId, ...auditBy(actor), metadata: { provider: identity.provider } },
      now,
    );
    await enqueueWebhook(
      tx,
      'identity.unlinked',
      { userId: identity.userId, identityId: identity.id, provider: identity.provider, actor: webhookActor(actor) },
      now,
    );
    const name = deps.config.oauth.providers.find((p) => p.id === identity.provider)?.name ?? identity.provider;
    await enqueueNotice(
      tx,
      { to: identity.user.email, template: 'identity_unlinked', payload: { firstName: identity.user.firstName, provider: name, byAdmin: true } },
      now,
    );
  });
}
