/**
 * CSRF prevention for cookie mode: yoga's plugin, which requires one of the configured headers on
 * any request a browser could send cross-site without a CORS preflight (GET, form and text/plain
 * POSTs). Apollo Client and urql can send such a header; a cross-site form cannot. Its failure is
 * re-raised with our FORBIDDEN code so clients see a typed error.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import { GatehouseError } from '../errors.js';

export function useCsrfHeader(requestHeaders: string[]): Plugin {
  const inner = useCSRFPrevention({ requestHeaders });
  return {
    onRequestParse(payload) {
      try {
        return inner.onRequestParse?.(payload);
      } catch {
        throw new GatehouseError('FORBIDDEN', {
          message: `Missing CSRF header: send one of ${requestHeaders.join(', ')}.`,
          details: { http: { status: 403 } },
        });
      }
    },
  };
}
