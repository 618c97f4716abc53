/**
 * Plain, unsalted SHA-256 hex digests, as some Django projects stored them before adopting a real
 * hasher (64 hex characters, no algorithm prefix). Accepted only to upgrade them on first login.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

export function isUnsaltedSha256(encoded: string): boolean {
  return HEX_SHA256.test(encoded);
}

/** Constant-time comparison of the digests' bytes. */
export function verifyUnsaltedSha256(encoded: string, password: string): boolean {
  if (!isUnsaltedSha256(encoded)) return false;
  const actual = createHash('sha256').update(password, 'utf8').digest();
  return timingSafeEqual(actual, Buffer.from(encoded, 'hex'));
}
