/**
 * Issue 10 item 12: the cost caps on stored password hashes. Hashes here are built as strings (no
 * need to compute a 4 GiB argon2), except where the point is that a matching hash over the caps
 * is still refused, which proves it was never computed.
 */
import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { HASH_CAPS, hashOverCaps, verificationCaps } from '../../src/auth/passwords/hash-caps.js';
import { createPasswordHasher } from '../../src/auth/passwords/hasher.js';

const SALT_AND_HASH = 'c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';
const BCRYPT_TAIL = 'MdHe3U0NCPeDWjzSk8Jtre7RMebHaQiIeyma71RhsESAW0RZNw9Ge';
import { PASSWORD } from '../helpers/factories.js';

describe('hash cost caps', () => {
  it.each([
    ['native argon2, 4 GiB', `$argon2id$v=19$m=4194304,t=1,p=1$${SALT_AND_HASH}`, /memory m=4194304 KiB is over the cap of 262144/],
    ["Django's argon2, 100 passes", `argon2$argon2id$v=19$m=65536,t=100,p=4$${SALT_AND_HASH}`, /passes t=100 are over the cap of 16/],
    ['argon2i, 64 lanes', `$argon2i$v=19$m=65536,t=2,p=64$${SALT_AND_HASH}`, /lanes p=64 are over the cap of 8/],
    ['argon2, 256 MiB × 16 passes', `$argon2id$v=19$m=262144,t=16,p=1$${SALT_AND_HASH}`, /work m×t=4194304 KiB-passes is over the cap of 524288/],
    ['argon2 without a version, 12 digits', `$argon2d$m=999999999999,t=1,p=1$${SALT_AND_HASH}`, /unreadable/],
    ['argon2 with a repeated parameter', `$argon2id$v=19$m=1024,m=4194304,t=1,p=1$${SALT_AND_HASH}`, /unreadable \(repeated\)/],
    ['argon2 with no parameters', `argon2$argon2id$v=19$${SALT_AND_HASH}`, /unreadable/],
    ['bcrypt_sha256 cost 17', `bcrypt_sha256$$2b$17$${BCRYPT_TAIL}`, /bcrypt cost 17 is over the cap of 12/],
    ['bcrypt cost 31', `bcrypt$$2a$31$${BCRYPT_TAIL}`, /bcrypt cost 31/],
    [
      'pbkdf2_sha256, 10 million',
      'pbkdf2_sha256$10000000$salt$Ybw8zsFxqja97tY/o6G+Fy1ksY4U/Hw3DRrGED6Up4s=',
      /PBKDF2 iterations 10000000 are over the cap of 2000000/,
    ],
    ['pbkdf2_sha1, 20 digits', 'pbkdf2_sha1$99999999999999999999$salt$atJmJ1o+XfJxKq1+Nu1f1i57Z5I=', /PBKDF2 iterations/],
  ])('refuses %s, naming the parameter and the cap', (_name, encoded, reason) => {
    expect(hashOverCaps(encoded)).toMatch(reason);
  });

  it.each([
    ["Django's argon2 default (100 MiB, 2 passes, 8 lanes)", `argon2$argon2id$v=19$m=102400,t=2,p=8$${SALT_AND_HASH}`],
    ["argon2-cffi's default (64 MiB, 3 passes, 4 lanes)", `$argon2id$v=19$m=65536,t=3,p=4$${SALT_AND_HASH}`],
    ['argon2 at every cap', `$argon2id$v=19$m=32768,t=16,p=8$${SALT_AND_HASH}`],
    ['bcrypt cost 12', `bcrypt_sha256$$2b$12$${BCRYPT_TAIL}`],
    ['pbkdf2 at 1,200,000 (Django 6.0)', 'pbkdf2_sha256$1200000$salt$Ybw8zsFxqja97tY/o6G+Fy1ksY4U/Hw3DRrGED6Up4s='],
    ['unsalted SHA-256', '6825642989440d99f9945c79a465a26ccd385ea2dc3357d67ffb63b2a45a5a89'],
  ])('accepts %s', (_name, encoded) => {
    expect(hashOverCaps(encoded)).toBeNull();
  });

  it("raises the argon2 caps to Gatehouse's own parameters, never lowers them", () => {
    expect(verificationCaps({ memoryKib: 19_456, iterations: 2, parallelism: 1 })).toEqual(HASH_CAPS);
    const own = `$argon2id$v=19$m=1048576,t=4,p=16$${SALT_AND_HASH}`;
    expect(hashOverCaps(own)).not.toBeNull();
    expect(hashOverCaps(own, verificationCaps({ memoryKib: 1_048_576, iterations: 4, parallelism: 16 }))).toBeNull();
  });

  it('the hasher answers a matching hash over the caps as wrong, with a warning, without computing it', async () => {
    const warnings: unknown[] = [];
    const hasher = createPasswordHasher(
      { memoryKib: 1024, iterations: 1, parallelism: 1, concurrency: 2, maxQueue: 16 },
      { warn: (...args: unknown[]) => void warnings.push(args) },
    );
    // Cheap to compute, yet over the caps (9 lanes; 17 passes): a "true" would mean it was computed.
    const lanes = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 9 });
    const passes = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 17, parallelism: 1 });
    const atCap = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 16, parallelism: 8 });
    expect(await hasher.verify(lanes, PASSWORD)).toBe(false);
    expect(await hasher.verify(`argon2${passes}`, PASSWORD)).toBe(false);
    expect(warnings).toHaveLength(2);
    expect(JSON.stringify(warnings)).toMatch(/lanes p=9.*passes t=17/s);
    expect(JSON.stringify(warnings)).not.toContain(lanes.split('$').at(-1)!);
    expect(await hasher.verify(atCap, PASSWORD)).toBe(true);
  });
});
