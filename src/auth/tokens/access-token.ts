/**
 * Access tokens: short-lived JWTs naming a user (`sub`) and the session they belong to (`sid`),
 * optionally carrying `role`, `groups` and `permissions` for services that authorise on their own.
 *
 * Signed with HS256 (a key derived from `JWT_SECRET` for this use alone, src/config/derived-keys.ts) or,
 * for tokens other services verify, with RS256/ES256 under a `kid` published at
 * /.well-known/jwks.json. Verification pins everything: the issuer, the
 * audience, and the algorithm, which comes from the configured key (chosen by `kid`), never from
 * the token's header. So `none` is never accepted and an HS256 token "signed" with a published
 * public key (the HS/RS confusion attack) never verifies.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Config } from '../../config/index.js';
import { GatehouseError, messageText } from '../../errors.js';
import type { JwtAlgorithm } from '../../config/signing-keys.js';
import { VerifiedTokens } from './verified-tokens.js';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
  iss: string;
  aud: string;
  /** With JWT_INCLUDE_CLAIMS: USER, STAFF or ADMIN (a superuser: holds every permission). */
  role?: string;
  groups?: string[];
  permissions?: string[];
  [claim: string]: unknown;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export interface AccessTokenService {
  /** Prefer issueAccessToken (./issue-access-token.ts), which adds the configured claims. */
  sign(subject: { userId: string; sessionId: string }, now: Date, extraClaims?: Record<string, unknown>): IssuedAccessToken;
  /** @throws GatehouseError TOKEN_EXPIRED or TOKEN_INVALID */
  verify(token: string, now: Date): AccessTokenClaims;
}

/** Clock difference between instances tolerated for a token's `iat`. */
const MAX_CLOCK_SKEW_SECONDS = 60;

interface VerificationKey {
  key: KeyObject;
  algorithm: JwtAlgorithm;
}

export function createAccessTokenService(config: Pick<Config, 'jwt' | 'tokens'>): AccessTokenService {
  const { issuer, audience, keys } = config.jwt;
  const ttl = config.tokens.accessTtlSeconds;
  // KeyObjects made once, not raw strings: OpenSSL 3 otherwise re-parses the key material on every
  // call (for a secret it first tries it as a private key), which makes sign and verify ~60x slower.
  const signing = keys.current
    ? { key: createPrivateKey(keys.current.privateKeyPem), algorithm: keys.current.alg, kid: keys.current.kid as string | undefined }
    : { key: config.jwt.derivedKeys.accessToken, algorithm: 'HS256' as const, kid: undefined };
  const byKid = new Map<string, VerificationKey>(
    keys.publicKeys.map((k) => [k.kid, { key: createPublicKey({ key: k.jwk, format: 'jwk' }), algorithm: k.alg }]),
  );
  // Per service: its keys are fixed for its life, so a token verified once verifies again until it expires.
  const verified = new VerifiedTokens();
  const keyFor = (token: string): VerificationKey | null => {
    if (!keys.current) return { key: signing.key, algorithm: 'HS256' };
    const kid = jwt.decode(token, { complete: true })?.header.kid;
    return (kid && byKid.get(kid)) || null;
  };

  return {
    sign({ userId, sessionId }, now, extraClaims = {}) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + ttl;
      const token = jwt.sign({ ...extraClaims, sid: sessionId, iat, exp }, signing.key, {
        algorithm: signing.algorithm,
        subject: userId,
        issuer,
        audience,
        ...(signing.kid ? { keyid: signing.kid } : {}),
      });
      return { token, expiresAt: new Date(exp * 1000) };
    },
    verify(token, now) {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const held = verified.get(token, nowSeconds);
      // A held token is still judged against the clock: `nbf` and `iat` as below, `exp` by `get`.
      if (held && !(typeof held.nbf === 'number' && held.nbf > nowSeconds) && held.iat <= nowSeconds + MAX_CLOCK_SKEW_SECONDS) return held;
      try {
        const verification = keyFor(token);
        if (!verification) throw new GatehouseError('TOKEN_INVALID', { message: messageText('accessTokenInvalid') });
        const claims = jwt.verify(token, verification.key, {
          algorithms: [verification.algorithm],
          issuer,
          audience,
          clockTimestamp: nowSeconds,
        });
        if (typeof claims !== 'object' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
          throw new GatehouseError('TOKEN_INVALID', { message: messageText('accessTokenInvalid') });
        }
        // jsonwebtoken checks nbf but not an `iat` in the future; we never issue one, so refuse it.
        if (typeof claims.iat !== 'number' || claims.iat > nowSeconds + MAX_CLOCK_SKEW_SECONDS) {
          throw new GatehouseError('TOKEN_INVALID', { message: messageText('accessTokenInvalid') });
        }
        // Frozen: the same object answers every later request with this token.
        const accepted = Object.freeze(claims) as AccessTokenClaims;
        if (typeof accepted.exp === 'number') verified.set(token, accepted);
        return accepted;
      } catch (error) {
        if (error instanceof GatehouseError) throw error;
        if (error instanceof jwt.TokenExpiredError) throw new GatehouseError('TOKEN_EXPIRED', { message: messageText('accessTokenExpired') });
        throw new GatehouseError('TOKEN_INVALID', { message: messageText('accessTokenInvalid') });
      }
    },
  };
}
