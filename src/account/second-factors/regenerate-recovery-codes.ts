/**
 * New recovery codes for an account with a second factor; the old ones stop working. Needs a
 * fresh proof (codes are a way past the second factor), and the owner is told by email.
 */
import { recordAudit } from '../../audit/record.js';
import { factorSummary, hasSecondFactor } from '../../auth/mfa/factors.js';
import { replaceRecoveryCodes } from '../../auth/mfa/recovery-code-rows.js';
import type { Viewer } from '../../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, messageText } from '../../errors.js';
import { enqueueNotice } from '../../mail/outbox.js';
import { enqueueWebhook } from '../../webhooks/enqueue.js';
import { requireFreshProof, type Proof } from '../step-up.js';

/** @throws GatehouseError CONFLICT (no second factor), REAUTHENTICATION_REQUIRED, INVALID_CREDENTIALS, INVALID_CODE */
export async function regenerateRecoveryCodes(deps: Deps, viewer: Viewer, proof: Proof, device: DeviceInfo): Promise<string[]> {
  const userId = viewer.user.id;
  if (!hasSecondFactor(await factorSummary(deps.prisma, userId))) throw new GatehouseError('CONFLICT', { message: messageText('secondFactorFirst') });
  await requireFreshProof(deps, viewer, proof, device);
  return deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const codes = await replaceRecoveryCodes(deps, tx, userId, now);
    await recordAudit(tx, { type: 'mfa.recovery_codes_regenerated', userId, ...device }, now);
    // Which factor and what happened, never the codes.
    await enqueueWebhook(tx, 'user.mfa_changed', { userId, actor: { kind: 'user', id: userId }, factor: 'recovery_codes', action: 'regenerated' }, now);
    await enqueueNotice(tx, { to: viewer.user.email, template: 'recovery_codes_regenerated', payload: { firstName: viewer.user.firstName } }, now);
    return codes;
  });
}
