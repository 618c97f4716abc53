/**
 * The console's sign-in, in headless Chromium against the built server (issue #17): /account
 * shows the sign-in page, a password signs in through cookie mode (the page never holds a token),
 * an account with an authenticator app gets the code step, and the language switch turns the page
 * Spanish. Keyboard only; axe-core on every page; no CSP violation, script error or failed request.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { axeViolations, CONSOLE_ENV, focusedHeading, screenshot, useConsole, watchProblems } from '../../helpers/console.js';
import { typeInto, waitForHeading } from '../../helpers/console-page.js';
import { startGatehouse } from '../../helpers/gatehouse-process.js';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { createHttpClient } from '../../helpers/graphql.js';
import { enrolTotp } from '../../helpers/second-factors.js';
import { TestClock } from '../../helpers/test-app.js';

const available = chromiumAvailable('the console sign-in browser test');

describe.skipIf(!available)('console sign-in in Chromium', () => {
  const harness = useConsole();

  it('signs in with a password on the keyboard, in a page with a strict CSP', async () => {
    const user = await createUser(harness.gatehouse.deps, { firstName: 'Grace', lastName: 'Hopper' });
    const page = await harness.newPage();
    const problems = watchProblems(page);
    const response = await page.goto(`${harness.url}/account`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await focusedHeading(page)).toBe('Sign in');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');

    // Tab from the heading reaches the fields in order; Enter submits.
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Your account');
    await expect.poll(() => page.locator('main').innerText()).toContain('Grace Hopper');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'overview');

    // The cookies are httpOnly: the page's scripts see none of them.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    // A reload stays signed in, on the cookie alone.
    await page.reload();
    await waitForHeading(page, 'Your account');
    // The access cookie expires (the browser drops it at its max-age): the refresh cookie renews it
    // in passing (AUTH_COOKIE_SILENT_REFRESH), so the console stays signed in.
    await harness.chromium.browser.clearCookies({ name: 'gatehouse_access' });
    await page.reload();
    await waitForHeading(page, 'Your account');
    expect((await harness.chromium.browser.cookies()).map((c) => c.name).sort()).toEqual(['gatehouse_access', 'gatehouse_refresh']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a wrong password as an alert and keeps the form', async () => {
    const user = await createUser(harness.gatehouse.deps);
    const page = await harness.newPage();
    await page.goto(`${harness.url}/account`);
    await typeInto(page, 'Email', user.email);
    await typeInto(page, 'Password', 'not the password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/\w/);
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(user.email);
    await page.close();
  });

  // The console offers the emailed code without knowing whether the server has EMAIL_SIGN_IN on
  // (no query says so): a server with it off (this one, the default) is told in words.
  it('says in words that signing in with an emailed code is off on this server', async () => {
    const user = await createUser(harness.gatehouse.deps);
    const page = await harness.newPage();
    await page.goto(`${harness.url}/account`);
    await page.getByRole('button', { name: 'Email me a sign-in code' }).click();
    await waitForHeading(page, 'Sign in with an emailed code');
    await typeInto(page, 'Email', user.email);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe('Signing in with an emailed code is turned off on this server. Sign in with your password instead.');
    expect(await axeViolations(page)).toEqual([]);
    // Cancel goes back to the password form.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await waitForHeading(page, 'Sign in');
    await page.close();
  });

  it('asks an account with an authenticator app for a code, and takes a recovery code', async () => {
    const { user, accessToken } = await signedInUser(harness.gatehouse.deps);
    const { recoveryCodes } = await enrolTotp(createHttpClient(harness.gatehouse.url), accessToken, new TestClock());
    const page = await harness.newPage();
    await page.goto(`${harness.url}/account`);
    await typeInto(page, 'Email', user.email);
    await typeInto(page, 'Password', PASSWORD);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Two-step verification');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-code');
    await typeInto(page, 'Code', recoveryCodes[0]!);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Your account');
    await page.close();
  });

  it('switches to Spanish on a phone-sized screen', async () => {
    const page = await harness.newPage({ width: 390, height: 844 });
    await page.goto(`${harness.url}/account/anything-else`);
    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Iniciar sesión');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-es-phone');
    await page.close();
  });

  it('renews an expired access cookie itself when the server does not (AUTH_COOKIE_SILENT_REFRESH=false)', async () => {
    // Without it the console signed its user out when the access token expired.
    const strict = await startGatehouse({ ...CONSOLE_ENV, AUTH_COOKIE_SILENT_REFRESH: 'false' });
    try {
      const user = await createUser(strict.deps);
      const page = await harness.newPage();
      await page.goto(`${strict.url}/account`);
      await page.getByLabel('Email', { exact: true }).fill(user.email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.keyboard.press('Enter');
      await waitForHeading(page, 'Your account');
      // On load (`me` answers null without the cookie)...
      await harness.chromium.browser.clearCookies({ name: 'gatehouse_access' });
      await page.reload();
      await waitForHeading(page, 'Your account');
      // ...and on a call refused with UNAUTHENTICATED.
      await harness.chromium.browser.clearCookies({ name: 'gatehouse_access' });
      await page.getByRole('link', { name: 'Devices' }).click();
      await waitForHeading(page, 'Signed-in devices');
      await expect.poll(() => page.locator('main li').count()).toBe(1);
      await page.close();
    } finally {
      await strict.close();
    }
  });
});
