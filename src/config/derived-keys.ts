/**
 * One secret in, one key per use out. JWT_SECRET is never used as a key itself: each keyed use
 * gets its own key derived from it with HKDF-SHA256 (RFC 5869) under its own label, so a key that
 * leaks from one use (a log, a debugger, a side channel) neither forges tokens of another use nor
 * reveals the secret. The keys are KeyObjects: they print as `SecretKeyObject {}`, never as bytes.
 *
 * A new keyed use adds a label here. Changing a label (or the salt) changes that key: what it
 * protected (signed access tokens, stored code digests, rate-limit rows) stops matching once.
 */
import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

/** The label of each use: HKDF's `info`, which makes the keys independent. */
const LABELS = {
  /** HS256 signature of access tokens (src/auth/tokens/access-token.ts). */
  accessToken: 'gatehouse/v1/access-token/hs256',
  /** The HMAC deriving a refresh token's successor (src/auth/refresh.ts). */
  refreshSuccessor: 'gatehouse/v1/refresh-token/successor',
  /** The HMAC digest stored for a one-time code (src/auth/one-time-codes.ts). */
  codeDigest: 'gatehouse/v1/one-time-code/digest',
  /** The HMAC of a rate-limit key, so the table cannot be reversed (src/security/rate-limits.ts). */
  rateLimit: 'gatehouse/v1/rate-limit/key',
  /** The HMAC of an unmatched sign-in identifier in the audit trail (src/audit/identifier-digest.ts). */
  auditIdentifier: 'gatehouse/v1/audit/identifier',
  /** The HMAC deriving stand-in passkey credential ids for an address with none (src/auth/passkeys/decoy-credentials.ts). */
  passkeyDecoy: 'gatehouse/v1/passkey/decoy-credential',
} as const;

export type KeyUse = keyof typeof LABELS;

/** One independent 256-bit key per use. */
export type DerivedKeys = Readonly<Record<KeyUse, KeyObject>>;

/** HKDF's salt: fixed, as RFC 5869 allows; it only separates Gatehouse from other users of the secret. */
const SALT = 'gatehouse.key-derivation';
const KEY_BYTES = 32;

/** Derives every key from `secret` (done once, when the configuration is loaded). */
export function deriveKeys(secret: string): DerivedKeys {
  const derive = (label: string) => createSecretKey(Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), SALT, label, KEY_BYTES)));
  return {
    accessToken: derive(LABELS.accessToken),
    refreshSuccessor: derive(LABELS.refreshSuccessor),
    codeDigest: derive(LABELS.codeDigest),
    rateLimit: derive(LABELS.rateLimit),
    auditIdentifier: derive(LABELS.auditIdentifier),
    passkeyDecoy: derive(LABELS.passkeyDecoy),
  };
}
