/**
 * Opaque secrets (refresh tokens, reset tokens, one-time codes) and the digests stored in their place.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual, type KeyObject } from 'node:crypto';

/** A random URL-safe token carrying `bytes` bytes of entropy. @default 32 bytes */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A random numeric code of `digits` digits, leading zeros kept. @default 6 */
export function generateCode(digits = 6): string {
  return randomInt(0, 10 ** digits)
    .toString()
    .padStart(digits, '0');
}

/**
 * The stored form of a high-entropy token: SHA-256 is enough, as guessing the token is infeasible.
 */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The stored form of a low-entropy code. Keyed (HMAC) and bound to its user and purpose, so a
 * leaked table cannot be reversed by trying all million codes, and equal codes of two users differ.
 */
export function codeDigest(key: KeyObject, scope: string, code: string): string {
  return createHmac('sha256', key).update(`${scope}\0${code}`, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
