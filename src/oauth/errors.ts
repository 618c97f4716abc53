/**
 * Whatever goes wrong with a provider reaches the client as a typed error, never a 500: it was
 * unreachable or slow (OAUTH_PROVIDER_UNAVAILABLE), or it refused, or its answer failed a check
 * (OAUTH_PROVIDER_ERROR). `reason` (openid-client's code, or the provider's `error`) goes to the
 * audit row and the log, not to the client.
 */
import * as client from 'openid-client';
import { GatehouseError } from '../errors.js';

/** Codes of openid-client meaning "no usable answer came back", rather than "a bad answer came back". */
const UNREACHABLE = new Set(['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON']);

/** The typed error for a failure talking to a provider during `step`; its reason is in `extensions` for the caller to record, then stripped. */
export function providerFailure(error: unknown, step: string): GatehouseError {
  if (error instanceof GatehouseError) return error;
  const { code, reason } = classify(error);
  return new GatehouseError(code, { details: { oauthStep: step, oauthReason: reason }, cause: error });
}

function classify(error: unknown): { code: 'OAUTH_PROVIDER_UNAVAILABLE' | 'OAUTH_PROVIDER_ERROR'; reason: string } {
  // fetch's network failures (refused, reset, DNS) are TypeErrors.
  if (error instanceof TypeError) return { code: 'OAUTH_PROVIDER_UNAVAILABLE', reason: 'network' };
  if (error instanceof client.ResponseBodyError) return { code: 'OAUTH_PROVIDER_ERROR', reason: `provider:${error.error}` };
  if (error instanceof client.AuthorizationResponseError) return { code: 'OAUTH_PROVIDER_ERROR', reason: `provider:${error.error}` };
  if (error instanceof client.ClientError) {
    const code = error.code ?? 'OAUTH_CLIENT_ERROR';
    return { code: UNREACHABLE.has(code) ? 'OAUTH_PROVIDER_UNAVAILABLE' : 'OAUTH_PROVIDER_ERROR', reason: code };
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return { code: 'OAUTH_PROVIDER_UNAVAILABLE', reason: 'timeout' };
  return { code: 'OAUTH_PROVIDER_ERROR', reason: error instanceof Error ? error.name : 'unknown' };
}

/** The reason recorded for a failure, and the error without it (what the client sees). */
export function splitReason(error: GatehouseError): { reason: string | null; step: string | null; error: GatehouseError } {
  const { oauthReason, oauthStep, ...extensions } = error.extensions as Record<string, unknown>;
  if (oauthReason === undefined) return { reason: null, step: null, error };
  // `code` is set again by the constructor.
  const details = Object.fromEntries(Object.entries(extensions).filter(([key]) => key !== 'code'));
  return { reason: String(oauthReason), step: String(oauthStep), error: new GatehouseError(error.code, { details, cause: error.originalError }) };
}
