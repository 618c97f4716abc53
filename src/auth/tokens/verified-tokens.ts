/**
 * Access tokens whose signature, algorithm, issuer and audience have been verified, held so the
 * next request with the same token skips the signature check and jsonwebtoken's parsing (about a
 * tenth of a `me` request's CPU, issue 12). Only those checks, which cannot change for a given
 * string while the process's keys stay the same, are remembered: the time checks (`exp`, `nbf`,
 * `iat`) run on every use, and the session behind the token is checked on every request anyway.
 *
 * Only tokens that verified are stored, so a flood of forged or foreign tokens never enters; the
 * map is bounded all the same (the oldest entry goes first) and an entry leaves when its token
 * expires. Keyed by the whole token, signature included: a hit needs the exact string.
 */
import type { AccessTokenClaims } from './access-token.js';

/** About 1 KB each (the token and its claims); enough for every session active in a TTL on most instances. */
export const MAX_VERIFIED_TOKENS = 2_000;

export class VerifiedTokens {
  readonly #claims = new Map<string, AccessTokenClaims>();
  constructor(private readonly max = MAX_VERIFIED_TOKENS) {}

  get size(): number {
    return this.#claims.size;
  }

  /** The verified claims of `token`, or undefined; an expired one is dropped (the caller verifies it again, and refuses it). */
  get(token: string, nowSeconds: number): AccessTokenClaims | undefined {
    const claims = this.#claims.get(token);
    if (claims && nowSeconds >= claims.exp) {
      this.#claims.delete(token);
      return undefined;
    }
    return claims;
  }

  set(token: string, claims: AccessTokenClaims): void {
    this.#claims.set(token, claims);
    if (this.#claims.size > this.max) this.#claims.delete(this.#claims.keys().next().value!);
  }
}
