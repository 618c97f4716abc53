/**
 * Security headers on every response. The API returns JSON only, so its CSP forbids everything;
 * the GraphiQL page (development) keeps a CSP that only forbids framing, as it loads its assets;
 * the console sets its own, strict one.
 */
import type { Plugin } from 'graphql-yoga';

export interface SecurityHeaderOptions {
  /** Send Strict-Transport-Security (production, where TLS is terminated in front of us). */
  hsts: boolean;
  /** Add `Vary: Origin` (CORS is on, so responses differ by the caller's origin). */
  varyOnOrigin: boolean;
}

const HSTS = 'max-age=31536000; includeSubDomains';

export function useSecurityHeaders({ hsts, varyOnOrigin }: SecurityHeaderOptions): Plugin {
  return {
    onResponse({ response }) {
      const headers = response.headers;
      const isHtml = headers.get('content-type')?.startsWith('text/html') ?? false;
      headers.set('x-content-type-options', 'nosniff');
      headers.set('x-frame-options', 'DENY');
      headers.set('referrer-policy', 'no-referrer');
      // A response that brings its own CSP (the console's pages and assets, src/server/console.ts)
      // has chosen its cache policy too; every other response gets these.
      if (!headers.has('content-security-policy')) {
        headers.set('content-security-policy', isHtml ? "frame-ancestors 'none'" : "default-src 'none'; frame-ancestors 'none'");
        // Responses carry tokens and personal data: no shared or private cache may keep them.
        headers.set('cache-control', 'no-store');
      }
      if (hsts) headers.set('strict-transport-security', HSTS);
      if (varyOnOrigin) {
        // yoga omits Vary when it echoes a single allowed origin; caches must still key on Origin.
        const vary = headers.get('vary');
        if (!vary) headers.set('vary', 'Origin');
        else if (!/\borigin\b/i.test(vary)) headers.set('vary', `${vary}, Origin`);
      }
    },
  };
}
