/**
 * Cookie mode keeps the refresh token out of JavaScript: a request that carries the auth cookies
 * gets no refresh token in the response body, only in its httpOnly cookie.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { LOGIN, REFRESH, type Tokens } from '../../helpers/accounts.js';

function cookieValue(headers: Headers, name: string): string {
  const line = headers.getSetCookie().find((l) => l.startsWith(`${name}=`))!;
  return line.split(';')[0]!.slice(name.length + 1);
}

describe('refresh token in the body, cookie mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_COOKIES: 'true' } });
  });

  // The hole: refreshToken with the cookie answered the new refresh token in the body as well,
  // so a script injected into an allowed origin could call it (the browser adds the cookie) and
  // carry a 30-day token away, defeating the httpOnly cookie.
  it('answers a refresh made with the refresh cookie without the refresh token in the body', async () => {
    const user = await createUser(t.deps);
    const login = await t.graphql<{ login: Tokens }>(LOGIN, { email: user.email, password: PASSWORD });
    const cookie = `gatehouse_access=${cookieValue(login.headers, 'gatehouse_access')}; gatehouse_refresh=${cookieValue(login.headers, 'gatehouse_refresh')}`;
    const refreshed = await t.graphql<{ refreshToken: Tokens }>(REFRESH, {}, { headers: { cookie } });
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data!.refreshToken.refreshToken).toBeNull();
    expect(refreshed.data!.refreshToken.accessToken).toBeTruthy();
    // The new refresh token is in its cookie, and it works.
    const rotated = cookieValue(refreshed.headers, 'gatehouse_refresh');
    expect(rotated).not.toBe(cookieValue(login.headers, 'gatehouse_refresh'));
    const again = await t.graphql<{ refreshToken: Tokens }>(REFRESH, {}, { headers: { cookie: `gatehouse_refresh=${rotated}` } });
    expect(again.errors).toBeUndefined();
    expect(again.data!.refreshToken.refreshToken).toBeNull();
  });

  it('answers a login from a browser that holds auth cookies without the refresh token in the body', async () => {
    const user = await createUser(t.deps);
    const first = await t.graphql<{ login: Tokens }>(LOGIN, { email: user.email, password: PASSWORD });
    const cookie = `gatehouse_access=${cookieValue(first.headers, 'gatehouse_access')}`;
    const second = await t.graphql<{ login: Tokens }>(LOGIN, { email: user.email, password: PASSWORD }, { headers: { cookie } });
    expect(second.errors).toBeUndefined();
    expect(second.data!.login.refreshToken).toBeNull();
    expect(cookieValue(second.headers, 'gatehouse_refresh')).toBeTruthy();
  });

  it('still gives a Bearer client (no cookies) its refresh token, on login and on refresh', async () => {
    const user = await createUser(t.deps);
    const login = await t.graphql<{ login: Tokens }>(LOGIN, { email: user.email, password: PASSWORD });
    expect(login.data!.login.refreshToken).toMatch(/^[\w-]{43}$/);
    const refreshed = await t.graphql<{ refreshToken: Tokens }>(REFRESH, { refreshToken: login.data!.login.refreshToken });
    expect(refreshed.data!.refreshToken.refreshToken).toMatch(/^[\w-]{43}$/);
  });
});
