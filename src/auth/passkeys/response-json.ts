/**
 * The browser's answer to a passkey ceremony (`credential.toJSON()`) arrives as untyped JSON.
 * It is checked for shape and size here, before any lookup or verification, so malformed input is
 * a PASSKEY_INVALID and never reaches the library as something it would throw a TypeError on.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { GatehouseError } from '../../errors.js';

/** Longest credential id accepted (the spec caps them at 1023 bytes: 1364 base64url characters). */
const MAX_ID = 1400;
/** Longest base64url field accepted (an attestation with a certificate chain stays well below). */
const MAX_FIELD = 64 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function passkeyInvalid(message?: string): GatehouseError {
  return new GatehouseError('PASSKEY_INVALID', message ? { message } : {});
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function b64(value: unknown, max = MAX_FIELD): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max && BASE64URL.test(value);
}

function common(value: unknown): { id: string; rawId: string; response: Json; rest: Json } {
  if (!isObject(value) || value.type !== 'public-key' || !b64(value.id, MAX_ID) || value.rawId !== value.id || !isObject(value.response))
    throw passkeyInvalid();
  if (!b64(value.response.clientDataJSON)) throw passkeyInvalid();
  return { id: value.id, rawId: value.rawId, response: value.response, rest: value };
}

type Attachment = 'platform' | 'cross-platform';

function isAttachment(value: unknown): value is Attachment {
  return value === 'platform' || value === 'cross-platform';
}

function extras(rest: Json): { authenticatorAttachment?: Attachment; clientExtensionResults: Json; type: 'public-key' } {
  const attachment = rest.authenticatorAttachment;
  return {
    ...(isAttachment(attachment) ? { authenticatorAttachment: attachment } : {}),
    clientExtensionResults: isObject(rest.clientExtensionResults) ? rest.clientExtensionResults : {},
    type: 'public-key',
  };
}

/** A registration answer (`navigator.credentials.create(...).toJSON()`), or PASSKEY_INVALID. */
export function parseRegistrationResponse(value: unknown): RegistrationResponseJSON {
  const { id, rawId, response, rest } = common(value);
  if (!b64(response.attestationObject)) throw passkeyInvalid();
  const transports = Array.isArray(response.transports)
    ? response.transports.filter((t): t is string => typeof t === 'string' && t.length <= 32).slice(0, 8)
    : [];
  return {
    id,
    rawId,
    response: {
      clientDataJSON: response.clientDataJSON as string,
      attestationObject: response.attestationObject,
      transports,
    },
    ...extras(rest),
  };
}

/** A sign-in answer (`navigator.credentials.get(...).toJSON()`), or PASSKEY_INVALID. */
export function parseAuthenticationResponse(value: unknown): AuthenticationResponseJSON {
  const { id, rawId, response, rest } = common(value);
  if (!b64(response.authenticatorData) || !b64(response.signature)) throw passkeyInvalid();
  const userHandle = response.userHandle;
  if (userHandle !== undefined && userHandle !== null && !b64(userHandle, 512)) throw passkeyInvalid();
  return {
    id,
    rawId,
    response: {
      clientDataJSON: response.clientDataJSON as string,
      authenticatorData: response.authenticatorData,
      signature: response.signature,
      ...(typeof userHandle === 'string' ? { userHandle } : {}),
    },
    ...extras(rest),
  };
}

/**
 * The challenge the browser signed, read from clientDataJSON, to find the ceremony it answers.
 * Nothing here is trusted yet: the library checks the same field (and the rest) afterwards.
 */
export function signedChallenge(clientDataJSON: string): string {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    if (isObject(data) && b64(data.challenge, 512)) return data.challenge;
  } catch {
    // fall through: not JSON
  }
  throw passkeyInvalid();
}
