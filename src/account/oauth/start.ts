/**
 * Starting an OAuth 2.0 / OpenID Connect sign-in or link: the provider's authorization URL with
 * PKCE (S256), `state` and (OIDC) `nonce`; their server-side half is a single-use row
 * (src/oauth/state.ts). The redirect URI must be one the provider's configuration lists, exactly.
 */
import type { OAuthProviderConfig } from '../../config/oauth-providers.js';
import type { Config } from '../../config/index.js';
import * as client from 'openid-client';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { fieldError, GatehouseError, validationError } from '../../errors.js';
import { splitReason } from '../../oauth/errors.js';
import { providerConfiguration } from '../../oauth/provider-client.js';
import { newOAuthState, type OAuthIntent } from '../../oauth/state.js';

export interface OAuthAuthorization {
  /** Send the browser here. */
  authorizationUrl: string;
  /** Also in the URL; a client keeps it (sessionStorage) and checks the one coming back is the same before completing. */
  state: string;
  expiresAt: Date;
}

/** The configured provider `id`. @throws GatehouseError VALIDATION_FAILED (field `provider`, code `unknown`) */
export function configuredProvider(config: Pick<Config, 'oauth'>, id: string): OAuthProviderConfig {
  const provider = config.oauth.providers.find((p) => p.id === id);
  if (!provider) throw validationError([fieldError('provider', 'unknown', 'unknownProvider')]);
  return provider;
}

/**
 * @throws GatehouseError VALIDATION_FAILED (`provider` unknown, `redirectUri` not_allowed), RATE_LIMITED, OAUTH_PROVIDER_UNAVAILABLE
 */
export async function startOAuth(
  deps: Deps,
  input: { provider: string; redirectUri: string; intent: OAuthIntent; userId: string | null },
  device: DeviceInfo,
): Promise<OAuthAuthorization> {
  await deps.rateLimits.consume('oauth', { ip: device.ip });
  const provider = configuredProvider(deps.config, input.provider);
  // Exact match: a prefix or pattern would let a look-alike path or host receive the code.
  if (!provider.redirectUris.includes(input.redirectUri)) {
    throw validationError([fieldError('redirectUri', 'not_allowed', 'redirectUriNotAllowed')]);
  }
  let config;
  try {
    config = await providerConfiguration(provider, deps.clock);
  } catch (error) {
    if (!(error instanceof GatehouseError)) throw error;
    const { reason, step, error: clean } = splitReason(error);
    deps.logger.warn({ provider: provider.id, step, reason, err: error.originalError }, 'OAuth provider unavailable');
    throw clean;
  }
  const flow = newOAuthState(
    deps,
    { provider: provider.id, intent: input.intent, redirectUri: input.redirectUri, userId: input.userId, withNonce: provider.protocol === 'oidc' },
    device,
  );
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: provider.scopes.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
    state: flow.state,
    ...(flow.nonce ? { nonce: flow.nonce } : {}),
  });
  await deps.prisma.signInChallenge.create({ data: flow.data });
  return { authorizationUrl: url.href, state: flow.state, expiresAt: flow.expiresAt };
}
