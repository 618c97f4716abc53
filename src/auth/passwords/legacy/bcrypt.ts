/**
 * Django's bcrypt hashers, verified with bcryptjs (pure JavaScript, no native build; it works in
 * chunks so the event loop keeps turning):
 * - `bcrypt_sha256$$2b$12$...`: the password is first reduced to the hex of its SHA-256, which
 *   lifts bcrypt's 72-byte limit (Django's BCryptSHA256PasswordHasher);
 * - `bcrypt$$2b$12$...`: plain bcrypt of the password (BCryptPasswordHasher).
 */
import { createHash } from 'node:crypto';
import { HASH_CAPS } from '../hash-caps.js';

const BCRYPT = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;

export function isDjangoBcrypt(encoded: string): boolean {
  return encoded.startsWith('bcrypt_sha256$') || encoded.startsWith('bcrypt$');
}

/** Constant-time check (bcryptjs compares the whole string); false when the hash is malformed. */
export async function verifyDjangoBcrypt(encoded: string, password: string): Promise<boolean> {
  const separator = encoded.indexOf('$');
  const algorithm = encoded.slice(0, separator);
  const hash = encoded.slice(separator + 1);
  const cost = BCRYPT.exec(hash)?.[1];
  // The hasher refuses costlier hashes before they get here; this keeps the module safe on its own.
  if (!cost || Number(cost) > HASH_CAPS.bcryptCost) return false;
  const secret = algorithm === 'bcrypt_sha256' ? createHash('sha256').update(password, 'utf8').digest('hex') : password;
  // Loaded on first use: only accounts imported from Django carry bcrypt hashes (issue 12, memory).
  const { default: bcrypt } = await import('bcryptjs');
  return bcrypt.compare(secret, hash);
}
