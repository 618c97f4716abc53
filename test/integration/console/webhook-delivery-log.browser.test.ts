/**
 * /admin/webhooks' delivery log after a failed load, in headless Chromium against the built server.
 * The hole: the log set its error when an endpoint's deliveries failed to load and never cleared it,
 * so the alert about endpoint A stayed on screen over endpoint B's good log.
 *
 * A's deliveries request is failed at the browser's network layer (page.route: DevTools' Fetch
 * domain); every other request goes through.
 */
import { describe, expect, it } from 'vitest';
import { signedInStaff } from '../../helpers/admin.js';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { axeViolations, useConsole, watchProblems } from '../../helpers/console.js';
import { openPage, signIn, waitForHeading } from '../../helpers/console-page.js';

const available = chromiumAvailable('the console webhook delivery log browser test');

describe.skipIf(!available)('/admin/webhooks delivery log after a failed load', () => {
  const harness = useConsole();

  /** An endpoint (rows made directly; its deliveries not PENDING, so the server's worker leaves them alone). */
  async function endpoint(url: string, deliveries: { eventId: string; eventType: string }[]) {
    const deps = harness.gatehouse.deps;
    const created = await deps.prisma.webhookEndpoint.create({ data: { url, eventTypes: '["user.created"]', secretEncrypted: 'unused' } });
    await deps.prisma.webhookDelivery.createMany({
      data: deliveries.map((delivery) => ({
        endpointId: created.id,
        ...delivery,
        payload: '{}',
        status: 'SENT',
        attempts: 1,
        lastStatusCode: 200,
        deliveredAt: new Date(),
      })),
    });
    return created;
  }

  it("choosing another endpoint after one endpoint's log failed to load shows the new log without the old alert", async () => {
    const a = await endpoint('https://a.example.com/hook', [{ eventId: 'evt-a', eventType: 'user.created' }]);
    const b = await endpoint('https://b.example.com/hook', [{ eventId: 'evt-b', eventType: 'user.updated' }]);
    const { user: staff } = await signedInStaff(harness.gatehouse.deps, ['users.view_user', 'webhooks.view_webhookendpoint']);

    const page = await openPage(harness);
    const problems = watchProblems(page);
    // A's log fails as a network error; B's (and everything else) goes through.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (/query ConsoleAdminDeliveries\b/.test(body) && body.includes(a.id)) await route.abort('failed');
      else await route.continue();
    });

    await page.goto(`${harness.url}/admin`);
    await waitForHeading(page, 'Sign in');
    await signIn(page, staff.email);
    await waitForHeading(page, 'Users');
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await waitForHeading(page, 'Webhooks');

    await page.getByRole('button', { name: `Deliveries of ${a.url}` }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);

    await page.getByRole('button', { name: `Deliveries of ${b.url}` }).click();
    await expect.poll(() => page.locator('table.data').last().innerText()).toContain('user.updated');
    // A's alert used to stay here, over B's log.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([`Deliveries of ${b.url}`]);
    expect(await axeViolations(page)).toEqual([]);
    // The one failed request is the one this test failed.
    expect(problems).toEqual([`failed: ${harness.url}/graphql`]);
    await page.close();
  });
});
