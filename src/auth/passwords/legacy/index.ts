/**
 * Password hashes brought across from Django, verified so their owners can sign in once and be
 * upgraded to argon2id (the caller re-hashes when `needsRehash` says so).
 *
 * Supported: `pbkdf2_sha256$`, `pbkdf2_sha1$`, `argon2$` (Django's prefix on an argon2 PHC
 * string), `bcrypt_sha256$`, `bcrypt$`, and bare SHA-256 hex digests. Django's unusable passwords
 * (`!...`) and anything else never verify.
 */
import argon2 from 'argon2';
import { isDjangoBcrypt, verifyDjangoBcrypt } from './bcrypt.js';
import { isDjangoPbkdf2, verifyDjangoPbkdf2 } from './pbkdf2.js';
import { isUnsaltedSha256, verifyUnsaltedSha256 } from './unsalted-sha256.js';

/** The PHC string inside Django's `argon2$argon2id$v=19$...`, or null for anything else. */
export function djangoArgon2Phc(encoded: string): string | null {
  return /^argon2\$argon2(id|i|d)\$/.test(encoded) ? encoded.slice('argon2'.length) : null;
}

/** True for every format this module can verify. */
export function isLegacyHash(encoded: string): boolean {
  return djangoArgon2Phc(encoded) !== null || isDjangoPbkdf2(encoded) || isDjangoBcrypt(encoded) || isUnsaltedSha256(encoded);
}

/** True when `password` matches the legacy `encoded` hash; false for a mismatch or any unknown or malformed hash. */
export async function verifyLegacyHash(encoded: string, password: string): Promise<boolean> {
  try {
    const phc = djangoArgon2Phc(encoded);
    if (phc) return await argon2.verify(phc, password);
    if (isDjangoPbkdf2(encoded)) return await verifyDjangoPbkdf2(encoded, password);
    if (isDjangoBcrypt(encoded)) return await verifyDjangoBcrypt(encoded, password);
    if (isUnsaltedSha256(encoded)) return verifyUnsaltedSha256(encoded, password);
    return false;
  } catch {
    return false;
  }
}
