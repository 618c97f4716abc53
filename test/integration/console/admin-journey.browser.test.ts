/**
 * /admin journeys in headless Chromium against the built server (issue #17): a staff member signs
 * in, finds a user by search, deactivates them and sees the audit row, after which the API refuses
 * the deactivated user's session; then visits every admin page (axe-core on each, screenshots in
 * test-output/console/). A staff member without users.change_user is not offered the button, and
 * the same request sent from their page is refused by the server anyway. A signed-in account that
 * is not staff is told it has no access. Keyboard only where a person would type. Last (its rows
 * would crowd the journey's screenshots), the users list and the audit log page: next, previous,
 * the last page, and a new filter starts again from the first page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { axeViolations, screenshot, useConsole, watchProblems } from '../../helpers/console.js';
import { down, emails, numbers, pageButton, pagerButtons } from '../../helpers/console-admin-lists.js';
import { arrive, fill, follow, openPage, signIn } from '../../helpers/console-page.js';
import { signedInStaff } from '../../helpers/admin.js';
import { createUser, signedInUser } from '../../helpers/factories.js';

const available = chromiumAvailable('the console admin browser test');

/** What the staff member of the main journey holds: enough to see every page, not superuser. */
const STAFF_PERMISSIONS = [
  'users.view_user',
  'users.add_user',
  'users.change_user',
  'sessions.view_session',
  'sessions.delete_session',
  'audit.view_auditevent',
  'groups.view_group',
  'groups.add_group',
  'groups.change_group',
  'permissions.view_permission',
  'webhooks.view_webhookendpoint',
];

// Whole journeys of 10–30 page steps (each step waits at most 10 s): 30 s was their quiet-machine time
// with a few seconds to spare, and a loaded machine ran out of it.
describe.skipIf(!available)('/admin journeys in Chromium', { timeout: 60_000 }, () => {
  const harness = useConsole();

  /** `me` and `mySessions` (which needs a live session) with a bearer token, as an API client of the user would ask. */
  async function me(accessToken: string) {
    const response = await fetch(`${harness.gatehouse.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: '{ me { id } mySessions { id } }' }),
    });
    return (await response.json()) as { data?: { me: { id: string } | null } | null; errors?: { extensions?: { code?: string } }[] };
  }

  it('finds a user by search, deactivates them, sees the audit row, and the API refuses their session; every page passes axe', async () => {
    const deps = harness.gatehouse.deps;
    const { user: staff } = await signedInStaff(deps, STAFF_PERMISSIONS, { firstName: 'Mary', lastName: 'Jackson' });
    const target = await signedInUser(deps, { firstName: 'Dorothy', lastName: `Vaughan${Date.now()}` });
    await createUser(deps, { firstName: 'Someone', lastName: 'Else' });
    expect((await me(target.accessToken)).data?.me?.id).toBe(target.user.id);
    // A webhook endpoint with a delivered and a failed delivery, for the delivery log (rows made
    // directly: not PENDING, so the server's worker leaves them alone).
    const endpoint = await deps.prisma.webhookEndpoint.create({
      data: { url: 'https://hooks.example.com/gatehouse', description: 'CRM sync', eventTypes: '["user.created"]', secretEncrypted: 'unused' },
    });
    await deps.prisma.webhookDelivery.createMany({
      data: [
        {
          endpointId: endpoint.id,
          eventId: 'evt-1',
          eventType: 'user.created',
          payload: '{}',
          status: 'SENT',
          attempts: 1,
          lastStatusCode: 200,
          deliveredAt: new Date(),
        },
        { endpointId: endpoint.id, eventId: 'evt-2', eventType: 'user.created', payload: '{}', status: 'FAILED', attempts: 5, lastStatusCode: 500 },
      ],
    });

    const page = await openPage(harness);
    const problems = watchProblems(page);
    await page.goto(`${harness.url}/admin`);
    await screenshot(page, 'admin-sign-in');
    await arrive(page, 'Sign in');
    await signIn(page, staff.email);
    await arrive(page, 'Users', 'admin-users');

    // Search by the unique last name: one row, the target.
    await fill(page, 'Search', target.user.lastName);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table.data tbody tr').count()).toBe(1);
    await follow(page, target.user.email);
    await arrive(page, target.user.email, 'admin-user');
    // Only what this staff member may grant is offered: their own permissions, not users.delete_user;
    // the Root group (whose permissions they lack) is shown disabled, with the reason.
    await expect.poll(() => page.getByRole('checkbox', { name: 'users.change_user' }).isEnabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'users.delete_user' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'Root (not yours to grant)' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Deactivate', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('deactivated');
    // The audit row appears in the user's recent events (reloaded after the change).
    await expect.poll(() => page.locator('table.data').last().innerText()).toContain('admin.user_deactivated');
    await expect.poll(() => page.getByRole('button', { name: 'Activate', exact: true }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-user-deactivated');
    expect((await deps.prisma.user.findUniqueOrThrow({ where: { id: target.user.id } })).isActive).toBe(false);
    // The deactivated user's API session is over.
    const after = await me(target.accessToken);
    expect(after.data?.me ?? null).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The audit log, filtered by type prefix, shows the same row with who did it.
    await follow(page, 'Audit log');
    await arrive(page, 'Audit log');
    await fill(page, 'Event type', 'admin.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table.data').innerText()).toContain('admin.user_deactivated');
    expect(await page.locator('table.data').innerText()).toContain(staff.email);
    await screenshot(page, 'admin-audit');

    await follow(page, 'Groups');
    await arrive(page, 'Groups');
    await fill(page, 'Name', 'support');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table.data').innerText()).toContain('support');
    await screenshot(page, 'admin-groups');

    await follow(page, 'Permissions');
    await arrive(page, 'Permissions');
    await expect.poll(() => page.locator('table.data').innerText()).toContain('users.change_user');
    await screenshot(page, 'admin-permissions');

    await follow(page, 'Webhooks');
    await arrive(page, 'Webhooks');
    await page.getByRole('button', { name: `Deliveries of ${endpoint.url}` }).click();
    await expect.poll(() => page.locator('table.data').last().innerText()).toContain('FAILED');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-webhooks');

    // Create a user with an invitation: the new user's page opens.
    const newEmail = `invited-${Date.now()}@example.com`;
    await follow(page, 'New user');
    await arrive(page, 'New user', 'admin-new-user');
    await fill(page, 'Email', newEmail);
    await fill(page, 'First name', 'Annie');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await arrive(page, newEmail);
    await harness.smtp.waitFor((message) => message.to.includes(newEmail), 10_000);

    // Spanish, phone-sized: the list reflows to one column and the table scrolls in its box.
    await page.setViewportSize({ width: 390, height: 844 });
    await follow(page, 'Users');
    await arrive(page, 'Users');
    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Usuarios');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users-es-phone');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('does not offer deactivation to a staff member without users.change_user, and the API refuses it from their page', async () => {
    const deps = harness.gatehouse.deps;
    const { user: viewerOnly } = await signedInStaff(deps, ['users.view_user', 'audit.view_auditevent']);
    const target = await createUser(deps, { firstName: 'Christine', lastName: 'Darden' });

    const page = await openPage(harness);
    const problems = watchProblems(page);
    // A deep link: the sign-in page shows in its place, then the user's page.
    await page.goto(`${harness.url}/admin/users/${target.id}`);
    await arrive(page, 'Sign in');
    await signIn(page, viewerOnly.email);
    await arrive(page, target.email, 'admin-user-read-only');
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('You need the permission users.change_user for this.');
    // The header offers only the sections this staff member may view (it used to list all six).
    const nav = page.getByRole('navigation', { name: 'Gatehouse admin' });
    await expect.poll(() => nav.getByRole('link').allInnerTexts()).toEqual(['Users', 'Audit log']);
    // Opened by a deep link, a section they may not view still says why.
    await page.goto(`${harness.url}/admin/groups`);
    await arrive(page, 'Groups');
    await expect.poll(() => page.locator('main').innerText()).toContain('You need the permission groups.view_group for this.');

    // The same request the button would send, from the console's script (its cookies, the CSRF header): refused.
    const answer = await page.evaluate(async (id) => {
      const csrf = document.querySelector<HTMLMetaElement>('meta[name="gatehouse-csrf-header"]')?.content ?? 'x-graphql-csrf';
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', [csrf]: '1' },
        body: JSON.stringify({ query: 'mutation ($id: ID!) { setUserActive(id: $id, active: false) { id isActive } }', variables: { id } }),
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    }, target.id);
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await deps.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).isActive).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('tells a signed-in account that is not staff that it has no access', async () => {
    const user = await createUser(harness.gatehouse.deps);
    const page = await openPage(harness);
    await page.goto(`${harness.url}/admin`);
    await arrive(page, 'Sign in');
    await signIn(page, user.email);
    await arrive(page, 'Gatehouse admin', 'admin-no-access');
    expect(await page.getByRole('alert').innerText()).toContain('no access');
    expect(await page.getByRole('navigation').getByRole('link').count()).toBe(0);
    await page.close();
  });

  it('pages through the users list and the audit log, back again, and a new filter starts from the first page', async () => {
    const deps = harness.gatehouse.deps;
    const { user: staff } = await signedInStaff(deps, ['users.view_user', 'audit.view_auditevent']);
    // 30 accounts a search finds (no password: nothing to hash): 25 on page 1 (PAGE_SIZE in users.tsx), 5 on page 2.
    const paged: string[] = [];
    for (let n = 1; n <= 30; n++) {
      const email = `paged-${String(n).padStart(2, '0')}@example.com`;
      await createUser(deps, { email, password: null, lastName: 'Paged' });
      paged.push(email);
    }
    // 60 audit rows of their own type, a second apart: 50 on page 1 (the audit page asks for 50, newest first), 10 on page 2.
    const start = Date.now() - 86_400_000;
    await deps.prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, n) => ({ type: 'console.paged', metadata: JSON.stringify({ n }), createdAt: new Date(start + n * 1000) })),
    });
    /** Which of the two buttons the page offers, once it offers exactly these. */
    const offers = async (page: Page, expected: string[]) => expect.poll(() => pagerButtons(page)).toBe(expected.join(', '));

    const page = await openPage(harness);
    const problems = watchProblems(page);
    // The list queries the page sends: a new filter is one request. (The audit list used to ask
    // under the new filter with the old page's cursor first, and that answer could arrive last.)
    const queries: string[] = [];
    page.on('request', (request) => {
      const name = /query (ConsoleAdmin(?:Users|Audit))\b/.exec(request.postData() ?? '')?.[1];
      if (name) queries.push(name);
    });
    await page.goto(`${harness.url}/admin`);
    await arrive(page, 'Sign in');
    await signIn(page, staff.email);
    await arrive(page, 'Users');
    await fill(page, 'Search', 'paged-');
    await page.keyboard.press('Enter');
    await expect.poll(() => emails(page)).toEqual(paged.slice(0, 25));
    await offers(page, ['Next page']);

    await pageButton(page, 'Next page').click();
    await expect.poll(() => emails(page)).toEqual(paged.slice(25));
    await offers(page, ['Previous page']);
    expect(await axeViolations(page)).toEqual([]);

    await pageButton(page, 'Previous page').click();
    await expect.poll(() => emails(page)).toEqual(paged.slice(0, 25));
    await offers(page, ['Next page']);

    // From page 2, newest first: the new order's first page (paged-30 down), not the rows after page 1's last.
    await pageButton(page, 'Next page').click();
    await expect.poll(() => emails(page)).toEqual(paged.slice(25));
    await page.getByLabel('Order', { exact: true }).selectOption('DESC');
    queries.length = 0;
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => emails(page)).toEqual(paged.slice(5).reverse());
    await offers(page, ['Next page']);
    expect(queries).toEqual(['ConsoleAdminUsers']);

    await follow(page, 'Audit log');
    await arrive(page, 'Audit log');
    await fill(page, 'Event type', 'console.paged');
    await page.keyboard.press('Enter');
    await expect.poll(() => numbers(page)).toEqual(down(59, 10));
    await offers(page, ['Next page']);

    await pageButton(page, 'Next page').click();
    await expect.poll(() => numbers(page)).toEqual(down(9, 0));
    await offers(page, ['Previous page']);
    expect(await axeViolations(page)).toEqual([]);

    await pageButton(page, 'Previous page').click();
    await expect.poll(() => numbers(page)).toEqual(down(59, 10));
    await offers(page, ['Next page']);

    // From page 2, another filter (the prefix, same rows): its first page again.
    await pageButton(page, 'Next page').click();
    await expect.poll(() => numbers(page)).toEqual(down(9, 0));
    await fill(page, 'Event type', 'console.');
    queries.length = 0;
    await page.keyboard.press('Enter');
    await expect.poll(() => numbers(page)).toEqual(down(59, 10));
    await offers(page, ['Next page']);
    expect(queries).toEqual(['ConsoleAdminAudit']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
