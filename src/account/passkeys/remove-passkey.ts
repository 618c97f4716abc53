/**
 * Removing one of my passkeys: a step-up (a fresh proof: the password or a code given now, or a
 * sign-in within REAUTH_WINDOW_SECONDS), then the row, the mfaEnabled flag, the audit row and the
 * email in one transaction. Another user's passkey is NOT_FOUND.
 */
import { recordAudit } from '../../audit/record.js';
import { syncMfaEnabled } from '../../auth/mfa/factors.js';
import type { Viewer } from '../../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, messageText } from '../../errors.js';
import { enqueueNotice } from '../../mail/outbox.js';
import { enqueueWebhook } from '../../webhooks/enqueue.js';
import { requireFreshProof, type Proof } from '../step-up.js';
import { describePasskey } from './passkey-name.js';

/** @throws GatehouseError REAUTHENTICATION_REQUIRED, INVALID_CREDENTIALS, INVALID_CODE, RATE_LIMITED, NOT_FOUND */
export async function removePasskey(deps: Deps, viewer: Viewer, input: { id: string } & Proof, device: DeviceInfo): Promise<void> {
  await requireFreshProof(deps, viewer, input, device);
  const userId = viewer.user.id;
  await deps.prisma.$transaction(async (tx) => {
    const passkey = await tx.passkey.findFirst({ where: { id: input.id, userId } });
    if (!passkey) throw new GatehouseError('NOT_FOUND', { message: messageText('noSuchPasskey') });
    const { count } = await tx.passkey.deleteMany({ where: { id: passkey.id } });
    if (count !== 1) throw new GatehouseError('NOT_FOUND', { message: messageText('noSuchPasskey') });
    await syncMfaEnabled(deps, tx, userId);
    const now = deps.clock.now();
    await recordAudit(tx, { type: 'passkey.removed', userId, ...device, metadata: { passkeyId: passkey.id } }, now);
    await enqueueWebhook(
      tx,
      'user.mfa_changed',
      { userId, actor: { kind: 'user', id: userId }, factor: 'passkey', action: 'removed', passkeyId: passkey.id },
      now,
    );
    await enqueueNotice(
      tx,
      {
        to: viewer.user.email,
        template: 'factor_removed',
        payload: { firstName: viewer.user.firstName, factor: describePasskey(passkey.name), byAdmin: false },
      },
      now,
    );
  });
}
