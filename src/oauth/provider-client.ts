/**
 * openid-client's view of a configured provider: the server metadata (OIDC discovery, fetched on
 * first use and kept for an hour; GitHub's fixed endpoints), and a fresh Configuration per flow
 * carrying the bounded timeout, the injected clock and the ID token algorithm we accept.
 *
 * What openid-client then checks for us (oauth4webapi underneath): the authorization response's
 * `state` and, when the provider advertises RFC 9207, its `iss`; the PKCE verifier goes to the
 * token endpoint; the ID token's signature against the provider's JWKS (enableNonRepudiationChecks:
 * off by default), its `alg` (exactly the one
 * chosen below: never `none`, never an HMAC one keyed with our client secret), `iss`, `aud`,
 * `azp` when there are several audiences, `exp`/`iat` (30 s tolerance), `nonce`; the userinfo
 * answer's `sub` against the ID token's.
 */
import * as client from 'openid-client';
import type { Clock } from '../clock.js';
import type { OAuthProviderConfig } from '../config/oauth-providers.js';
import { providerFailure } from './errors.js';

interface Discovered {
  metadata: client.ServerMetadata;
  fetchedAt: number;
  jwks?: ReturnType<typeof client.getJwksCache>;
}

/** Per provider object of the (frozen) Config: two apps in one process never share an entry. */
const discovered = new WeakMap<OAuthProviderConfig, Discovered>();
const DISCOVERY_MAX_AGE_MS = 3_600_000;
/** Only asymmetric signatures: an HS256 ID token would be keyed with a secret the client holds too. */
const ASYMMETRIC = /^(?:(?:RS|PS|ES)(?:256|384|512)|EdDSA|Ed25519)$/;

/**
 * A Configuration for one flow with `provider`.
 * @throws GatehouseError OAUTH_PROVIDER_UNAVAILABLE when discovery fails
 */
export async function providerConfiguration(provider: OAuthProviderConfig, clock: Clock): Promise<client.Configuration> {
  const entry = await serverMetadata(provider);
  const metadata = entry.metadata;
  const supported = metadata.id_token_signing_alg_values_supported ?? ['RS256'];
  const idTokenAlg = supported.includes('RS256') ? 'RS256' : (supported.find((alg) => ASYMMETRIC.test(alg)) ?? 'RS256');
  const config = new client.Configuration(
    metadata,
    provider.clientId,
    {
      ...(provider.clientSecret ? { client_secret: provider.clientSecret } : {}),
      id_token_signed_response_alg: idTokenAlg,
      // The injected clock decides what "expired" means (0 in production: the system clock).
      [client.clockSkew]: Math.round((clock.now().getTime() - Date.now()) / 1000),
    },
    provider.clientSecret ? client.ClientSecretPost(provider.clientSecret) : client.None(),
  );
  config.timeout = provider.timeoutSeconds;
  if (provider.allowInsecureHttp) client.allowInsecureRequests(config);
  // By default openid-client trusts an ID token from the token endpoint on the strength of TLS
  // alone (OIDC Core 3.1.3.7 allows it) and skips its signature. We check it against the JWKS:
  // a forged or re-signed token is refused even if the channel or the provider's proxy is not what
  // it seems (test/integration/oauth/id-token-checks.test.ts "a key the provider never published").
  if (provider.protocol === 'oidc') client.enableNonRepudiationChecks(config);
  if (entry.jwks) client.setJwksCache(config, entry.jwks);
  return config;
}

/** Keeps the provider's signing keys fetched during a flow for the next one. */
export function rememberKeys(provider: OAuthProviderConfig, config: client.Configuration): void {
  const entry = discovered.get(provider);
  const jwks = client.getJwksCache(config);
  if (entry && jwks) entry.jwks = jwks;
}

async function serverMetadata(provider: OAuthProviderConfig): Promise<Discovered> {
  const cached = discovered.get(provider);
  if (cached && Date.now() - cached.fetchedAt < DISCOVERY_MAX_AGE_MS) return cached;
  let metadata: client.ServerMetadata;
  if (provider.github) {
    metadata = {
      issuer: new URL(provider.github.authorizationEndpoint).origin,
      authorization_endpoint: provider.github.authorizationEndpoint,
      token_endpoint: provider.github.tokenEndpoint,
    };
  } else {
    try {
      const config = await client.discovery(new URL(provider.issuer!), provider.clientId, undefined, undefined, {
        timeout: provider.timeoutSeconds,
        execute: provider.allowInsecureHttp ? [client.allowInsecureRequests] : [],
      });
      // The metadata only, without the helper methods openid-client attaches.
      metadata = Object.fromEntries(Object.entries(config.serverMetadata()).filter(([, value]) => typeof value !== 'function')) as client.ServerMetadata;
    } catch (error) {
      throw providerFailure(error, 'discovery');
    }
  }
  const entry: Discovered = { metadata, fetchedAt: Date.now(), ...(cached?.jwks ? { jwks: cached.jwks } : {}) };
  discovered.set(provider, entry);
  return entry;
}
