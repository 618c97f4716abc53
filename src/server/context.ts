/**
 * Builds the GraphQL context of one HTTP request: the presented token (Bearer header, or the
 * access cookie in cookie mode) is checked once, before any resolver runs.
 */
import { authenticate, type Viewer } from '../auth/sessions/authenticate.js';
import { loadEffectiveAccess, NO_ACCESS, type EffectiveAccess } from '../auth/permissions/effective.js';
import type { Deps } from '../deps.js';
import { GatehouseError } from '../errors.js';
import { refresh } from '../account/refresh.js';
import { clearAuthCookies, readCookie, setAuthCookies } from '../schema/auth-cookies.js';
import type { Context } from '../schema/context.js';
import { requestIdOf } from './request-id.js';

export interface RequestInfo {
  request: Request;
  ip: string | null;
}

/** The bearer token of a request; tokens in URL parameters are never read (nor are they anywhere else). */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export async function createContext(deps: Deps, { request, ip }: RequestInfo): Promise<Context> {
  let viewer: Viewer | null = null;
  let authError: GatehouseError | null = null;
  // A Bearer header wins; in cookie mode a browser's access cookie is the fallback.
  const token = bearerToken(request) ?? (deps.config.cookies.enabled ? readCookie(request, deps.config.cookies.accessName) : null);
  if (token) {
    try {
      viewer = await authenticate(deps, token);
    } catch (error) {
      if (!(error instanceof GatehouseError)) throw error;
      // An unusable token makes the request anonymous rather than failing it, so public
      // operations (login, refresh) still work with a stale header; guarded fields report why.
      authError = error;
    }
  }
  if (!viewer && (token === null || authError?.code === 'TOKEN_EXPIRED')) {
    const refreshed = await silentRefresh(deps, request, ip);
    if (refreshed) ({ viewer, authError } = { viewer: refreshed, authError: null });
  }
  let access: Promise<EffectiveAccess> | undefined;
  return {
    deps,
    request,
    requestId: requestIdOf(request),
    ip,
    userAgent: request.headers.get('user-agent'),
    viewer,
    authError,
    access: () => (access ??= viewer ? accessOf(deps, viewer) : Promise.resolve(NO_ACCESS)),
  };
}

/**
 * Cookie mode's silent refresh: a browser whose access cookie has expired (the jar dropped it, or
 * its token is past `exp`) but whose refresh cookie is valid is served as that user, and the
 * response carries fresh cookies, so a cookie SPA works like a Django session. Rotation is
 * refresh()'s own (a racing request with the same cookie gets the same successor within the grace
 * window; a reused one ends the session). Never for Bearer clients: they refresh themselves.
 */
async function silentRefresh(deps: Deps, request: Request, ip: string | null): Promise<Viewer | null> {
  const { cookies } = deps.config;
  if (!cookies.enabled || !cookies.silentRefresh || bearerToken(request)) return null;
  const refreshToken = readCookie(request, cookies.refreshName);
  if (!refreshToken) return null;
  try {
    const result = await refresh(deps, refreshToken, { ip, userAgent: request.headers.get('user-agent') });
    setAuthCookies(cookies, request, result, deps.clock.now());
    return { user: result.user, session: result.session };
  } catch (error) {
    if (!(error instanceof GatehouseError)) throw error;
    // A dead refresh cookie (expired, revoked, reused): stop the browser sending it with every request.
    if (error.code === 'TOKEN_INVALID' || error.code === 'TOKEN_EXPIRED' || error.code === 'UNAUTHENTICATED' || error.code === 'ACCOUNT_DISABLED') {
      clearAuthCookies(cookies, request);
    }
    return null;
  }
}

/** The viewer's permissions, cached per user; the writers of groups and permissions invalidate it. */
function accessOf(deps: Deps, viewer: Viewer): Promise<EffectiveAccess> {
  const { user } = viewer;
  return deps.authCache.access(user.id, () => loadEffectiveAccess(deps.prisma, user));
}
