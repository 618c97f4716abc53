/**
 * CORS strictly from the CORS_ORIGINS allow-list, for yoga's `cors` option. A listed origin gets
 * itself echoed with credentials allowed (a `https://*.example.com` entry allows its subdomains); any other origin gets no CORS headers at all, so the
 * browser refuses to hand it the response. Never `*`, which cannot go with credentials anyway.
 */
import type { YogaServerOptions } from 'graphql-yoga';
import { originAllowed, parseOriginPattern } from '../../config/origin-pattern.js';

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/** Preflight answers are cached by browsers this long (seconds). */
const PREFLIGHT_MAX_AGE = 600;

export function corsFromAllowList(origins: readonly string[]): CorsOption {
  const patterns = origins.map(parseOriginPattern).filter((p) => p !== null);
  if (patterns.length === 0) return false;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !originAllowed(patterns, origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: PREFLIGHT_MAX_AGE,
    };
  };
}
