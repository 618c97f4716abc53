/**
 * Second factors as a client sets them up: the authenticator app's codes computed by the test
 * (RFC 6238 with node:crypto, ./totp.ts), never by the server's library.
 */
import type { GraphQLClient } from './graphql.js';
import type { TestClock } from './test-app.js';
import { totpCode } from './totp.js';

export const START_TOTP = 'mutation { startTotpEnrollment { secret otpauthUri qrCodeSvg } }';
export const CONFIRM_TOTP = 'mutation($code: String!, $password: String) { confirmTotpEnrollment(code: $code, password: $password) }';
export const LOGIN_RESULT = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on AuthPayload { accessToken refreshToken session { id } }
    ... on MfaChallenge { mfaToken methods expiresAt }
  }
}`;
export const COMPLETE_MFA =
  'mutation($t: String!, $c: String!) { completeMfaSignIn(mfaToken: $t, code: $c) { accessToken refreshToken session { id } user { id } } }';

export type LoginResult =
  | { __typename: 'AuthPayload'; accessToken: string; refreshToken: string | null; session: { id: string } }
  | { __typename: 'MfaChallenge'; mfaToken: string; methods: string[]; expiresAt: string };

/** Turns an authenticator app on for the holder of `token`; returns its seed and the recovery codes. */
export async function enrolTotp(t: GraphQLClient, token: string, clock: TestClock): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await t.graphql<{ startTotpEnrollment: { secret: string } }>(START_TOTP, {}, { token });
  if (!started.data) throw new Error(JSON.stringify(started.errors));
  const secret = started.data.startTotpEnrollment.secret;
  const confirmed = await t.graphql<{ confirmTotpEnrollment: string[] }>(CONFIRM_TOTP, { code: totpCode(secret, clock.now()) }, { token });
  if (!confirmed.data) throw new Error(JSON.stringify(confirmed.errors));
  // The confirming code used this time step: the next code the test sends must be of a later one.
  clock.advance(30_000);
  return { secret, recoveryCodes: confirmed.data.confirmTotpEnrollment };
}
