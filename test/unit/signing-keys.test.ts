import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';

const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) };

describe('signing key configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('derives the kid (RFC 7638 thumbprint), the algorithm and the JWKS from the private key', () => {
    const config = loadConfig({ ...base, JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem(ec.privateKey, 'pkcs8') });
    expect(config.jwt.keys.current).toMatchObject({ alg: 'ES256' });
    expect(config.jwt.keys.publicKeys).toHaveLength(1);
    // Stable across restarts: the same key gives the same kid.
    const again = loadConfig({ ...base, JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem(ec.privateKey, 'pkcs8') });
    expect(again.jwt.keys.current!.kid).toBe(config.jwt.keys.current!.kid);
    expect(config.jwt.keys.current!.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reads keys from files and previous keys as a JWKS with their own kids', () => {
    const file = join(dir, 'private.pem');
    writeFileSync(file, pem(rsa.privateKey, 'pkcs8'));
    const jwks = JSON.stringify({ keys: [{ ...ec.publicKey.export({ format: 'jwk' }), kid: 'old-1', alg: 'ES256' }] });
    const config = loadConfig({ ...base, JWT_ALGORITHM: 'RS256', JWT_PRIVATE_KEY_FILE: file, JWT_KEY_ID: '2025-06', JWT_PREVIOUS_PUBLIC_KEYS: jwks });
    expect(config.jwt.keys.publicKeys.map((k) => [k.kid, k.alg])).toEqual([
      ['2025-06', 'RS256'],
      ['old-1', 'ES256'],
    ]);
  });

  it.each([
    [{ JWT_ALGORITHM: 'RS256' }, 'JWT_PRIVATE_KEY is required when JWT_ALGORITHM=RS256'],
    [{ JWT_ALGORITHM: 'RS256', JWT_PRIVATE_KEY: 'not a key' }, 'JWT_PRIVATE_KEY is not a readable PEM private key'],
    [{ JWT_ALGORITHM: 'RS256', JWT_PRIVATE_KEY: pem(ec.privateKey, 'pkcs8') }, 'is a key for ES256, but JWT_ALGORITHM is RS256'],
    [{ JWT_ALGORITHM: 'RS256', JWT_PRIVATE_KEY: pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey, 'pkcs8') }, 'at least 2048 bits'],
    [{ JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey, 'pkcs8') }, 'on secp384r1'],
    [{ JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem(generateKeyPairSync('ed25519').privateKey, 'pkcs8') }, 'not ed25519'],
    [{ JWT_ALGORITHM: 'EdDSA' }, 'JWT_ALGORITHM'],
    [{ JWT_PRIVATE_KEY: pem(ec.privateKey, 'pkcs8') }, 'JWT_PRIVATE_KEY is set but JWT_ALGORITHM is HS256'],
    [
      { JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem(ec.privateKey, 'pkcs8'), JWT_PRIVATE_KEY_FILE: '/x' },
      'set JWT_PRIVATE_KEY or JWT_PRIVATE_KEY_FILE, not both',
    ],
    [{ JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY_FILE: '/nonexistent/key.pem' }, 'JWT_PRIVATE_KEY_FILE cannot be read (ENOENT'],
    [{ JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem(ec.privateKey, 'pkcs8'), JWT_PREVIOUS_PUBLIC_KEYS: pem(rsa.privateKey, 'pkcs8') }, 'is a private key'],
    [{ JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem(ec.privateKey, 'pkcs8'), JWT_PREVIOUS_PUBLIC_KEYS: pem(ec.publicKey, 'spki') }, 'second key with kid'],
    [
      { JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem(ec.privateKey, 'pkcs8'), JWT_PREVIOUS_PUBLIC_KEYS: '{"keys":[{"kty":"RSA"}]}' },
      'key 0 is not a valid public JWK',
    ],
    [{ JWT_INCLUDE_CLAIMS: 'role,email' }, 'JWT_INCLUDE_CLAIMS'],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'a-very-long-and-random-production-secret-0123456789', INTROSPECTION_SECRETS: 'short' },
      'INTROSPECTION_SECRETS must each have at least 32',
    ],
  ])('refuses %o with a one-line reason', (env, message) => {
    expect(() => loadConfig({ ...base, ...env } as Record<string, string>)).toThrow(message);
  });
});
