/**
 * Social sign-in as a client drives it: startOAuthSignIn, the browser at the provider, then
 * completeOAuthSignIn (or the link mutations) with what the redirect carried.
 */
import type { GraphQLClient, GraphQLResult } from './graphql.js';

/** Where the tests' provider sends people back (the client's page; nothing needs to listen there). */
export const REDIRECT_URI = 'http://127.0.0.1:5555/callback';

export const START_SIGN_IN = 'mutation($p: String!, $r: String!) { startOAuthSignIn(provider: $p, redirectUri: $r) { authorizationUrl state expiresAt } }';
export const COMPLETE_SIGN_IN = `mutation($state: String!, $code: String!, $iss: String) {
  completeOAuthSignIn(state: $state, code: $code, iss: $iss) {
    __typename
    ... on AuthPayload { accessToken refreshToken user { id email emailVerified } }
    ... on MfaChallenge { mfaToken methods }
  }
}`;
export const START_LINK =
  'mutation($p: String!, $r: String!, $password: String) { startLinkOAuthIdentity(provider: $p, redirectUri: $r, password: $password) { authorizationUrl state } }';
export const LINK =
  'mutation($state: String!, $code: String!, $iss: String) { linkOAuthIdentity(state: $state, code: $code, iss: $iss) { id provider email } }';
export const MY_IDENTITIES = '{ myIdentities { id provider providerName email emailVerified linkedAt lastUsedAt } }';
export const UNLINK = 'mutation($id: ID!, $password: String) { unlinkIdentity(id: $id, password: $password) }';

export type CompleteResult =
  | { __typename: 'AuthPayload'; accessToken: string; refreshToken: string | null; user: { id: string; email: string; emailVerified: boolean } }
  | { __typename: 'MfaChallenge'; mfaToken: string; methods: string[] };

export interface CallbackArgs {
  state: string;
  code: string;
  iss: string | null;
}

/** startOAuthSignIn's authorization URL; throws on an error answer. */
export async function startSignIn(t: GraphQLClient, provider: string, redirectUri = REDIRECT_URI): Promise<{ authorizationUrl: string; state: string }> {
  const started = await t.graphql<{ startOAuthSignIn: { authorizationUrl: string; state: string } }>(START_SIGN_IN, { p: provider, r: redirectUri });
  if (!started.data) throw new Error(JSON.stringify(started.errors));
  return started.data.startOAuthSignIn;
}

export function completeSignIn(t: GraphQLClient, args: CallbackArgs): Promise<GraphQLResult<{ completeOAuthSignIn: CompleteResult }>> {
  return t.graphql<{ completeOAuthSignIn: CompleteResult }>(COMPLETE_SIGN_IN, { ...args });
}
