/**
 * Secrets that must be read back (authenticator-app seeds) are stored encrypted with AES-256-GCM:
 * `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts). The caller's `context` (e.g.
 * `totp:<user id>`) is authenticated as additional data, so a ciphertext copied into another
 * user's row does not decrypt there.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataEncryptionKeys } from '../config/data-encryption-keys.js';

const VERSION = 'v1';

export interface Decrypted {
  plaintext: string;
  /** True when the value was under a previous key: the caller should store `encrypt(plaintext)` again. */
  stale: boolean;
}

export function encryptSecret(keys: DataEncryptionKeys, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, keys.current.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** @throws Error when the value is malformed, under an unknown key, or altered (never a partial result). */
export function decryptSecret(keys: DataEncryptionKeys, stored: string, context: string): Decrypted {
  const [version, keyId, iv, body, tag, ...rest] = stored.split('.');
  if (version !== VERSION || !keyId || iv === undefined || body === undefined || tag === undefined || rest.length > 0)
    throw new Error('malformed encrypted value');
  const key = keys.byId.get(keyId);
  if (!key) throw new Error(`encrypted under an unknown key (${keyId}): is a previous DATA_ENCRYPTION_KEY missing from DATA_ENCRYPTION_PREVIOUS_KEYS?`);
  const authTag = Buffer.from(tag, 'base64url');
  // A shortened tag would make forgeries cheaper; only the full 16 bytes are accepted.
  if (authTag.length !== 16) throw new Error('malformed encrypted value');
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(authTag);
  const plaintext = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  return { plaintext, stale: keyId !== keys.current.id };
}
