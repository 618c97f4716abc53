/**
 * /account journeys in headless Chromium against the built server, with the real SMTP catcher
 * (issue #17): a new user registers, reads the code from the email, verifies, signs in, changes
 * the password and signs out everywhere, after which the API refuses the old session's cookies;
 * the emailed reset link opens the console's reset page; a signed-in user sets up an authenticator
 * app (QR code, recovery codes) and visits every page. Keyboard only where a person would type;
 * axe-core on every page; screenshots in test-output/console/.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { axeViolations, screenshot, useConsole, watchProblems } from '../../helpers/console.js';
import { arrive, fill, follow, signIn } from '../../helpers/console-page.js';
import { LOGIN, REGISTER } from '../../helpers/accounts.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { createHttpClient, errorCode } from '../../helpers/graphql.js';
import { extractCode, extractLink } from '../../helpers/smtp.js';
import { totpCode } from '../../helpers/totp.js';

const available = chromiumAvailable('the console account browser test');
const NEW_PASSWORD = 'a different passphrase entirely 42';

// Whole journeys of 10–30 page steps (each step waits at most 10 s): 30 s was their quiet-machine time
// with a few seconds to spare, and a loaded machine ran out of it.
describe.skipIf(!available)('/account journeys in Chromium', { timeout: 60_000 }, () => {
  const harness = useConsole();

  async function graphql(cookie: string, query: string) {
    const response = await fetch(`${harness.gatehouse.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1', cookie },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
  }

  it('registers, verifies with the emailed code, signs in, changes the password and signs out everywhere', async () => {
    const email = `new-${Date.now()}@example.com`;
    const page = await harness.newPage();
    const problems = watchProblems(page);
    await page.goto(`${harness.url}/account`);
    await arrive(page, 'Sign in');

    await follow(page, 'Create an account');
    await arrive(page, 'Create an account', 'register');
    await fill(page, 'First name', 'Katherine');
    await fill(page, 'Last name', 'Johnson');
    await fill(page, 'Email', email);
    await fill(page, 'Password', PASSWORD);
    await page.keyboard.press('Enter');

    await arrive(page, 'Verify your email', 'verify-email');
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
    const code = extractCode(await harness.smtp.waitFor((m) => m.to.includes(email), 10_000));
    await fill(page, 'Code', code);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('verified');

    await follow(page, 'Back to sign in');
    await arrive(page, 'Sign in');
    await signIn(page, email);
    await arrive(page, 'Your account');

    await follow(page, 'Password');
    await arrive(page, 'Change your password', 'password');
    await fill(page, 'Current password', PASSWORD);
    await fill(page, 'New password', NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('password has been changed');

    // Two more devices: API clients signed in with the new password.
    const api = createHttpClient(harness.gatehouse.url);
    const signInAs = async (userAgent: string) => {
      const result = await api.graphql<{ login: { accessToken: string } }>(LOGIN, { email, password: NEW_PASSWORD }, { headers: { 'user-agent': userAgent } });
      return result.data!.login.accessToken;
    };
    const tabletToken = await signInAs('Old tablet');
    const otherToken = await signInAs('Other device');

    await follow(page, 'Devices');
    await arrive(page, 'Signed-in devices');
    await expect.poll(() => page.locator('main li').count()).toBe(3);
    await expect.poll(() => page.locator('main').innerText()).toContain('Other device');

    // One device signed out, with the password.
    await fill(page, 'Your password (needed to sign out other devices)', NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign out Old tablet' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main li').count()).toBe(2);
    expect(errorCode(await api.graphql('{ mySessions { id } }', {}, { token: tabletToken }))).toBe('UNAUTHENTICATED');
    await screenshot(page, 'devices');
    const cookies = (await harness.chromium.browser.cookies(`${harness.url}/graphql`)).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await graphql(cookies, '{ me { email } }')).data).toEqual({ me: { email } });

    // A wrong password is refused in words, and the session stays.
    await fill(page, 'Current password', 'not my password');
    await page.getByRole('button', { name: 'Sign out everywhere' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/\w/);
    await fill(page, 'Current password', NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign out everywhere' }).focus();
    await page.keyboard.press('Enter');
    await arrive(page, 'Sign in');

    // The session the browser held is over for the API too, cookies and all.
    const afterwards = await graphql(cookies, '{ mySessions { id } }');
    expect(afterwards.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // And so is the other device's.
    expect(errorCode(await api.graphql('{ mySessions { id } }', {}, { token: otherToken }))).toBe('UNAUTHENTICATED');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the emailed verification link on the console', async () => {
    const email = `linked-${Date.now()}@example.com`;
    const registered = await createHttpClient(harness.gatehouse.url).graphql(REGISTER, {
      input: { email, password: PASSWORD, firstName: 'Mary', lastName: 'Jackson' },
    });
    expect(registered.errors).toBeUndefined();
    const link = extractLink(await harness.smtp.waitFor((m) => m.to.includes(email), 10_000));
    expect(link.startsWith(`${harness.gatehouse.url}/account/verify-email?token=`), link).toBe(true);
    const page = await harness.newPage();
    await page.goto(link);
    await arrive(page, 'Verify your email');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Your email address is verified');
    const row = await harness.gatehouse.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(row.emailVerifiedAt).not.toBeNull();
    await page.close();
  });

  it('opens the emailed reset link on the console and sets a new password', async () => {
    const user = await createUser(harness.gatehouse.deps);
    const page = await harness.newPage();
    await page.goto(`${harness.url}/account`);
    await follow(page, 'Forgot your password?');
    await arrive(page, 'Forgot your password', 'forgot-password');
    await fill(page, 'Email', user.email);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('on its way');

    const link = extractLink(await harness.smtp.waitFor((m) => m.to.includes(user.email), 10_000));
    // With the console on and no APP_BASE_URL, the link opens the console on this server.
    expect(link.startsWith(`${harness.gatehouse.url}/account/reset-password?token=`), link).toBe(true);
    await page.goto(link);
    await arrive(page, 'Choose a new password', 'reset-password');
    await fill(page, 'New password', NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Sign in with the new one');
    // The link worked once.
    await page.goto(link);
    await arrive(page, 'Choose a new password');
    await fill(page, 'New password', `${NEW_PASSWORD} again`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('cannot be used any more');
    await page.close();
  });

  it('sets up an authenticator app from the QR page and visits every page, on a phone-sized screen too', async () => {
    const user = await createUser(harness.gatehouse.deps, { firstName: 'Dorothy', lastName: 'Vaughan' });
    const page = await harness.newPage();
    const problems = watchProblems(page);
    await page.goto(`${harness.url}/account/two-step`);
    await signIn(page, user.email);
    // The deep link survives signing in.
    await arrive(page, 'Two-step verification');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('img', { name: 'QR code for your authenticator app' }).count()).toBe(1);
    // The server's SVG, shown from a data: URL (allowed by the CSP's img-src), decodes as an image.
    expect(await page.getByRole('img', { name: 'QR code for your authenticator app' }).evaluate((img: HTMLImageElement) => img.decode().then(() => true))).toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-qr');
    const secret = /Key: (\w+)/.exec(await page.locator('main code').innerText())![1]!;
    await fill(page, 'Code', totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('ol.codes li').count()).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-recovery-codes');

    // A passkey, on Chromium's virtual authenticator (DevTools' WebAuthn domain), then a sign-in with it.
    const cdp = await harness.chromium.browser.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    await follow(page, 'Passkeys');
    await arrive(page, 'Passkeys');
    await fill(page, 'Name for the new passkey', 'Test laptop');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Passkey added');
    await expect.poll(() => page.locator('main li').first().innerText()).toContain('Test laptop');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'passkeys');
    await page.getByRole('button', { name: 'Sign out', exact: true }).focus();
    await page.keyboard.press('Enter');
    await arrive(page, 'Sign in');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).focus();
    await page.keyboard.press('Enter');
    await arrive(page, 'Your account');

    // Change the address: a code goes to the new one.
    const newEmail = `moved-${user.email}`;
    await follow(page, 'Email');
    await arrive(page, 'Change your email', 'email');
    await fill(page, 'New email address', newEmail);
    await fill(page, 'Current password', PASSWORD);
    await page.keyboard.press('Enter');
    const emailCode = extractCode(await harness.smtp.waitFor((m) => m.to.includes(newEmail), 10_000));
    await fill(page, 'Code', emailCode);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain(`Your email address is now ${newEmail}`);
    await expect.poll(() => page.locator('.who').innerText()).toContain(newEmail);

    // A linked account (as a social sign-in would leave it), unlinked with the password.
    await harness.gatehouse.deps.prisma.identity.create({ data: { userId: user.id, provider: 'github', subject: `gh-${user.id}`, email: newEmail } });
    await follow(page, 'Linked accounts');
    await arrive(page, 'Linked accounts', 'linked-accounts');
    await fill(page, 'Current password', PASSWORD);
    await page.getByRole('button', { name: 'Unlink github' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').innerText()).toContain('No accounts of other services are linked.');
    expect(await harness.gatehouse.deps.prisma.identity.count({ where: { userId: user.id } })).toBe(0);

    // The passkey removed, and the authenticator app turned off, each with the password.
    await follow(page, 'Passkeys');
    await arrive(page, 'Passkeys');
    await fill(page, 'Current password', PASSWORD);
    await page.getByRole('button', { name: 'Remove Test laptop' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').innerText()).toContain('No passkeys yet.');
    await follow(page, 'Two-step verification');
    await arrive(page, 'Two-step verification');
    await fill(page, 'Current password', PASSWORD);
    await page.getByRole('button', { name: 'Turn off the authenticator app' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').innerText()).toContain('Add an authenticator app');
    expect(await harness.gatehouse.deps.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect(await harness.gatehouse.deps.prisma.totpFactor.count({ where: { userId: user.id, confirmedAt: { not: null } } })).toBe(0);

    for (const [link, title, shot] of [
      ['Profile', 'Profile', 'profile'],
      ['Overview', 'Your account', 'overview-signed-in'],
    ] as const) {
      await follow(page, link);
      await arrive(page, title, shot);
    }

    // Phone-sized: one column, and the profile's language turns the console Spanish.
    await page.setViewportSize({ width: 390, height: 844 });
    await follow(page, 'Profile');
    await arrive(page, 'Profile');
    await page.getByLabel('Language for emails and messages').selectOption('es');
    await page.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Perfil');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'profile-es-phone');
    const row = await harness.gatehouse.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.locale).toBe('es');
    expect(problems).toEqual([]);
    await page.close();
  });
});
