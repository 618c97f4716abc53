/**
 * Recovery codes: ten single-use codes shown once, for when the authenticator is lost. Each is
 * 10 characters from a 31-letter alphabet without look-alikes (i, l, o, 0, 1): 49 bits, written `xxxxx-xxxxx`;
 * only a keyed digest bound to the user is stored, so a leaked table cannot be tried offline.
 */
import { randomInt } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { codeDigest } from '../tokens/opaque.js';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The code as stored: lower case, spaces and dashes dropped; null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, '');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export function recoveryCodeDigest(key: KeyObject, userId: string, code: string): string {
  return codeDigest(key, `recovery:${userId}`, normaliseRecoveryCode(code) ?? code);
}
