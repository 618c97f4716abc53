/**
 * Social sign-in and linking on /account (issue #17), in headless Chromium against the built
 * server and a real OpenID provider on loopback (test/helpers/oidc-provider.ts): the configured
 * provider is offered on the sign-in page and on the linked-accounts page; a signed-in account
 * links it (the browser is sent to the provider's authorize URL with the console's redirect URI,
 * the provider's answer comes back to /account/oauth/callback), signs out, and signs in with it.
 * A callback this tab never started is refused before it reaches the server (login CSRF).
 * Before this, the console offered no provider at all.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { freePort, screenshot, startConsole, watchProblems, type ConsoleHarness } from '../../helpers/console.js';
import { arrive, openPage } from '../../helpers/console-page.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { startTestIdp, type TestIdp } from '../../helpers/oidc-provider.js';

const available = chromiumAvailable('the console social sign-in browser test');

describe.skipIf(!available)('console social sign-in and linking in Chromium', () => {
  let harness: ConsoleHarness;
  let idp: TestIdp;
  let callbackUrl: string;
  beforeAll(async () => {
    // The redirect URI names the console's port, so it is chosen before either server starts.
    const port = await freePort();
    callbackUrl = `http://localhost:${port}/account/oauth/callback`;
    idp = await startTestIdp({ clients: [{ client_id: 'gatehouse', client_secret: 'idp-secret', redirect_uris: [callbackUrl] }] });
    harness = await startConsole({
      PORT: String(port),
      IDP_SECRET: 'idp-secret',
      OAUTH_PROVIDERS: JSON.stringify([
        {
          type: 'oidc',
          id: 'test-idp',
          name: 'Test IdP',
          issuer: idp.issuer,
          clientId: 'gatehouse',
          clientSecretEnv: 'IDP_SECRET',
          redirectUris: [callbackUrl],
        },
      ]),
    });
  });
  afterAll(async () => {
    await harness?.close();
    await idp?.close();
  });

  /**
   * Presses `button`, sees the browser leave for the provider's authorize URL (answered here with
   * a blank page), walks the provider's login as `login`, and brings the browser back to the
   * console with the provider's answer.
   */
  async function throughProvider(page: Page, button: string, login: string) {
    let authorizeUrl: string | null = null;
    await page.route(`${idp.issuer}/**`, (route) => {
      authorizeUrl = route.request().url();
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>provider</title>' });
    });
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect.poll(() => authorizeUrl).not.toBeNull();
    await page.unroute(`${idp.issuer}/**`);
    const authorize = new URL(authorizeUrl!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('redirect_uri')).toBe(callbackUrl);
    const callback = await idp.authorize(authorize.href, login);
    await page.goto(callback.href);
  }

  it('offers the configured provider, links it from the linked-accounts page, then signs in with it', async () => {
    const deps = harness.gatehouse.deps;
    const user = await createUser(deps, { firstName: 'Mary', lastName: 'Winston' });
    idp.accounts.set('mary', { email: user.email, email_verified: true });
    const page = await openPage(harness);
    const problems = watchProblems(page);
    await page.goto(`${harness.url}/account`);
    await arrive(page, 'Sign in');
    await expect.poll(() => page.getByRole('button', { name: 'Sign in with Test IdP' }).count()).toBe(1);
    await screenshot(page, 'sign-in-social');
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await arrive(page, 'Your account');

    await page.getByRole('link', { name: 'Linked accounts', exact: true }).click();
    await arrive(page, 'Linked accounts');
    await expect.poll(() => page.getByRole('button', { name: 'Link Test IdP' }).count()).toBe(1);
    await throughProvider(page, 'Link Test IdP', 'mary');
    await arrive(page, 'Linked accounts');
    await expect.poll(() => page.locator('main ul.list').first().innerText()).toContain(user.email);
    await screenshot(page, 'linked-accounts-linked');
    expect(await deps.prisma.identity.count({ where: { userId: user.id, provider: 'test-idp' } })).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await arrive(page, 'Sign in');
    await throughProvider(page, 'Sign in with Test IdP', 'mary');
    await arrive(page, 'Your account');
    await expect.poll(() => page.locator('main').innerText()).toContain('Mary Winston');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses a callback this tab did not start, in words', async () => {
    const page = await openPage(harness);
    await page.goto(`${callbackUrl}?state=forged&code=forged`);
    await arrive(page, 'Signing in');
    expect(await page.getByRole('alert').innerText()).toContain('not started in this tab');
    await page.close();
  });
});
