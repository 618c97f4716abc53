/**
 * Issue 12: an access token verified once is not verified again while it is valid
 * (src/auth/tokens/verified-tokens.ts), and holding it changes no answer: expiry, a clock behind
 * its `iat`, and a token one character away are judged as without the cache.
 */
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccessTokenService } from '../../src/auth/tokens/access-token.js';
import { VerifiedTokens } from '../../src/auth/tokens/verified-tokens.js';
import { loadConfig } from '../../src/config/index.js';
import { GatehouseError } from '../../src/errors.js';
import { TEST_ENV } from '../helpers/test-app.js';

const config = loadConfig(TEST_ENV);
const subject = { userId: 'user-1', sessionId: 'session-1' };
const at = (iso: string) => new Date(iso);
const T0 = at('2030-01-01T00:00:00Z');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof GatehouseError ? error.code : String(error);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('verified access tokens', () => {
  it('checks the signature of a token once, then answers from the claims it verified', () => {
    const service = createAccessTokenService(config);
    const { token } = service.sign(subject, T0);
    const verify = vi.spyOn(jwt, 'verify');
    const first = service.verify(token, T0);
    const again = service.verify(token, at('2030-01-01T00:05:00Z'));
    expect(again).toBe(first);
    expect(again).toMatchObject({ sub: 'user-1', sid: 'session-1' });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(Object.isFrozen(again)).toBe(true);
  });

  it('still expires a held token at its exp, and judges its iat against the clock every time', () => {
    const service = createAccessTokenService(config);
    const { token, expiresAt } = service.sign(subject, T0);
    service.verify(token, T0);
    expect(codeOf(() => service.verify(token, new Date(expiresAt.getTime() - 1000)))).toBeUndefined();
    expect(codeOf(() => service.verify(token, expiresAt))).toBe('TOKEN_EXPIRED');

    // A clock that went back (or an instance behind): an iat more than a minute ahead is refused, held or not.
    const fresh = service.sign(subject, T0).token;
    service.verify(fresh, T0);
    const behind = at('2029-12-31T23:58:59Z');
    expect(codeOf(() => service.verify(fresh, behind))).toBe('TOKEN_INVALID');
    expect(codeOf(() => createAccessTokenService(config).verify(fresh, behind))).toBe('TOKEN_INVALID');
  });

  it('verifies any other string on its own: a forged signature or claim is refused after the real token was held', () => {
    const service = createAccessTokenService(config);
    const { token } = service.sign(subject, T0);
    service.verify(token, T0);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    const otherSession = Buffer.from(JSON.stringify({ ...(jwt.decode(token) as Record<string, unknown>), sid: 'session-2' })).toString('base64url');
    const verify = vi.spyOn(jwt, 'verify');
    for (const forged of [`${header}.${payload}.${flipped}`, `${header}.${otherSession}.${signature}`, `${token} `]) {
      expect(codeOf(() => service.verify(forged, T0))).toBe('TOKEN_INVALID');
      expect(codeOf(() => service.verify(forged, T0))).toBe('TOKEN_INVALID');
    }
    // Refused tokens are never held: each attempt was checked in full.
    expect(verify).toHaveBeenCalledTimes(6);
  });

  it("does not hold a token another deployment's key signed", () => {
    const ours = createAccessTokenService(config);
    const theirs = createAccessTokenService(loadConfig({ ...TEST_ENV, JWT_SECRET: 'another-deployment-secret-0123456789' }));
    const { token } = theirs.sign(subject, T0);
    theirs.verify(token, T0);
    expect(codeOf(() => ours.verify(token, T0))).toBe('TOKEN_INVALID');
  });

  it('holds a bounded number of tokens, the oldest leaving first, and drops an expired one when asked', () => {
    const held = new VerifiedTokens(3);
    const claims = (exp: number) => ({ sub: 'u', sid: 's', iat: 0, exp, iss: 'i', aud: 'a' });
    for (const token of ['a', 'b', 'c', 'd']) held.set(token, claims(100));
    expect(held.size).toBe(3);
    expect(held.get('a', 0)).toBeUndefined();
    expect(held.get('d', 0)).toEqual(claims(100));
    expect(held.get('d', 100)).toBeUndefined();
    expect(held.size).toBe(2);
  });
});
