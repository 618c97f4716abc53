/**
 * The first step of adding a passkey: registration options for the signed-in user's browser, with
 * their passkeys excluded, and a challenge bound to them.
 */
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { Viewer } from '../../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import { newCeremonyChallenge } from '../../auth/passkeys/ceremony-challenge.js';
import { descriptorOf } from '../../auth/passkeys/stored-credential.js';
import { registrationOptions } from '../../auth/passkeys/webauthn.js';
import type { Deps } from '../../deps.js';
import { requireRoomForPasskey } from './passkey-limit.js';
import { accountLabel } from '../../users/account-label.js';

/** @throws GatehouseError RATE_LIMITED, VALIDATION_FAILED (`passkeys`: limit_reached) */
export async function startPasskeyRegistration(deps: Deps, viewer: Viewer, device: DeviceInfo): Promise<PublicKeyCredentialCreationOptionsJSON> {
  await deps.rateLimits.consume('passkey', { ip: device.ip });
  const { user } = viewer;
  await requireRoomForPasskey(deps, user.id);
  const existing = await deps.prisma.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  const userName = accountLabel(user);
  const displayName = [user.firstName, user.lastName].filter(Boolean).join(' ') || userName;
  const options = await registrationOptions(deps.config.webauthn, { id: user.id, userName, displayName }, existing.map(descriptorOf));
  await deps.prisma.signInChallenge.create({ data: newCeremonyChallenge(deps, 'PASSKEY_REGISTRATION', options.challenge, user.id, device) });
  return options;
}
