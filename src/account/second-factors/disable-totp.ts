/**
 * Turning the authenticator app off needs the password or a code given with the request (not
 * just a recent sign-in): it removes a factor. The recovery codes go with it unless a passkey
 * remains, which they still back up.
 */
import { recordAudit } from '../../audit/record.js';
import { syncMfaEnabled } from '../../auth/mfa/factors.js';
import type { Viewer } from '../../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, messageText } from '../../errors.js';
import { enqueueNotice } from '../../mail/outbox.js';
import { enqueueWebhook } from '../../webhooks/enqueue.js';
import { reauthenticate, type Proof } from '../step-up.js';

/** @throws GatehouseError REAUTHENTICATION_REQUIRED (no proof given), INVALID_CREDENTIALS, INVALID_CODE, NOT_FOUND (no app on) */
export async function disableTotp(deps: Deps, viewer: Viewer, proof: Proof, device: DeviceInfo): Promise<void> {
  const userId = viewer.user.id;
  if (!proof.password && !proof.code) throw new GatehouseError('REAUTHENTICATION_REQUIRED', { message: messageText('totpDisableProof') });
  const factor = await deps.prisma.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (!factor?.confirmedAt) throw new GatehouseError('NOT_FOUND', { message: messageText('noTotp') });
  await reauthenticate(deps, viewer, proof, device);
  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    await tx.totpFactor.deleteMany({ where: { userId } });
    if ((await tx.passkey.count({ where: { userId } })) === 0) await tx.recoveryCode.deleteMany({ where: { userId } });
    await syncMfaEnabled(deps, tx, userId);
    await recordAudit(tx, { type: 'mfa.totp_disabled', userId, ...device }, now);
    await enqueueWebhook(tx, 'user.mfa_changed', { userId, actor: { kind: 'user', id: userId }, factor: 'totp', action: 'disabled' }, now);
    await enqueueNotice(
      tx,
      { to: viewer.user.email, template: 'factor_removed', payload: { firstName: viewer.user.firstName, factor: 'the authenticator app', byAdmin: false } },
      now,
    );
  });
}
