/**
 * The /account sign-up form asks for the fields the server requires (REGISTRATION_REQUIRED_FIELDS,
 * read from the public `registrationRequiredFields` query), in headless Chromium against the built
 * server. The hole it guards: the form asked only for names, email and password, so on a server
 * requiring more every sign-up failed with VALIDATION_FAILED and no field to fill in.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { axeViolations, screenshot, useConsole, watchProblems } from '../../helpers/console.js';
import { typeInto } from '../../helpers/console-page.js';
import { PASSWORD } from '../../helpers/factories.js';

const available = chromiumAvailable('the console registration-fields browser test');

describe.skipIf(!available)('console sign-up with REGISTRATION_REQUIRED_FIELDS in Chromium', () => {
  const harness = useConsole({ REGISTRATION_REQUIRED_FIELDS: 'country,organizationName' });

  it('asks for the required fields and registers with them', async () => {
    const email = `fields-${Date.now()}@example.com`;
    const page = await harness.newPage();
    page.setDefaultTimeout(10_000);
    const problems = watchProblems(page);
    await page.goto(`${harness.url}/account/register`);
    await page.waitForFunction(() => document.activeElement?.textContent === 'Create an account');
    // The server's list arrives after the page: wait for its fields, required like the others.
    await expect.poll(() => page.getByLabel('Country', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Organization', { exact: true }).getAttribute('required')).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'register-required-fields');

    await typeInto(page, 'First name', 'Mary');
    await typeInto(page, 'Last name', 'Jackson');
    await typeInto(page, 'Email', email);
    await typeInto(page, 'Country', 'United States');
    await typeInto(page, 'Organization', 'NACA');
    await typeInto(page, 'Password', PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Verify your email');
    const user = await harness.gatehouse.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    expect({ country: user.country, organizationName: user.organizationName }).toEqual({ country: 'United States', organizationName: 'NACA' });
    expect(problems).toEqual([]);
    await page.close();
  });
});
