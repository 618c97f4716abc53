/**
 * Turning what the provider sent back (the authorization response) into who the person is there:
 * the code is exchanged (with the PKCE verifier, state and nonce checked by openid-client, see
 * ./provider-client.ts), then the subject and email are read.
 *
 * Which email is trusted: the ID token's claims (signed by the provider), completed by the
 * userinfo endpoint's answer when the ID token lacks the email or its verification (many providers
 * put only `sub` in it); openid-client checks that userinfo's `sub` is the ID token's. An email counts as verified
 * only when the provider says exactly `email_verified: true` (Microsoft Entra: `xms_edov: true`,
 * since its `email` claim is not verified by default). GitHub: the primary address of
 * /user/emails, verified there.
 */
import * as client from 'openid-client';
import type { Clock } from '../clock.js';
import type { OAuthProviderConfig } from '../config/oauth-providers.js';
import { providerFailure } from './errors.js';
import { providerConfiguration, rememberKeys } from './provider-client.js';

/** Who signed in at the provider. */
export interface ProviderProfile {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  givenName: string | null;
  familyName: string | null;
}

/** What the client relays from the redirect, and what we kept when the flow started. */
export interface AuthorizationResponse {
  redirectUri: string;
  code: string;
  state: string;
  iss: string | null;
  codeVerifier: string;
  nonce: string | null;
}

/**
 * @throws GatehouseError OAUTH_PROVIDER_ERROR, OAUTH_PROVIDER_UNAVAILABLE (with the reason in extensions: see splitReason)
 */
export async function fetchProfile(provider: OAuthProviderConfig, clock: Clock, response: AuthorizationResponse): Promise<ProviderProfile> {
  const config = await providerConfiguration(provider, clock);
  const callback = new URL(response.redirectUri);
  callback.searchParams.set('code', response.code);
  callback.searchParams.set('state', response.state);
  if (response.iss) callback.searchParams.set('iss', response.iss);

  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: response.codeVerifier,
      expectedState: response.state,
      ...(provider.protocol === 'oidc' ? { expectedNonce: response.nonce ?? '', idTokenExpected: true } : {}),
    });
  } catch (error) {
    throw providerFailure(error, 'token');
  } finally {
    rememberKeys(provider, config);
  }
  try {
    return provider.protocol === 'github' ? await githubProfile(provider, config, tokens.access_token) : await oidcProfile(provider, config, tokens);
  } catch (error) {
    throw providerFailure(error, 'userinfo');
  }
}

async function oidcProfile(
  provider: OAuthProviderConfig,
  config: client.Configuration,
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
): Promise<ProviderProfile> {
  const idToken = tokens.claims();
  if (!idToken) throw new client.ClientError('no ID token');
  let claims: Record<string, unknown> = idToken;
  // Userinfo fills in what the ID token leaves out (many providers put only `sub` in it).
  if ((typeof idToken.email !== 'string' || typeof idToken.email_verified !== 'boolean') && config.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    // The ID token's own claims win: they are signed.
    claims = { ...info, ...idToken };
  }
  const email = typeof claims.email === 'string' ? claims.email : null;
  const verified = claims.email_verified === true || (provider.preset === 'microsoft' && claims.xms_edov === true);
  return {
    subject: idToken.sub,
    email,
    emailVerified: email !== null && verified,
    givenName: typeof claims.given_name === 'string' ? claims.given_name : null,
    familyName: typeof claims.family_name === 'string' ? claims.family_name : null,
  };
}

interface GithubUser {
  id?: unknown;
  name?: unknown;
}
interface GithubEmail {
  email?: unknown;
  primary?: unknown;
  verified?: unknown;
}

/** GitHub's REST API: GET /user (the numeric id is the subject: logins can be renamed) and GET /user/emails. */
async function githubProfile(provider: OAuthProviderConfig, config: client.Configuration, accessToken: string): Promise<ProviderProfile> {
  const api = provider.github!.apiBaseUrl;
  const headers = new Headers({ accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' });
  const get = async <T>(path: string): Promise<T> => {
    const res = await client.fetchProtectedResource(config, accessToken, new URL(`${api}${path}`), 'GET', undefined, headers);
    if (!res.ok) throw new client.ClientError(`GitHub answered ${res.status} for ${path}`, { cause: res });
    return (await res.json()) as T;
  };
  const user = await get<GithubUser>('/user');
  if (typeof user.id !== 'number' && typeof user.id !== 'string') throw new client.ClientError('GitHub user without an id');
  const emails = await get<GithubEmail[]>('/user/emails');
  const primary = Array.isArray(emails) ? emails.find((e) => e.primary === true && typeof e.email === 'string') : undefined;
  const [givenName, ...rest] = typeof user.name === 'string' ? user.name.trim().split(/\s+/) : [];
  return {
    subject: String(user.id),
    email: primary ? String(primary.email) : null,
    emailVerified: primary?.verified === true,
    givenName: givenName || null,
    familyName: rest.join(' ') || null,
  };
}
