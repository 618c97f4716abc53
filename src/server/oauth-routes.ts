/**
 * Social sign-in for server-rendered sites in cookie mode, without any script:
 *
 *   GET /oauth/start/PROVIDER?returnTo=PAGE   a plain link on the login page; redirects to the
 *       provider and sets a short-lived httpOnly cookie naming this browser's flow (its `state`)
 *   GET /oauth/callback/PROVIDER              the redirect URI registered at the provider
 *       (`https://auth.example.com/oauth/callback/PROVIDER`, listed in the provider's
 *       redirectUris); completes the sign-in, sets the auth cookies, redirects to PAGE
 *
 * PAGE must be one of OAUTH_RETURN_URLS (else the first). The callback is accepted only from the
 * browser that started the flow (its cookie holds the same state): otherwise an attacker could
 * send a victim to the callback with the attacker's own code and sign the victim in as the
 * attacker (login CSRF). Failures land on PAGE with `?oauth_error=CODE`; a second factor due lands
 * on PAGE with `?oauth_result=mfa_required#mfaToken=…` (a fragment: never sent to a server) for the
 * page to finish with completeMfaSignIn.
 */
import type { Plugin } from 'graphql-yoga';
import { settleSessionsAfterLogin } from '../account/after-login.js';
import { completeOAuthSignIn } from '../account/oauth/complete-sign-in.js';
import { startOAuth } from '../account/oauth/start.js';
import type { Deps } from '../deps.js';
import { GatehouseError } from '../errors.js';
import { readCookie, setAuthCookies } from '../schema/auth-cookies.js';
import type { ServerContext } from './app.js';
import { clientIp } from './client-ip.js';

const ROUTE = /^\/oauth\/(start|callback)\/([a-z0-9][a-z0-9_-]{0,31})$/;
const FLOW_COOKIE = 'gatehouse_oauth';
const FLOW_COOKIE_PATH = '/oauth/callback';

type RoutePlugin = Plugin<Record<string, unknown>, ServerContext>;
type RequestPayload = Parameters<NonNullable<RoutePlugin['onRequest']>>[0];

export function useOAuthRoutes(deps: Deps): RoutePlugin {
  const route = oauthRoute(deps);
  return {
    // Synchronous for every other path: an async hook would put every request through a promise.
    onRequest(payload) {
      const match = ROUTE.exec(payload.url.pathname);
      return match ? route(payload, match) : undefined;
    },
  };
}

function oauthRoute(deps: Deps) {
  const { config } = deps;
  return async ({ url, request, serverContext, fetchAPI, endResponse }: RequestPayload, match: RegExpExecArray): Promise<void> => {
    const provider = config.oauth.providers.find((p) => p.id === match[2]);
    const redirectUri = provider?.redirectUris.find((uri) => new URL(uri).pathname === `/oauth/callback/${match[2]}`);
    const defaultReturn = config.oauth.returnUrls[0];
    const redirect = (location: string, cookies: string[] = []) => {
      const headers = new fetchAPI.Headers({ location, 'cache-control': 'no-store' });
      for (const cookie of cookies) headers.append('set-cookie', cookie);
      endResponse(new fetchAPI.Response(null, { status: 302, headers }));
    };
    if (!config.cookies.enabled || !provider || !redirectUri || !defaultReturn || request.method !== 'GET') {
      endResponse(new fetchAPI.Response('Not Found', { status: 404 }));
      return;
    }
    const allowedReturn = (page: string | null) => (page && config.oauth.returnUrls.includes(page) ? page : defaultReturn);
    const device = {
      ip: clientIp(serverContext?.req?.socket?.remoteAddress, request.headers.get('x-forwarded-for'), config.http.trustProxy),
      userAgent: request.headers.get('user-agent'),
    };
    const flowCookie = (value: string, maxAge: number) =>
      `${FLOW_COOKIE}=${value}; Path=${FLOW_COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${config.cookies.secure ? '; Secure' : ''}`;

    if (match[1] === 'start') {
      const returnTo = allowedReturn(url.searchParams.get('returnTo'));
      try {
        const flow = await startOAuth(deps, { provider: provider.id, redirectUri, intent: 'sign_in', userId: null }, device);
        redirect(flow.authorizationUrl, [flowCookie(`${flow.state}.${Buffer.from(returnTo).toString('base64url')}`, config.oauth.stateTtlSeconds)]);
      } catch (error) {
        redirect(withParams(returnTo, { oauth_error: codeOf(error, deps) }));
      }
      return;
    }

    const [cookieState, encodedReturn] = (readCookie(request, FLOW_COOKIE) ?? '').split('.');
    const returnTo = allowedReturn(encodedReturn ? Buffer.from(encodedReturn, 'base64url').toString() : null);
    const clear = flowCookie('', 0);
    const state = url.searchParams.get('state');
    if (!state || !cookieState || state !== cookieState) {
      redirect(withParams(returnTo, { oauth_error: 'OAUTH_STATE_INVALID' }), [clear]);
      return;
    }
    if (url.searchParams.has('error') || !url.searchParams.get('code')) {
      redirect(withParams(returnTo, { oauth_error: 'OAUTH_PROVIDER_ERROR' }), [clear]);
      return;
    }
    try {
      const result = await completeOAuthSignIn(deps, { state, code: url.searchParams.get('code')!, iss: url.searchParams.get('iss') }, device);
      if (result.kind === 'mfa_required') {
        redirect(`${withParams(returnTo, { oauth_result: 'mfa_required' })}#mfaToken=${encodeURIComponent(result.mfaToken)}`, [clear]);
        return;
      }
      await settleSessionsAfterLogin(deps, result.session, { sessionId: null, refreshToken: readCookie(request, config.cookies.refreshName) }, device);
      // Queued on the request; useAuthCookies writes them onto this response.
      setAuthCookies(config.cookies, request, result, deps.clock.now());
      redirect(returnTo, [clear]);
    } catch (error) {
      redirect(withParams(returnTo, { oauth_error: codeOf(error, deps) }), [clear]);
    }
  };
}

function withParams(page: string, params: Record<string, string>): string {
  const url = new URL(page);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

/** The typed code of a failure; anything unexpected is logged and shown as a provider error, never a 500 page. */
function codeOf(error: unknown, deps: Deps): string {
  if (error instanceof GatehouseError) return error.code;
  deps.logger.error({ err: error }, 'unexpected error in the OAuth callback route');
  return 'OAUTH_PROVIDER_ERROR';
}
