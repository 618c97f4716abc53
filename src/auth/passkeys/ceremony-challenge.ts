/**
 * The server-side half of a passkey ceremony: the WebAuthn challenge handed to the browser is
 * stored only as its SHA-256 (SignInChallenge.tokenHash), lives WEBAUTHN_CHALLENGE_TTL_SECONDS,
 * and is claimed once (a conditional update of consumedAt), so an answer cannot be replayed and
 * two requests racing with the same answer cannot both pass. A registration challenge is bound to
 * the user it was issued to.
 */
import type { SignInChallenge } from '../../generated/sqlite/client.js';
import { MAX_USER_AGENT } from '../../audit/record.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, messageText } from '../../errors.js';
import type { DeviceInfo } from '../sessions/create-session.js';
import { digestsEqual, tokenDigest } from '../tokens/opaque.js';
import { passkeyInvalid } from './response-json.js';

export type CeremonyPurpose = 'PASSKEY_REGISTRATION' | 'PASSKEY_SIGN_IN';

export interface CeremonyPayload {
  /** For a sign-in with an email: the credential ids offered; an answer from another is refused. */
  allowCredentials?: string[];
}

/** The row to write for a ceremony whose options carry `challenge` (base64url). */
export function newCeremonyChallenge(
  deps: Pick<Deps, 'clock' | 'config'>,
  purpose: CeremonyPurpose,
  challenge: string,
  userId: string | null,
  device: DeviceInfo,
  payload: CeremonyPayload = {},
) {
  const now = deps.clock.now();
  return {
    purpose,
    tokenHash: tokenDigest(challenge),
    userId,
    payload: JSON.stringify(payload),
    ip: device.ip,
    userAgent: device.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    expiresAt: new Date(now.getTime() + deps.config.webauthn.challengeTtlSeconds * 1000),
    createdAt: now,
  };
}

/**
 * Finds the live ceremony `challenge` answers and marks it used.
 * @param userId for a registration: the viewer, who must be the user it was issued to
 * @throws GatehouseError PASSKEY_INVALID (unknown, used, another purpose or user), TOKEN_EXPIRED
 */
export async function claimCeremonyChallenge(
  deps: Pick<Deps, 'prisma' | 'clock'>,
  purpose: CeremonyPurpose,
  challenge: string,
  userId: string | null,
): Promise<SignInChallenge & { parsed: CeremonyPayload }> {
  const digest = tokenDigest(challenge);
  const row = await deps.prisma.signInChallenge.findUnique({ where: { tokenHash: digest } });
  if (!row || row.purpose !== purpose || row.consumedAt || !digestsEqual(row.tokenHash, digest)) throw passkeyInvalid();
  if (userId !== null && row.userId !== userId) throw passkeyInvalid();
  const now = deps.clock.now();
  if (row.expiresAt <= now) throw new GatehouseError('TOKEN_EXPIRED', { message: messageText('passkeyCeremonyExpired') });
  const { count } = await deps.prisma.signInChallenge.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
  if (count !== 1) throw passkeyInvalid();
  return { ...row, consumedAt: now, parsed: JSON.parse(row.payload) as CeremonyPayload };
}
