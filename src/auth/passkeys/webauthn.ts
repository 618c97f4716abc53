/**
 * The WebAuthn ceremonies through @simplewebauthn/server, configured from WEBAUTHN_*: options to
 * hand to the browser, and verification of its answers. The library reports a failed check by
 * throwing; here every failure is an outcome with the library's reason (for the audit trail and
 * the log), so callers answer PASSKEY_INVALID and never a 500.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
  WebAuthnCredential,
} from '@simplewebauthn/server';
import type { Config } from '../../config/index.js';

// Loaded on first use, not at start: the library and its ASN.1/X.509 stack cost the server about
// 3 MB of heap that a deployment without passkeys never needs (issue 12, memory;
// test/unit/lazy-packages.test.ts keeps it so).
const library = () => import('@simplewebauthn/server');

type WebAuthnConfig = Config['webauthn'];
type Descriptor = { id: string; transports?: string[] };

/** Longest library message kept in an audit row. */
const MAX_REASON = 200;

export type Verified<T> = { ok: true; info: T } | { ok: false; reason: string };

function failure(error: unknown): { ok: false; reason: string } {
  return { ok: false, reason: (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON) };
}

export async function registrationOptions(
  config: WebAuthnConfig,
  /** `userName`: what the authenticator lists the passkey under (the address, or the username of an account without one). */
  user: { id: string; userName: string; displayName: string },
  exclude: Descriptor[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { generateRegistrationOptions } = await library();
  return generateRegistrationOptions({
    rpName: config.rpName,
    rpID: config.rpId,
    userName: user.userName,
    // The user handle an authenticator returns at a discoverable sign-in: the account id (no PII).
    userID: new Uint8Array(Buffer.from(user.id, 'utf8')),
    userDisplayName: user.displayName,
    timeout: config.challengeTtlSeconds * 1000,
    attestationType: 'none',
    // The user's passkeys: the browser refuses to register the same authenticator twice.
    excludeCredentials: exclude,
    // A discoverable credential, so it can sign in without an email being typed.
    authenticatorSelection: { residentKey: 'preferred', userVerification: config.userVerification },
  });
}

export async function authenticationOptions(config: WebAuthnConfig, allow: Descriptor[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { generateAuthenticationOptions } = await library();
  return generateAuthenticationOptions({
    rpID: config.rpId,
    allowCredentials: allow,
    timeout: config.challengeTtlSeconds * 1000,
    userVerification: config.userVerification,
  });
}

export async function verifyRegistration(config: WebAuthnConfig, response: RegistrationResponseJSON, challenge: string) {
  const { verifyRegistrationResponse } = await library();
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      requireUserVerification: config.userVerification === 'required',
    });
    if (!result.verified) return { ok: false, reason: 'not verified' } as const;
    return { ok: true, info: result.registrationInfo } as const;
  } catch (error) {
    return failure(error);
  }
}

/**
 * Verifies a sign-in answer's challenge, origin, RP id, flags and signature. The signature
 * counter is left to the caller (passed as 0 here): a counter that went backwards must be told
 * apart from a forgery, and only after the signature proved the answer came from the key.
 */
export async function verifyAuthentication(
  config: WebAuthnConfig,
  response: AuthenticationResponseJSON,
  challenge: string,
  credential: WebAuthnCredential,
): Promise<Verified<{ newCounter: number; backedUp: boolean; deviceType: string; userVerified: boolean }>> {
  const { verifyAuthenticationResponse } = await library();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      credential: { ...credential, counter: 0 },
      requireUserVerification: config.userVerification === 'required',
    });
    if (!result.verified) return { ok: false, reason: 'signature not verified' };
    const info = result.authenticationInfo;
    return {
      ok: true,
      info: { newCounter: info.newCounter, backedUp: info.credentialBackedUp, deviceType: info.credentialDeviceType, userVerified: info.userVerified },
    };
  } catch (error) {
    return failure(error);
  }
}

/** A counter that does not grow, when the authenticator keeps one: two copies of the key exist. */
export function counterRegressed(stored: number, received: number): boolean {
  return (stored > 0 || received > 0) && received <= stored;
}
