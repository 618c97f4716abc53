/**
 * A sign-in with an email offers that account's passkeys (allowCredentials). An address with no
 * passkey (unknown, or an account without one) must get an answer of the same shape, or the field
 * would tell anyone which addresses are registered: stand-in credential ids, derived with a keyed
 * HMAC of the address so that asking twice gives the same ids (random ones would differ and so
 * give the game away). No authenticator holds them, so the browser finds nothing to sign with.
 */
import { createHmac, type KeyObject } from 'node:crypto';

/** The length of a credential id from a typical platform authenticator or security key. */
const ID_BYTES = 32;

export function decoyCredentials(key: KeyObject, email: string): { id: string; transports: string[] }[] {
  const id = createHmac('sha256', key).update(`passkey-decoy\0${email}`, 'utf8').digest().subarray(0, ID_BYTES).toString('base64url');
  return [{ id, transports: ['internal', 'hybrid'] }];
}
