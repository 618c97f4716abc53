/**
 * Issue 15, item 4: silent refresh in cookie mode. A browser whose access cookie has expired but
 * whose refresh cookie is valid is served as its user and gets fresh cookies in the same response,
 * so a session-cookie SPA works like a Django session without refresh code. Driven with a real
 * cookie jar (tough-cookie), which drops expired cookies as a browser does.
 */
import { CookieJar } from 'tough-cookie';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOGIN } from '../../helpers/accounts.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

const URL_ = 'http://gatehouse.test/graphql';
const CSRF = { 'x-graphql-csrf': '1' };

/** A browser: a cookie jar in front of the app's fetch. */
function browser(t: TestApp, jar = new CookieJar()) {
  return {
    jar,
    async graphql(query: string, variables: Record<string, unknown> = {}) {
      const cookie = await jar.getCookieString(URL_);
      const response = await t.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CSRF, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      for (const line of response.headers.getSetCookie()) await jar.setCookie(line, URL_);
      return { headers: response.headers, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] } };
    },
  };
}

describe('silent refresh in cookie mode', () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { AUTH_COOKIES: 'true', AUTH_COOKIE_SECURE: 'false', ACCESS_TOKEN_TTL_SECONDS: '60', REFRESH_GRACE_SECONDS: '10' } });
  });

  it('an expired access token is replaced in passing: the request is served and new cookies come back', async () => {
    const user = await createUser(t.deps);
    const b = browser(t);
    expect((await b.graphql(LOGIN, { email: user.email, password: PASSWORD })).body.errors).toBeUndefined();
    const before = await b.jar.getCookieString(URL_);

    clock.advance(5 * 60_000); // the access token is past exp (the jar still holds the cookie: its clock is real)
    const me = await b.graphql('{ me { email } }');
    expect(me.body.data).toEqual({ me: { email: user.email } });
    expect(
      me.headers
        .getSetCookie()
        .map((l) => l.split('=')[0])
        .sort(),
    ).toEqual(['gatehouse_access', 'gatehouse_refresh']);
    expect(await b.jar.getCookieString(URL_)).not.toBe(before);
    // One session, rotated, not a new sign-in.
    expect(await t.deps.prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
  });

  it('a browser that dropped the access cookie (its Max-Age ran out) is served from the refresh cookie alone', async () => {
    const user = await createUser(t.deps);
    const b = browser(t);
    await b.graphql(LOGIN, { email: user.email, password: PASSWORD });
    const jar = new CookieJar();
    await jar.setCookie(
      (await b.jar.getCookies(URL_)).find((c) => c.key === 'gatehouse_refresh')!,
      URL_,
    );
    const dropped = browser(t, jar);
    expect(await jar.getCookieString(URL_)).toMatch(/^gatehouse_refresh=[^;]+$/);
    expect((await dropped.graphql('{ me { email } }')).body.data).toEqual({ me: { email: user.email } });
    expect(await jar.getCookieString(URL_)).toMatch(/gatehouse_access=/);
  });

  it('two requests racing with the same expired cookies are both served, and the session lives on', async () => {
    const user = await createUser(t.deps);
    const b = browser(t);
    await b.graphql(LOGIN, { email: user.email, password: PASSWORD });
    clock.advance(5 * 60_000);
    const [one, two] = await Promise.all([b.graphql('{ me { email } }'), b.graphql('{ me { email } }')]);
    expect(one.body.data).toEqual({ me: { email: user.email } });
    expect(two.body.data).toEqual({ me: { email: user.email } });
    expect(await b.graphql('{ me { email } }').then((r) => r.body.data)).toEqual({ me: { email: user.email } });
    expect(await t.deps.prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
  });

  it('a revoked session is not revived: the request is anonymous and the dead cookies are cleared', async () => {
    const user = await createUser(t.deps);
    const b = browser(t);
    await b.graphql(LOGIN, { email: user.email, password: PASSWORD });
    await t.deps.prisma.session.updateMany({ where: { userId: user.id }, data: { revokedAt: clock.now(), revokeReason: 'test' } });
    clock.advance(5 * 60_000);
    const me = await b.graphql('{ me { email } }');
    expect(me.body.data).toEqual({ me: null });
    expect(me.headers.getSetCookie().every((l) => /Max-Age=0/.test(l))).toBe(true);
    expect(await b.jar.getCookieString(URL_)).toBe('');
  });

  it('a Bearer client is never refreshed behind its back, and the switch turns it off', async () => {
    const user = await createUser(t.deps);
    const b = browser(t);
    await b.graphql(LOGIN, { email: user.email, password: PASSWORD });
    clock.advance(5 * 60_000);
    const cookie = await b.jar.getCookieString(URL_);
    const bearer = await t.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF, cookie, authorization: 'Bearer not.a.token' },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(bearer.headers.getSetCookie()).toEqual([]);

    const off = await createTestApp({
      clock,
      env: { AUTH_COOKIES: 'true', AUTH_COOKIE_SECURE: 'false', ACCESS_TOKEN_TTL_SECONDS: '60', AUTH_COOKIE_SILENT_REFRESH: 'false' },
    });
    const other = await createUser(off.deps);
    const ob = browser(off);
    await ob.graphql(LOGIN, { email: other.email, password: PASSWORD });
    clock.advance(5 * 60_000);
    const me = await ob.graphql('{ me { email } }');
    expect(me.body.data).toEqual({ me: null });
    expect(me.headers.getSetCookie()).toEqual([]);
  });
});
