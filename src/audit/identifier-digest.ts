/**
 * What someone typed as a sign-in identifier, kept in the audit trail without keeping it: people
 * type passwords into the email field, so an unmatched identifier is stored only as a keyed digest.
 * An investigator can still tell repeated attempts with the same input apart from a spray, and can
 * check a suspected value by computing its digest with the server's key.
 */
import { createHmac } from 'node:crypto';
import type { Config } from '../config/index.js';

/** A keyed digest (HMAC-SHA-256, base64url) of a typed identifier, for audit metadata. */
export function identifierDigest(config: Pick<Config, 'jwt'>, typed: string): string {
  return createHmac('sha256', config.jwt.derivedKeys.auditIdentifier).update(`audit-identifier\0${typed}`).digest('base64url');
}
