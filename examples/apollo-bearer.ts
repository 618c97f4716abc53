// Apollo Client (v4) with Bearer tokens. The auth link sends the access token and refreshes it
// shortly before it expires; the refresh link reacts to a refused token (expired, invalid after a
// key rotation, unknown) by trading the refresh token for a new pair once and retrying the
// operation. Concurrent operations share one refresh, so rotation never races with itself.
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, switchMap, throwError } from 'rxjs';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../test/client/gql/index.js'; // your codegen output (client preset)

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

/** Where the app keeps its tokens: memory here; secure storage on a device. */
export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens | null): void;
}

export const Login = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(identifier: $email, password: $password) {
      __typename
      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }
      ... on MfaChallenge { mfaToken methods expiresAt }
    }
  }
`);

export const CompleteMfaSignIn = graphql(`
  mutation CompleteMfaSignIn($mfaToken: String!, $code: String!) {
    completeMfaSignIn(mfaToken: $mfaToken, code: $code) { accessToken accessTokenExpiresAt refreshToken user { id email } }
  }
`);

const RefreshToken = graphql(`
  mutation RefreshToken($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken }
  }
`);

/**
 * Only the token fields (results also carry __typename). The refresh token is null only for a
 * request that carried Gatehouse's auth cookies (cookie mode); a Bearer client sends none.
 */
const tokensOf = ({ accessToken, accessTokenExpiresAt, refreshToken }: Omit<Tokens, 'refreshToken'> & { refreshToken: string | null }): Tokens => {
  if (!refreshToken) throw new Error('No refresh token in the response: this client sends auth cookies, so it is in cookie mode.');
  return { accessToken, accessTokenExpiresAt, refreshToken };
};

/** Codes with which Gatehouse refuses an access token: worth one refresh and retry. */
const REFRESH_ON = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID', 'UNAUTHENTICATED']);
/** Refresh this long before the access token expires (clock skew, request time). */
const EARLY_MS = 10_000;

export function createBearerClient(options: { url: string; store: TokenStore; fetch?: typeof fetch }): ApolloClient {
  const { store } = options;
  let refreshing: Promise<boolean> | null = null;
  const refresh = (): Promise<boolean> =>
    (refreshing ??= (async () => {
      const refreshToken = store.get()?.refreshToken;
      if (!refreshToken) return false;
      try {
        const { data } = await client.mutate({ mutation: RefreshToken, variables: { refreshToken } });
        store.set(tokensOf(data!.refreshToken));
        return true;
      } catch (error) {
        // Refused (revoked, reused, expired, account disabled): signed out. A network failure
        // keeps the tokens, so a blip does not sign the user out.
        if (CombinedGraphQLErrors.is(error)) store.set(null);
        return false;
      }
    })().finally(() => (refreshing = null)));

  const authLink = new SetContextLink(async ({ headers }, operation) => {
    if (operation.operationName === 'RefreshToken') return {};
    const tokens = store.get();
    if (tokens && Date.parse(tokens.accessTokenExpiresAt) - EARLY_MS <= Date.now()) await refresh();
    const accessToken = store.get()?.accessToken;
    return accessToken ? { headers: { ...(headers as Record<string, string> | undefined), authorization: `Bearer ${accessToken}` } } : {};
  });

  const refreshLink = new ErrorLink(({ error, operation, forward }) => {
    const refused = CombinedGraphQLErrors.is(error) && error.errors.some((e) => REFRESH_ON.has(String(e.extensions?.code)));
    if (!refused || !store.get() || operation.operationName === 'RefreshToken' || operation.getContext().retried) return;
    operation.setContext({ retried: true });
    return from(refresh()).pipe(switchMap((refreshed) => (refreshed ? forward(operation) : throwError(() => error))));
  });

  const client: ApolloClient = new ApolloClient({
    // The union's members, so the cache matches `... on AuthPayload` / `... on MfaChallenge` exactly.
    cache: new InMemoryCache({ possibleTypes: { SignInResult: ['AuthPayload', 'MfaChallenge'] } }),
    link: ApolloLink.from([refreshLink, authLink, new HttpLink({ uri: `${options.url}/graphql`, fetch: options.fetch ?? fetch })]),
  });
  return client;
}

/** What an account with a second factor is asked for: the app asks its user for a code. */
export type AskForCode = (challenge: { methods: string[]; expiresAt: string }) => Promise<string>;

/**
 * Signs in and keeps the tokens; afterwards every operation of `client` is authenticated. `login`
 * answers a SignInResult: tokens (AuthPayload), or an MfaChallenge when the account has a second
 * factor, completed with a code from the authenticator app (or a recovery code).
 */
export async function login(client: ApolloClient, store: TokenStore, email: string, password: string, askForCode?: AskForCode) {
  const { data } = await client.mutate({ mutation: Login, variables: { email, password } });
  return signedIn(client, store, data!.login, askForCode);
}

/** Keeps the tokens of a SignInResult, completing an MfaChallenge first (any way of signing in answers one). */
async function signedIn(
  client: ApolloClient,
  store: TokenStore,
  result: ResultOf<typeof Login>['login'] | ResultOf<typeof CompleteOAuthSignIn>['completeOAuthSignIn'],
  askForCode?: AskForCode,
) {
  if (result.__typename === 'AuthPayload') {
    store.set(tokensOf(result));
    return result.user;
  }
  if (!askForCode) throw new Error('This account has a second factor: pass askForCode.');
  const code = await askForCode(result);
  const completed = await client.mutate({ mutation: CompleteMfaSignIn, variables: { mfaToken: result.mfaToken, code } });
  store.set(tokensOf(completed.data!.completeMfaSignIn));
  return completed.data!.completeMfaSignIn.user;
}

export const StartOAuthSignIn = graphql(`
  mutation StartOAuthSignIn($provider: String!, $redirectUri: String!) {
    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) { authorizationUrl state }
  }
`);

export const CompleteOAuthSignIn = graphql(`
  mutation CompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {
    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {
      __typename
      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }
      ... on MfaChallenge { mfaToken methods expiresAt }
    }
  }
`);

/**
 * "Sign in with Google" (or any provider of `oauthProviders`), step 1: where to send the browser.
 * Keep `state` (sessionStorage in a browser) to check the redirect against it in step 2.
 */
export async function startSocialSignIn(client: ApolloClient, provider: string, redirectUri: string) {
  const { data } = await client.mutate({ mutation: StartOAuthSignIn, variables: { provider, redirectUri } });
  return data!.startOAuthSignIn;
}

/**
 * Step 2, on the redirect URI's page: `callbackUrl` is where the provider sent the browser back
 * (location.href), `expectedState` the state of step 1. A state that is not ours means someone
 * else started this sign-in: never complete it.
 */
export async function finishSocialSignIn(client: ApolloClient, store: TokenStore, callbackUrl: string, expectedState: string, askForCode?: AskForCode) {
  const params = new URL(callbackUrl).searchParams;
  if (params.has('error')) throw new Error(`The provider did not sign you in: ${params.get('error')}`);
  const state = params.get('state');
  if (!state || state !== expectedState) throw new Error('This sign-in was not started here.');
  const { data } = await client.mutate({ mutation: CompleteOAuthSignIn, variables: { state, code: params.get('code') ?? '', iss: params.get('iss') } });
  return signedIn(client, store, data!.completeOAuthSignIn, askForCode);
}
