/**
 * The common middle of completing a sign-in or a link: the state is used up, then the provider's
 * answer is exchanged and checked. A failure is audited (`oauth.sign_in_failed` or
 * `oauth.link_failed`, with openid-client's reason) and reaches the client as its typed error.
 */
import { recordAudit } from '../../audit/record.js';
import type { OAuthProviderConfig } from '../../config/oauth-providers.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { GatehouseError } from '../../errors.js';
import { splitReason } from '../../oauth/errors.js';
import { fetchProfile, type ProviderProfile } from '../../oauth/profile.js';
import { takeOAuthState, type OAuthIntent } from '../../oauth/state.js';

/** What the provider's redirect carried back, relayed by the client. */
export interface OAuthCallback {
  state: string;
  code: string;
  /** RFC 9207's `iss` parameter, when the provider sends one (then it is required and checked). */
  iss?: string | null;
}

/** Longest code accepted; providers' are far shorter. */
const MAX_CODE_LENGTH = 2048;

export async function providerAnswer(
  deps: Deps,
  callback: OAuthCallback,
  intent: OAuthIntent,
  userId: string | null,
  device: DeviceInfo,
): Promise<{ provider: OAuthProviderConfig; profile: ProviderProfile }> {
  await deps.rateLimits.consume('oauth', { ip: device.ip });
  const failedType = intent === 'link' ? 'oauth.link_failed' : 'oauth.sign_in_failed';
  let taken;
  try {
    taken = await takeOAuthState(deps, callback.state, intent, userId);
  } catch (error) {
    await recordAudit(deps.prisma, { type: failedType, userId, ...device, metadata: { reason: 'state_invalid' } }, deps.clock.now());
    throw error;
  }
  // A provider removed from the configuration since the start: its flows end.
  const provider = deps.config.oauth.providers.find((p) => p.id === taken.provider);
  if (!provider) throw new GatehouseError('OAUTH_STATE_INVALID');
  if (callback.code.length === 0 || callback.code.length > MAX_CODE_LENGTH || (callback.iss?.length ?? 0) > MAX_CODE_LENGTH) {
    throw new GatehouseError('OAUTH_PROVIDER_ERROR');
  }
  try {
    const profile = await fetchProfile(provider, deps.clock, {
      redirectUri: taken.redirectUri,
      code: callback.code,
      state: callback.state,
      iss: callback.iss ?? null,
      codeVerifier: taken.codeVerifier,
      nonce: taken.nonce,
    });
    return { provider, profile };
  } catch (error) {
    if (!(error instanceof GatehouseError)) throw error;
    const { reason, step, error: clean } = splitReason(error);
    deps.logger.warn({ provider: provider.id, step, reason, err: error.originalError }, 'OAuth provider answer refused');
    await recordAudit(deps.prisma, { type: failedType, userId, ...device, metadata: { provider: provider.id, step, reason } }, deps.clock.now());
    throw clean;
  }
}
