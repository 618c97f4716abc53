/**
 * Who may introspect tokens: a service presenting one of INTROSPECTION_SECRETS in the
 * `X-Introspection-Secret` header. A service credential rather than a user's session, because the
 * answer reveals other people's sessions and permissions; several secrets allow rotation.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config/index.js';
import { GatehouseError } from '../../errors.js';

export const INTROSPECTION_HEADER = 'x-introspection-secret';

/** True when the request carries a configured secret; compared in constant time, as digests of equal length. */
export function isIntrospectionClient(config: Pick<Config, 'introspection'>, request: Request): boolean {
  const presented = request.headers.get(INTROSPECTION_HEADER);
  if (!presented || config.introspection.secrets.length === 0) return false;
  const digest = sha256(presented);
  // Every secret is compared, so the time does not tell which one (or whether any) matched.
  return config.introspection.secrets.reduce((ok, secret) => timingSafeEqual(sha256(secret), digest) || ok, false);
}

/** The scope check: a clear FORBIDDEN for a missing or wrong secret. */
export function requireIntrospectionClient(config: Pick<Config, 'introspection'>, request: Request): true {
  if (isIntrospectionClient(config, request)) return true;
  throw new GatehouseError('FORBIDDEN', {
    message: config.introspection.secrets.length
      ? 'Token introspection requires a valid X-Introspection-Secret header.'
      : 'Token introspection is disabled (set INTROSPECTION_SECRETS).',
    details: { required: ['introspection'] },
  });
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
