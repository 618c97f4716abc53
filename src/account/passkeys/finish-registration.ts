/**
 * The second step of adding a passkey: the browser's answer, verified against the ceremony the
 * same user started; the passkey, the user's mfaEnabled flag, the audit row and the email in one
 * transaction. A credential already registered (to this or another account) is refused.
 */
import type { Passkey } from '../../generated/sqlite/client.js';
import { recordAudit } from '../../audit/record.js';
import { syncMfaEnabled } from '../../auth/mfa/factors.js';
import { claimCeremonyChallenge } from '../../auth/passkeys/ceremony-challenge.js';
import { parseRegistrationResponse, passkeyInvalid, signedChallenge } from '../../auth/passkeys/response-json.js';
import { verifyRegistration } from '../../auth/passkeys/webauthn.js';
import type { Viewer } from '../../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import { uniqueViolationField } from '../../db/unique-violation.js';
import type { Deps } from '../../deps.js';
import { enqueueNotice } from '../../mail/outbox.js';
import { enqueueWebhook } from '../../webhooks/enqueue.js';
import { requireRoomForPasskey } from './passkey-limit.js';
import { describePasskey, passkeyName } from './passkey-name.js';

/**
 * @throws GatehouseError PASSKEY_INVALID, TOKEN_EXPIRED (the ceremony), VALIDATION_FAILED (name, or `passkeys`: limit_reached)
 */
export async function finishPasskeyRegistration(
  deps: Deps,
  viewer: Viewer,
  input: { response: unknown; name?: string | null },
  device: DeviceInfo,
): Promise<Passkey> {
  const userId = viewer.user.id;
  const name = passkeyName(input.name);
  const response = parseRegistrationResponse(input.response);
  const challenge = signedChallenge(response.response.clientDataJSON);
  await claimCeremonyChallenge(deps, 'PASSKEY_REGISTRATION', challenge, userId);

  const refuse = async (reason: string) => {
    await recordAudit(deps.prisma, { type: 'passkey.registration_failed', userId, ...device, metadata: { reason } }, deps.clock.now());
    return passkeyInvalid();
  };
  const verified = await verifyRegistration(deps.config.webauthn, response, challenge);
  if (!verified.ok) throw await refuse(verified.reason);
  const { credential, credentialDeviceType, credentialBackedUp, aaguid } = verified.info;
  await requireRoomForPasskey(deps, userId);
  if (await deps.prisma.passkey.findUnique({ where: { credentialId: credential.id }, select: { id: true } })) throw await refuse('credential_registered');

  try {
    return await deps.prisma.$transaction(async (tx) => {
      const now = deps.clock.now();
      const passkey = await tx.passkey.create({
        data: {
          userId,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          counter: BigInt(credential.counter),
          transports: JSON.stringify(response.response.transports ?? []),
          deviceType: credentialDeviceType,
          backedUp: credentialBackedUp,
          aaguid,
          name,
          createdAt: now,
        },
      });
      await syncMfaEnabled(deps, tx, userId);
      await recordAudit(
        tx,
        { type: 'passkey.registered', userId, ...device, metadata: { passkeyId: passkey.id, aaguid, deviceType: credentialDeviceType } },
        now,
      );
      await enqueueWebhook(
        tx,
        'user.mfa_changed',
        { userId, actor: { kind: 'user', id: userId }, factor: 'passkey', action: 'added', passkeyId: passkey.id },
        now,
      );
      await enqueueNotice(
        tx,
        { to: viewer.user.email, template: 'factor_added', payload: { firstName: viewer.user.firstName, factor: describePasskey(name) } },
        now,
      );
      return passkey;
    });
  } catch (error) {
    // Two registrations of the same credential racing: the second hits the unique index.
    if (uniqueViolationField(error, 'Passkey') === 'credentialId') throw await refuse('credential_registered');
    throw error;
  }
}
