/**
 * Between a Passkey row (base64url strings, a BigInt counter, transports as JSON text) and what
 * @simplewebauthn/server works with.
 */
import type { WebAuthnCredential } from '@simplewebauthn/server';
import type { Passkey } from '../../generated/sqlite/client.js';

export function parseTransports(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** The credential as the library verifies it. */
export function toWebAuthnCredential(row: Pick<Passkey, 'credentialId' | 'publicKey' | 'counter' | 'transports'>): WebAuthnCredential {
  return {
    id: row.credentialId,
    publicKey: new Uint8Array(Buffer.from(row.publicKey, 'base64url')),
    counter: Number(row.counter),
    transports: parseTransports(row.transports),
  };
}

/** An entry of allowCredentials / excludeCredentials. */
export function descriptorOf(row: Pick<Passkey, 'credentialId' | 'transports'>): { id: string; transports: string[] } {
  return { id: row.credentialId, transports: parseTransports(row.transports) };
}
