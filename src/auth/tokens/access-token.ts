/**
 * Access tokens: short-lived JWTs naming a user (`sub`) and the session they belong to (`sid`).
 * Verification pins the algorithm, issuer and audience; `none` is never accepted.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Config } from '../../config/index.js';
import { GatehouseError } from '../../errors.js';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
  iss: string;
  aud: string;
  [claim: string]: unknown;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export interface AccessTokenService {
  sign(subject: { userId: string; sessionId: string }, now: Date, extraClaims?: Record<string, unknown>): IssuedAccessToken;
  /** @throws GatehouseError TOKEN_EXPIRED or TOKEN_INVALID */
  verify(token: string, now: Date): AccessTokenClaims;
}

/** Clock difference between instances tolerated for a token's `iat`. */
const MAX_CLOCK_SKEW_SECONDS = 60;

/** HS256 with `JWT_SECRET`. */
export function createAccessTokenService(config: Pick<Config, 'jwt' | 'tokens'>): AccessTokenService {
  // A KeyObject, not the raw string: OpenSSL 3 otherwise first tries to parse the secret as a
  // private key on every call, which makes sign and verify about 60x slower.
  const key: KeyObject = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  const { issuer, audience } = config.jwt;
  const ttl = config.tokens.accessTtlSeconds;

  return {
    sign({ userId, sessionId }, now, extraClaims = {}) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + ttl;
      const token = jwt.sign({ ...extraClaims, sid: sessionId, iat, exp }, key, {
        algorithm: 'HS256',
        subject: userId,
        issuer,
        audience,
      });
      return { token, expiresAt: new Date(exp * 1000) };
    },
    verify(token, now) {
      try {
        const claims = jwt.verify(token, key, {
          algorithms: ['HS256'],
          issuer,
          audience,
          clockTimestamp: Math.floor(now.getTime() / 1000),
        });
        if (typeof claims !== 'object' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
          throw new GatehouseError('TOKEN_INVALID');
        }
        // jsonwebtoken checks nbf but not an `iat` in the future; we never issue one, so refuse it.
        if (typeof claims.iat !== 'number' || claims.iat > Math.floor(now.getTime() / 1000) + MAX_CLOCK_SKEW_SECONDS) {
          throw new GatehouseError('TOKEN_INVALID', { message: 'The access token is invalid.' });
        }
        return claims as AccessTokenClaims;
      } catch (error) {
        if (error instanceof GatehouseError) throw error;
        if (error instanceof jwt.TokenExpiredError) throw new GatehouseError('TOKEN_EXPIRED', { message: 'The access token has expired.' });
        throw new GatehouseError('TOKEN_INVALID', { message: 'The access token is invalid.' });
      }
    },
  };
}
