/**
 * Cookie mode for browsers: httpOnly cookies set by login/refresh and cleared by logout, the
 * access cookie read when there is no Bearer header, and CSRF prevention by a required header.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, PASSWORD, createUser } from '../../helpers/factories.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { LOGIN, REFRESH } from '../../helpers/accounts.js';

/** `name=value` pairs of the Set-Cookie headers, and the full headers by name. */
function setCookies(headers: Headers): Map<string, string> {
  return new Map(headers.getSetCookie().map((line) => [line.split('=')[0]!, line]));
}

function cookieValue(line: string): string {
  return line.split(';')[0]!.split('=').slice(1).join('=');
}

describe('cookie mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_COOKIES: 'true' } });
  });

  it('sets httpOnly Secure SameSite=Lax cookies at login; the refresh cookie only for /graphql', async () => {
    const user = await createUser(t.deps);
    const result = await t.graphql(LOGIN, { email: user.email, password: PASSWORD });
    const cookies = setCookies(result.headers);
    const access = cookies.get('gatehouse_access')!;
    const refresh = cookies.get('gatehouse_refresh')!;
    expect(access).toMatch(/HttpOnly/);
    expect(access).toMatch(/Secure/);
    expect(access).toMatch(/SameSite=Lax/);
    expect(access).toMatch(/Path=\/(;|$)/);
    // Expires with the access token (900 s, counted from the response, so a little less on a slow machine).
    const maxAge = Number(/Max-Age=(\d+)/.exec(access)?.[1]);
    expect(maxAge).toBeGreaterThan(800);
    expect(maxAge).toBeLessThanOrEqual(900);
    expect(refresh).toMatch(/HttpOnly/);
    expect(refresh).toMatch(/Secure/);
    expect(refresh).toMatch(/Path=\/graphql/);
  });

  it('authenticates by cookie, refreshes from the cookie, and logout clears both', async () => {
    const user = await createUser(t.deps);
    const login = setCookies((await t.graphql(LOGIN, { email: user.email, password: PASSWORD })).headers);
    const jar = () => `gatehouse_access=${cookieValue(login.get('gatehouse_access')!)}; gatehouse_refresh=${cookieValue(login.get('gatehouse_refresh')!)}`;
    const me = await t.graphql<{ me: { id: string } }>('{ me { id } }', {}, { headers: { cookie: jar() } });
    expect(me.data?.me.id).toBe(user.id);

    const refreshed = await t.graphql<{ refreshToken: { session: { id: string } } }>(REFRESH, {}, { headers: { cookie: jar() } });
    expect(refreshed.errors).toBeUndefined();
    const rotated = setCookies(refreshed.headers);
    expect(cookieValue(rotated.get('gatehouse_refresh')!)).not.toBe(cookieValue(login.get('gatehouse_refresh')!));

    const cookie = `gatehouse_access=${cookieValue(rotated.get('gatehouse_access')!)}`;
    const logout = await t.graphql('mutation { logout }', {}, { headers: { cookie } });
    expect(logout.data).toEqual({ logout: true });
    const cleared = setCookies(logout.headers);
    expect(cleared.get('gatehouse_access')).toMatch(/^gatehouse_access=;.*Max-Age=0/);
    expect(cleared.get('gatehouse_refresh')).toMatch(/^gatehouse_refresh=;.*Max-Age=0.*Path=\/graphql|^gatehouse_refresh=;.*Path=\/graphql.*Max-Age=0/);
    expect((await t.graphql('{ me { id } }', {}, { headers: { cookie } })).data).toEqual({ me: null });
  });

  it('refuses a request a browser could send cross-site without a preflight unless it carries the CSRF header', async () => {
    const { accessToken } = await signedInUser(t.deps);
    const cookie = `gatehouse_access=${accessToken}`;
    const query = encodeURIComponent('{ me { id } }');
    const forged = await t.request(`/graphql?query=${query}`, { headers: { cookie, accept: 'application/json' } });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    const form = await t.request('/graphql', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${query}`,
    });
    expect(form.status).toBe(403);

    for (const header of ['x-graphql-csrf', 'apollo-require-preflight']) {
      const allowed = await t.request(`/graphql?query=${query}`, { headers: { cookie, accept: 'application/json', [header]: '1' } });
      expect(allowed.status).toBe(200);
      expect(((await allowed.json()) as { data: { me: { id: string } } }).data.me.id).toBeTruthy();
    }
  });

  it('never reads a token from URL parameters', async () => {
    const { accessToken } = await signedInUser(t.deps);
    const query = encodeURIComponent('{ me { id } }');
    for (const name of ['access_token', 'token', 'authorization']) {
      const response = await t.request(`/graphql?query=${query}&${name}=${accessToken}`, { headers: { accept: 'application/json', 'x-graphql-csrf': '1' } });
      expect(await response.json()).toEqual({ data: { me: null } });
    }
  });
});

describe('without cookie mode', () => {
  it('sets no cookies and ignores an access cookie', async () => {
    const t = await createTestApp();
    try {
      const { user, accessToken } = await signedInUser(t.deps);
      const login = await t.graphql(LOGIN, { email: user.email, password: PASSWORD });
      expect(login.headers.getSetCookie()).toEqual([]);
      expect((await t.graphql('{ me { id } }', {}, { headers: { cookie: `gatehouse_access=${accessToken}` } })).data).toEqual({ me: null });
    } finally {
      await t.close();
    }
  });
});
