/**
 * Cookie mode for browsers (AUTH_COOKIES): login and refresh set httpOnly, SameSite=Lax cookies
 * (Secure unless turned off for local http), logout clears them. The access cookie goes to every
 * path; the refresh cookie only to the GraphQL endpoint. Cookies to set are queued per request and
 * written onto the response by the useAuthCookies plugin.
 */
import { parseCookie, stringifySetCookie, type SetCookie } from 'cookie';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config/index.js';

/** Where GraphQL is served, and so where the refresh cookie is sent. */
export const GRAPHQL_PATH = '/graphql';

const queued = new WeakMap<Request, string[]>();

/** The value of cookie `name` on `request`, if any. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  return parseCookie(header)[name] ?? null;
}

function queue(request: Request, cookie: SetCookie): void {
  const list = queued.get(request) ?? [];
  list.push(stringifySetCookie(cookie));
  queued.set(request, list);
}

function base(config: Config['cookies']): Omit<SetCookie, 'name' | 'value' | 'path'> {
  return { httpOnly: true, secure: config.secure, sameSite: config.sameSite, ...(config.domain ? { domain: config.domain } : {}) };
}

export interface CookieTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/**
 * Whether `request` is in cookie mode: cookie mode is on and the request carries an auth cookie
 * (the browser's jar sent it). Such a request is answered without the refresh token in the body,
 * where a script injected into an allowed origin could read it; it stays in its httpOnly cookie.
 */
export function presentsAuthCookie(config: Config['cookies'], request: Request): boolean {
  return config.enabled && (readCookie(request, config.accessName) !== null || readCookie(request, config.refreshName) !== null);
}

/** Queues both auth cookies for the response, when cookie mode is on. */
export function setAuthCookies(config: Config['cookies'], request: Request, tokens: CookieTokens, now: Date): void {
  if (!config.enabled) return;
  const seconds = (until: Date) => Math.max(0, Math.floor((until.getTime() - now.getTime()) / 1000));
  queue(request, { ...base(config), name: config.accessName, value: tokens.accessToken, path: '/', maxAge: seconds(tokens.accessTokenExpiresAt) });
  queue(request, { ...base(config), name: config.refreshName, value: tokens.refreshToken, path: GRAPHQL_PATH, maxAge: seconds(tokens.refreshTokenExpiresAt) });
}

/** Queues the removal of both auth cookies, when cookie mode is on. */
export function clearAuthCookies(config: Config['cookies'], request: Request): void {
  if (!config.enabled) return;
  queue(request, { ...base(config), name: config.accessName, value: '', path: '/', maxAge: 0 });
  queue(request, { ...base(config), name: config.refreshName, value: '', path: GRAPHQL_PATH, maxAge: 0 });
}

/** Writes the queued cookies onto the response. */
export function useAuthCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of queued.get(request) ?? []) response.headers.append('set-cookie', cookie);
    },
  };
}
