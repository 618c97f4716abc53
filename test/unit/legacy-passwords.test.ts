import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../src/auth/passwords/hasher.js';
import { isLegacyHash } from '../../src/auth/passwords/legacy/index.js';

const hasher = createPasswordHasher({ memoryKib: 1024, iterations: 1, parallelism: 1, concurrency: 2, maxQueue: 64 });
const PASSWORD = 'lètmein-Ünïcode 🔑';

/** Django's PBKDF2PasswordHasher.encode, re-done with node:crypto (the reference algorithm). */
function djangoPbkdf2(password: string, salt: string, iterations: number, digest: 'sha256' | 'sha1'): string {
  const length = digest === 'sha256' ? 32 : 20;
  const hash = pbkdf2Sync(Buffer.from(password, 'utf8'), Buffer.from(salt, 'utf8'), iterations, length, digest).toString('base64');
  return `pbkdf2_${digest}$${iterations}$${salt}$${hash}`;
}

async function expectVerifies(encoded: string, password: string): Promise<void> {
  expect(await hasher.verify(encoded, password)).toBe(true);
  expect(await hasher.verify(encoded, `${password}x`)).toBe(false);
  expect(await hasher.verify(encoded, password.slice(0, -1))).toBe(false);
  expect(hasher.needsRehash(encoded)).toBe(true);
}

describe('Django password hashes', () => {
  it('verifies real Django-format strings whose passwords are known', async () => {
    // Django's own test vectors (tests/auth_tests/test_hashers.py, Django 1.8 and 3.0: "lètmein" with
    // salt "seasalt"), passlib's django_pbkdf2_sha1 vector, and an argon2-cffi output in Django's
    // `argon2` wrapping. Each is re-derived below, so the fixture cannot be silently wrong.
    const vectors: [string, string][] = [
      ['lètmein', 'pbkdf2_sha256$12000$seasalt$Ybw8zsFxqja97tY/o6G+Fy1ksY4U/Hw3DRrGED6Up4s='],
      ['lètmein', 'pbkdf2_sha256$180000$seasalt$gH56uAM9k5UGHuCzAYqLtJQ7AFgnXEZ4LMzt71ldHoc='],
      ['not a password', 'pbkdf2_sha1$10000$wz5B6WkasRoF$atJmJ1o+XfJxKq1+Nu1f1i57Z5I='],
      ['password', 'argon2$argon2id$v=19$m=32768,t=16,p=2$Rfy6J41W9idBU+n/8sZc6Q$i3QYYPtoogIAw78I2qqlUQ8vjzUXGG1V6QsBOq2NIp4'],
    ];
    expect(djangoPbkdf2('lètmein', 'seasalt', 12000, 'sha256')).toBe(vectors[0]![1]);
    expect(djangoPbkdf2('lètmein', 'seasalt', 180000, 'sha256')).toBe(vectors[1]![1]);
    expect(djangoPbkdf2('not a password', 'wz5B6WkasRoF', 10000, 'sha1')).toBe(vectors[2]![1]);
    for (const [password, encoded] of vectors) await expectVerifies(encoded, password);
  });

  it('verifies pbkdf2_sha256 and pbkdf2_sha1 hashes computed by the reference algorithm', async () => {
    const salt = randomBytes(12).toString('base64url');
    await expectVerifies(djangoPbkdf2(PASSWORD, salt, 1000, 'sha256'), PASSWORD);
    await expectVerifies(djangoPbkdf2(PASSWORD, salt, 1000, 'sha1'), PASSWORD);
  });

  it("verifies Django's argon2 wrapping of argon2id and argon2i PHC strings", async () => {
    for (const type of [argon2.argon2id, argon2.argon2i] as const) {
      const phc = await argon2.hash(PASSWORD, { type, memoryCost: 1024, timeCost: 1, parallelism: 1 });
      await expectVerifies(`argon2${phc}`, PASSWORD);
    }
  });

  it('verifies bcrypt_sha256 (hex SHA-256 pre-hash) and plain bcrypt', async () => {
    const prehashed = createHash('sha256').update(PASSWORD, 'utf8').digest('hex');
    await expectVerifies(`bcrypt_sha256$${bcrypt.hashSync(prehashed, 4)}`, PASSWORD);
    await expectVerifies(`bcrypt$${bcrypt.hashSync(PASSWORD, 4)}`, PASSWORD);
    // bcrypt_sha256 must not accept the bare password against its pre-hashed form, nor vice versa.
    expect(await hasher.verify(`bcrypt_sha256$${bcrypt.hashSync(PASSWORD, 4)}`, PASSWORD)).toBe(false);
    expect(await hasher.verify(`bcrypt$${bcrypt.hashSync(prehashed, 4)}`, PASSWORD)).toBe(false);
  });

  it('verifies plain unsalted SHA-256 hex digests, in either case', async () => {
    const digest = createHash('sha256').update(PASSWORD, 'utf8').digest('hex');
    await expectVerifies(digest, PASSWORD);
    await expectVerifies(digest.toUpperCase(), PASSWORD);
  });

  it('never verifies unusable, unknown or malformed hashes', async () => {
    const good = djangoPbkdf2('secret', 'salt', 1000, 'sha256');
    const bad = [
      '!kEMOqZdOD9f1f1Eil1DXO2Uq7kWUDVtyG4Ipqk8j', // Django's set_unusable_password()
      '',
      'secret', // a plaintext column must never match its own text
      'md5$salt$' + createHash('md5').update('saltsecret').digest('hex'),
      good.replace('$1000$', '$0$'),
      good.replace('$1000$', '$99999999999$'), // absurd cost: refused, not computed
      good.replace('pbkdf2_sha256', 'pbkdf2_sha512'),
      good.slice(0, -4),
      `bcrypt$${bcrypt.hashSync('secret', 4).replace('$04$', '$31$')}`,
      'argon2$argon2id$garbage',
      createHash('sha256').update('secret').digest('hex').slice(1),
    ];
    for (const encoded of bad) expect(await hasher.verify(encoded, 'secret'), encoded).toBe(false);
    expect(await hasher.verify(good, 'secret')).toBe(true);
  });

  it('needsRehash is false only for argon2id at the parameters in force', async () => {
    const current = await hasher.hash(PASSWORD);
    expect(hasher.needsRehash(current)).toBe(false);
    expect(isLegacyHash(current)).toBe(false);
    const weaker = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 512, timeCost: 1, parallelism: 1 });
    expect(hasher.needsRehash(weaker)).toBe(true);
    const otherVariant = await argon2.hash(PASSWORD, { type: argon2.argon2i, memoryCost: 1024, timeCost: 1, parallelism: 1 });
    expect(hasher.needsRehash(otherVariant)).toBe(true);
    expect(await hasher.verify(otherVariant, PASSWORD)).toBe(true);
  });
});
