/**
 * CORS strictly from the CORS_ORIGINS allow-list, for yoga's `cors` option. A listed origin gets
 * itself echoed with credentials allowed; any other origin gets no CORS headers at all, so the
 * browser refuses to hand it the response. Never `*`, which cannot go with credentials anyway.
 */
import type { YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/** Preflight answers are cached by browsers this long (seconds). */
const PREFLIGHT_MAX_AGE = 600;

export function corsFromAllowList(origins: readonly string[]): CorsOption {
  const allowed = new Set(origins);
  if (allowed.size === 0) return false;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: PREFLIGHT_MAX_AGE,
    };
  };
}
