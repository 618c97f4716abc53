/**
 * Cookie mode for server-rendered sites (issue 14): GET /oauth/start/PROVIDER sends the browser to
 * the provider, GET /oauth/callback/PROVIDER completes the sign-in, sets the auth cookies and
 * redirects to an allowed page; only the browser that started the flow may finish it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../helpers/oidc-provider.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const CALLBACK = 'http://gatehouse.test/oauth/callback/corp';
const AFTER = 'https://site.example/after';

describe('cookie-mode callback route', () => {
  let idp: TestIdp;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startTestIdp({ clients: [{ client_id: 'gatehouse', client_secret: 'gatehouse-secret', redirect_uris: [CALLBACK] }] });
    t = await createTestApp({
      env: {
        AUTH_COOKIES: 'true',
        IDP_SECRET: 'gatehouse-secret',
        OAUTH_RETURN_URLS: `${AFTER},https://site.example/other`,
        OAUTH_PROVIDERS: JSON.stringify([
          {
            type: 'oidc',
            id: 'corp',
            issuer: idp.issuer,
            clientId: 'gatehouse',
            clientSecretEnv: 'IDP_SECRET',
            redirectUris: [CALLBACK],
            allowRegistration: true,
          },
        ]),
      },
    });
  });
  afterAll(() => idp.close());

  const cookieOf = (res: Response, name: string) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0];

  /** /oauth/start, then the provider as `login`; the flow cookie and the callback path the provider sent back to. */
  async function startAndAuthorize(login: string, returnTo = AFTER) {
    const start = await t.request(`/oauth/start/corp?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    const flow = cookieOf(start, 'gatehouse_oauth')!;
    expect(start.headers.getSetCookie().find((c) => c.startsWith('gatehouse_oauth='))).toMatch(/HttpOnly; SameSite=Lax/);
    const callback = await idp.authorize(start.headers.get('location')!, login);
    expect(callback.href.startsWith(CALLBACK)).toBe(true);
    return { flow, path: `${callback.pathname}${callback.search}` };
  }

  it('signs in, sets the auth cookies and lands on the page asked for', async () => {
    idp.accounts.set('reader', { email: 'reader@example.com', email_verified: true });
    const { flow, path } = await startAndAuthorize('reader', 'https://site.example/other');
    const done = await t.request(path, { headers: { cookie: flow } });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('https://site.example/other');
    expect(cookieOf(done, 'gatehouse_access')).toMatch(/^gatehouse_access=ey/);
    expect(cookieOf(done, 'gatehouse_refresh')).toBeDefined();
    expect(cookieOf(done, 'gatehouse_oauth')).toBe('gatehouse_oauth=');

    const access = cookieOf(done, 'gatehouse_access')!;
    const me = await t.graphql<{ me: { email: string } | null }>('{ me { email } }', {}, { headers: { cookie: access, 'x-graphql-csrf': '1' } });
    expect(me.data!.me!.email).toBe('reader@example.com');
  });

  it('refuses a callback from a browser that did not start the flow (login CSRF)', async () => {
    idp.accounts.set('attacker', { email: 'attacker@example.com', email_verified: true });
    const { path } = await startAndAuthorize('attacker');
    // The victim's browser is sent to the attacker's callback: it has no (or another) flow cookie.
    const forced = await t.request(path, { headers: { cookie: 'gatehouse_oauth=someone-elses-state.x' } });
    expect(forced.status).toBe(302);
    expect(forced.headers.get('location')).toBe(`${AFTER}?oauth_error=OAUTH_STATE_INVALID`);
    expect(cookieOf(forced, 'gatehouse_access')).toBeUndefined();
    expect(await t.deps.prisma.user.count({ where: { email: 'attacker@example.com' } })).toBe(0);
  });

  it('never redirects to a page off OAUTH_RETURN_URLS, and reports failures there', async () => {
    idp.accounts.set('unverified', { email: 'unverified@example.com', email_verified: false });
    const { flow, path } = await startAndAuthorize('unverified', 'https://evil.example/phish');
    const done = await t.request(path, { headers: { cookie: flow } });
    expect(done.headers.get('location')).toBe(`${AFTER}?oauth_error=OAUTH_EMAIL_NOT_VERIFIED`);
  });

  it('answers 404 for an unknown provider', async () => {
    expect((await t.request('/oauth/start/nope')).status).toBe(404);
  });
});
