// Secrets that must be read back (TOTP seeds): AES-256-GCM with the key named in the value, the
// caller's context authenticated, nothing returned for a value altered, moved, or under a lost key.
import { describe, expect, it } from 'vitest';
import { dataEncryptionKeys } from '../../src/config/data-encryption-keys.js';
import { decryptSecret, encryptSecret } from '../../src/security/encryption.js';

const OLD = dataEncryptionKeys('old-key-Hx7pQ2mZ9vL4cT8nW1bK6yR3sF5gJ0dA', []);
const ROTATED = dataEncryptionKeys('new-key-Q2mZ9vL4cT8nW1bK6yR3sF5gJ0dAHx7p', ['old-key-Hx7pQ2mZ9vL4cT8nW1bK6yR3sF5gJ0dA']);

describe('data encryption', () => {
  it('round-trips, with a fresh IV each time and the key id in the clear', () => {
    const a = encryptSecret(OLD, 'JBSWY3DPEHPK3PXP', 'totp:u1');
    const b = encryptSecret(OLD, 'JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).toBe(OLD.current.id);
    expect(decryptSecret(OLD, a, 'totp:u1')).toEqual({ plaintext: 'JBSWY3DPEHPK3PXP', stale: false });
  });

  it('refuses a value moved to another context (another user), altered, or with a shortened tag', () => {
    const value = encryptSecret(OLD, 'JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(() => decryptSecret(OLD, value, 'totp:u2')).toThrow();
    const parts = value.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => decryptSecret(OLD, [...parts.slice(0, 3), body.toString('base64url'), parts[4]].join('.'), 'totp:u1')).toThrow();
    const shortTag = Buffer.from(parts[4]!, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => decryptSecret(OLD, [...parts.slice(0, 4), shortTag].join('.'), 'totp:u1')).toThrow(/malformed/);
    expect(() => decryptSecret(OLD, 'v2.x.y.z.w', 'totp:u1')).toThrow(/malformed/);
  });

  it('after rotation reads values under the previous key and says they are stale; a value under a key no longer configured is named', () => {
    const before = encryptSecret(OLD, 'JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(decryptSecret(ROTATED, before, 'totp:u1')).toEqual({ plaintext: 'JBSWY3DPEHPK3PXP', stale: true });
    const after = encryptSecret(ROTATED, 'JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(decryptSecret(ROTATED, after, 'totp:u1').stale).toBe(false);
    expect(() => decryptSecret(OLD, after, 'totp:u1')).toThrow(/unknown key/);
  });
});
