/**
 * Builds the GraphQL context of one HTTP request: the presented token (Bearer header, or the
 * access cookie in cookie mode) is checked once, before any resolver runs.
 */
import { authenticate, type Viewer } from '../auth/sessions/authenticate.js';
import { loadEffectiveAccess, NO_ACCESS, type EffectiveAccess } from '../auth/permissions/effective.js';
import type { Deps } from '../deps.js';
import { GatehouseError } from '../errors.js';
import { readCookie } from '../schema/auth-cookies.js';
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

/** The viewer's permissions, cached per user; the writers of groups and permissions invalidate it. */
function accessOf(deps: Deps, viewer: Viewer): Promise<EffectiveAccess> {
  const { user } = viewer;
  return deps.authCache.access(user.id, () => loadEffectiveAccess(deps.prisma, user));
}
