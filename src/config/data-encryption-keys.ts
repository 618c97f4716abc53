/**
 * The keys behind DATA_ENCRYPTION_KEY: one AES-256 key per configured secret, derived with HKDF
 * (the secret is never used as a key itself), each named by a short id written beside every
 * ciphertext, so a value encrypted under a previous key is decrypted with that key and nothing is
 * guessed. Rotation: the new secret becomes DATA_ENCRYPTION_KEY, the old one moves to
 * DATA_ENCRYPTION_PREVIOUS_KEYS until every value has been rewritten (src/security/encryption.ts).
 */
import { createHash, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

export interface DataEncryptionKey {
  /** 8 hex characters naming the key in ciphertexts; reveals nothing of it. */
  id: string;
  key: KeyObject;
}

export interface DataEncryptionKeys {
  current: DataEncryptionKey;
  /** The current key first, then the previous ones, by id. */
  byId: ReadonlyMap<string, DataEncryptionKey>;
}

const SALT = 'gatehouse.data-encryption';
const LABEL = 'gatehouse/v1/data-encryption/aes-256-gcm';

function derive(secret: string): DataEncryptionKey {
  const bytes = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), SALT, LABEL, 32));
  // The id is a hash of the derived key under its own label: two secrets never share one in practice.
  const id = createHash('sha256').update('gatehouse/v1/data-encryption/key-id\0').update(bytes).digest('hex').slice(0, 8);
  return { id, key: createSecretKey(bytes) };
}

export function dataEncryptionKeys(current: string, previous: readonly string[]): DataEncryptionKeys {
  const keys = [current, ...previous].map(derive);
  return { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k] as const)) };
}
