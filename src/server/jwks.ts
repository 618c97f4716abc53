/**
 * GET /.well-known/jwks.json: the public keys access tokens are verified with (RFC 7517), one JWK
 * per key with its `kid`, `alg` and `use: sig`, current key first, retired keys until they are
 * removed from configuration. Empty with HS256, whose secret is never published.
 */
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config/index.js';

export const JWKS_PATH = '/.well-known/jwks.json';

/** Verifiers re-fetch on an unknown `kid`, so a short cache is enough to absorb load. */
const MAX_AGE_SECONDS = 300;

export function jwksDocument(config: Pick<Config, 'jwt'>): { keys: Record<string, unknown>[] } {
  return { keys: config.jwt.keys.publicKeys.map(({ kid, alg, jwk }) => ({ ...jwk, kid, alg, use: 'sig' })) };
}

export function useJwks(config: Pick<Config, 'jwt'>): Plugin {
  const body = JSON.stringify(jwksDocument(config));
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      if (url.pathname !== JWKS_PATH) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: {
            'content-type': 'application/jwk-set+json',
            'cache-control': `public, max-age=${MAX_AGE_SECONDS}`,
            'access-control-allow-origin': '*',
          },
        }),
      );
    },
  };
}
