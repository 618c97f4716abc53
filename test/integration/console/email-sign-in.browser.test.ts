/**
 * Sign-in with an emailed code on /account (EMAIL_SIGN_IN on), in headless Chromium against the
 * built server: the reader asks for a code, reads it from the real SMTP catcher, types it and is
 * signed in (cookie mode); a wrong code is an alert and the form stays. The refusal of a server
 * with the option off is in sign-in.browser.test.ts (whose server has it off, the default).
 * Before this, the console had no way to use EMAIL_SIGN_IN at all.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { screenshot, useConsole, watchProblems } from '../../helpers/console.js';
import { arrive, openPage } from '../../helpers/console-page.js';
import { createUser } from '../../helpers/factories.js';
import { extractCode } from '../../helpers/smtp.js';

const available = chromiumAvailable('the console email sign-in browser test');

describe.skipIf(!available)('console sign-in with an emailed code in Chromium', () => {
  const harness = useConsole({ EMAIL_SIGN_IN: 'true' });

  it('emails a code, takes it from the keyboard and signs in; a wrong code is an alert', async () => {
    const user = await createUser(harness.gatehouse.deps, { firstName: 'Katherine', lastName: 'Johnson' });
    const page = await openPage(harness);
    const problems = watchProblems(page);
    await page.goto(`${harness.url}/account`);
    await arrive(page, 'Sign in');
    // The address typed on the password form carries over.
    await page.getByLabel('Email', { exact: true }).focus();
    await page.keyboard.type(user.email);
    await page.getByRole('button', { name: 'Email me a sign-in code' }).focus();
    await page.keyboard.press('Enter');
    await arrive(page, 'Sign in with an emailed code');
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(user.email);
    await screenshot(page, 'email-code-request');
    await page.getByRole('button', { name: 'Send the code' }).click();
    await arrive(page, 'Enter the emailed code');
    const mail = await harness.smtp.waitFor((message) => message.to.includes(user.email), 10_000);
    const code = extractCode(mail);

    const field = page.getByLabel('Code', { exact: true });
    await field.focus();
    await page.keyboard.type(code === '000000' ? '111111' : '000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/\w/);
    await screenshot(page, 'email-code-wrong');

    await field.clear();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await arrive(page, 'Your account');
    await expect.poll(() => page.locator('main').innerText()).toContain('Katherine Johnson');
    // Cookie mode: the page's scripts hold no token.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });
});
