/**
 * The server-side half of an OAuth authorization request: a SignInChallenge row (purpose OAUTH)
 * found by the SHA-256 of `state` (32 random bytes), holding the provider, the redirect URI, the
 * flow (sign-in or link, and for a link the user) and the PKCE verifier and nonce, both encrypted
 * (they must be read back) under DATA_ENCRYPTION_KEY with the row's digest as associated data.
 * Single use (taken with a conditional update before the code is exchanged) and short-lived
 * (OAUTH_STATE_TTL_SECONDS).
 */
import * as client from 'openid-client';
import { MAX_USER_AGENT } from '../audit/record.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { consumeChallenge } from '../auth/mfa/challenge.js';
import { digestsEqual, tokenDigest } from '../auth/tokens/opaque.js';
import type { Deps } from '../deps.js';
import { GatehouseError } from '../errors.js';
import { decryptSecret, encryptSecret } from '../security/encryption.js';

export type OAuthIntent = 'sign_in' | 'link';

interface StoredPayload {
  provider: string;
  intent: OAuthIntent;
  redirectUri: string;
  codeVerifier: string;
  nonce: string | null;
}

/** Longest state looked up; ours are 43 characters. */
const MAX_STATE_LENGTH = 256;

export interface NewOAuthState {
  provider: string;
  intent: OAuthIntent;
  redirectUri: string;
  /** The signed-in user, for a link. */
  userId: string | null;
  /** OpenID Connect: a nonce goes into the request and must come back in the ID token. */
  withNonce: boolean;
}

/** The row to write, and the values the authorization URL carries. */
export function newOAuthState(deps: Pick<Deps, 'clock' | 'config'>, input: NewOAuthState, device: DeviceInfo) {
  const now = deps.clock.now();
  const state = client.randomState();
  const codeVerifier = client.randomPKCECodeVerifier();
  const nonce = input.withNonce ? client.randomNonce() : null;
  const tokenHash = tokenDigest(state);
  const keys = deps.config.dataEncryption;
  const payload: StoredPayload = {
    provider: input.provider,
    intent: input.intent,
    redirectUri: input.redirectUri,
    codeVerifier: encryptSecret(keys, codeVerifier, `oauth:${tokenHash}`),
    nonce: nonce === null ? null : encryptSecret(keys, nonce, `oauth:${tokenHash}`),
  };
  const expiresAt = new Date(now.getTime() + deps.config.oauth.stateTtlSeconds * 1000);
  const data = {
    purpose: 'OAUTH' as const,
    tokenHash,
    userId: input.userId,
    payload: JSON.stringify(payload),
    ip: device.ip,
    userAgent: device.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    expiresAt,
    createdAt: now,
  };
  return { data, state, codeVerifier, nonce, expiresAt };
}

export interface TakenOAuthState {
  provider: string;
  redirectUri: string;
  codeVerifier: string;
  nonce: string | null;
}

/**
 * Uses up the request behind `state` for `intent` (and, for a link, `userId`).
 * @throws GatehouseError OAUTH_STATE_INVALID (unknown, used, expired, another flow's or another user's)
 */
export async function takeOAuthState(
  deps: Pick<Deps, 'prisma' | 'clock' | 'config'>,
  state: string,
  intent: OAuthIntent,
  userId: string | null,
): Promise<TakenOAuthState> {
  const invalid = () => new GatehouseError('OAUTH_STATE_INVALID');
  if (state.length === 0 || state.length > MAX_STATE_LENGTH) throw invalid();
  const digest = tokenDigest(state);
  const row = await deps.prisma.signInChallenge.findUnique({ where: { tokenHash: digest } });
  const now = deps.clock.now();
  if (!row || row.purpose !== 'OAUTH' || row.consumedAt || row.expiresAt <= now || !digestsEqual(row.tokenHash, digest)) throw invalid();
  const payload = JSON.parse(row.payload) as StoredPayload;
  // A link is finished only by the user who started it: otherwise a victim could be made to
  // complete an attacker's link (or the reverse) with their own provider account.
  if (payload.intent !== intent || (row.userId ?? null) !== userId) throw invalid();
  if (!(await consumeChallenge(deps.prisma, row.id, now))) throw invalid();
  const keys = deps.config.dataEncryption;
  try {
    return {
      provider: payload.provider,
      redirectUri: payload.redirectUri,
      codeVerifier: decryptSecret(keys, payload.codeVerifier, `oauth:${row.tokenHash}`).plaintext,
      nonce: payload.nonce === null ? null : decryptSecret(keys, payload.nonce, `oauth:${row.tokenHash}`).plaintext,
    };
  } catch {
    // Altered at rest, or under a key no longer configured: the flow cannot finish.
    throw invalid();
  }
}
