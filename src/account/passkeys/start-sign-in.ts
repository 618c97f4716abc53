/**
 * The first step of a passkey sign-in. Without an email: options with no allowCredentials, and the
 * browser offers the discoverable passkeys it holds for this site. With an email: that account's
 * passkeys as the allow-list; an address with none (unknown, or an account without a passkey) gets
 * stand-in ids of the same shape (../../auth/passkeys/decoy-credentials.ts), so the answer never
 * tells whether the address is registered.
 */
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { newCeremonyChallenge } from '../../auth/passkeys/ceremony-challenge.js';
import { decoyCredentials } from '../../auth/passkeys/decoy-credentials.js';
import { descriptorOf } from '../../auth/passkeys/stored-credential.js';
import { authenticationOptions } from '../../auth/passkeys/webauthn.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { lookupEmail } from '../../users/email-input.js';
import { normalizeEmail } from '../../users/email.js';

/** @throws GatehouseError RATE_LIMITED */
export async function startPasskeySignIn(deps: Deps, input: { email?: string | null }, device: DeviceInfo): Promise<PublicKeyCredentialRequestOptionsJSON> {
  await deps.rateLimits.consume('passkey', { ip: device.ip });
  const allow = input.email ? await allowList(deps, input.email) : [];
  const options = await authenticationOptions(deps.config.webauthn, allow);
  // Not bound to a user: which account signs in is decided by the credential that answers.
  const payload = allow.length ? { allowCredentials: allow.map((c) => c.id) } : {};
  await deps.prisma.signInChallenge.create({ data: newCeremonyChallenge(deps, 'PASSKEY_SIGN_IN', options.challenge, null, device, payload) });
  return options;
}

async function allowList(deps: Deps, raw: string) {
  const email = lookupEmail(raw);
  const user = email
    ? await deps.prisma.user.findUnique({ where: { email }, select: { passkeys: { select: { credentialId: true, transports: true } } } })
    : null;
  if (user?.passkeys.length) return user.passkeys.map(descriptorOf);
  // Keyed by the address as typed (normalised, even when malformed), so each gives its own stable answer.
  return decoyCredentials(deps.config.jwt.derivedKeys.passkeyDecoy, email ?? normalizeEmail(raw.slice(0, 1024)));
}
