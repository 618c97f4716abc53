/**
 * Django's PBKDF2 hashers: `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>` (Django's default)
 * and `pbkdf2_sha1$...`. The derived key is as long as the digest (32 and 20 bytes), as in Django.
 */
import { pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { HASH_CAPS } from '../hash-caps.js';

const pbkdf2Async = promisify(pbkdf2);

const DIGESTS = { pbkdf2_sha256: { digest: 'sha256', length: 32 }, pbkdf2_sha1: { digest: 'sha1', length: 20 } } as const;

export function isDjangoPbkdf2(encoded: string): boolean {
  return encoded.startsWith('pbkdf2_sha256$') || encoded.startsWith('pbkdf2_sha1$');
}

/** Constant-time check of `password` against a Django PBKDF2 hash; false when the hash is malformed. */
export async function verifyDjangoPbkdf2(encoded: string, password: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 4) return false;
  const [algorithm, iterationsText, salt, hash] = parts as [keyof typeof DIGESTS, string, string, string];
  const params = DIGESTS[algorithm];
  if (!params || !/^[1-9]\d{0,7}$/.test(iterationsText) || !salt || !hash) return false;
  const iterations = Number(iterationsText);
  const expected = Buffer.from(hash, 'base64');
  // The hasher refuses costlier hashes before they get here (see ../hash-caps.ts).
  if (iterations > HASH_CAPS.pbkdf2Iterations || expected.length !== params.length) return false;
  // Running on libuv's thread pool, like argon2: a million iterations must not stall the event loop.
  const actual = await pbkdf2Async(Buffer.from(password, 'utf8'), Buffer.from(salt, 'utf8'), iterations, params.length, params.digest);
  return timingSafeEqual(actual, expected);
}
