/**
 * Paging through the /admin lists in headless Chromium against the built server: with more rows
 * than a page holds, the users list (25 a page) and the audit log (50 a page) show page 1, "Next
 * page" shows page 2 (other rows, and no "Next page" on the last one), "Previous page" returns to
 * page 1, and applying a filter starts again from the first page (a cursor kept from the unfiltered
 * list would skip the filtered list's first rows). Its own server, so the rows it seeds do not
 * change the journey's screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { axeViolations, startConsole, watchProblems, type ConsoleHarness } from '../../helpers/console.js';
import { signedInStaff } from '../../helpers/admin.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';

const available = chromiumAvailable('the console admin paging browser test');

/** The page sizes the console asks for (src/console/admin/pages/users.tsx, audit.tsx). */
const USERS_PAGE = 25;
const AUDIT_PAGE = 50;

describe.skipIf(!available)('/admin lists page in Chromium', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function open() {
    const page = await harness.newPage();
    page.setDefaultTimeout(10_000);
    await page.addInitScript(() => localStorage.removeItem('gatehouse.locale'));
    return page;
  }

  async function fill(page: Page, label: string, value: string) {
    const field = page.getByLabel(label, { exact: true });
    await field.focus();
    await field.clear();
    await page.keyboard.type(value);
  }

  async function arrive(page: Page, title: string) {
    await page.waitForFunction((expected) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === expected, title);
  }

  const rows = (page: Page) => page.locator('table.data tbody tr');

  /** The texts of the list's rows, once the list shows something other than `before`. */
  async function rowsOnceChanged(page: Page, before: string[]): Promise<string[]> {
    await expect.poll(async () => JSON.stringify(await rows(page).allInnerTexts())).not.toBe(JSON.stringify(before));
    return rows(page).allInnerTexts();
  }

  /** The users list's emails, row by row. */
  const emails = (page: Page) => rows(page).locator('th a').allInnerTexts();

  const button = (page: Page, name: 'Next page' | 'Previous page') => page.getByRole('button', { name, exact: true });

  it('pages through the users list and the audit log, back again, and a filter starts from the first page', async () => {
    const deps = harness.gatehouse.deps;
    const { user: staff } = await signedInStaff(deps, ['users.view_user', 'audit.view_auditevent']);
    // 30 more accounts (no password: nothing to hash), created after the staff member, so the list
    // (oldest first) holds 31 rows: 25, then 6.
    const paged: string[] = [];
    for (let n = 1; n <= 30; n++) {
      const email = `paged-${String(n).padStart(2, '0')}@example.com`;
      await createUser(deps, { email, password: null, lastName: 'Paged' });
      paged.push(email);
    }
    // 60 audit rows from yesterday (older than the sign-in's own events; the log is newest first).
    const yesterday = Date.now() - 86_400_000;
    await deps.prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, n) => ({ type: 'console.paged', metadata: JSON.stringify({ n }), createdAt: new Date(yesterday + n * 1000) })),
    });

    const page = await open();
    const problems = watchProblems(page);
    await page.goto(`${harness.url}/admin`);
    await arrive(page, 'Sign in');
    await fill(page, 'Email', staff.email);
    await fill(page, 'Password', PASSWORD);
    await page.keyboard.press('Enter');
    await arrive(page, 'Users');

    // Users, page 1: the staff member and the first 24; next but no previous.
    await expect.poll(() => emails(page)).toEqual([staff.email, ...paged.slice(0, USERS_PAGE - 1)]);
    const usersPage1 = await rows(page).allInnerTexts();
    await expect.poll(() => button(page, 'Next page').count()).toBe(1);
    expect(await button(page, 'Previous page').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Page 2: the other 6, the last page (no next), with previous.
    await button(page, 'Next page').click();
    await expect.poll(() => emails(page)).toEqual(paged.slice(USERS_PAGE - 1));
    const usersPage2 = await rows(page).allInnerTexts();
    await expect.poll(() => button(page, 'Previous page').count()).toBe(1);
    expect(await button(page, 'Next page').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Previous: page 1 again.
    await button(page, 'Previous page').click();
    await expect.poll(() => rows(page).allInnerTexts()).toEqual(usersPage1);
    await expect.poll(() => button(page, 'Previous page').count()).toBe(0);

    // From page 2, a search: the filtered list from its first row (paged-01), not after page 1's last.
    await button(page, 'Next page').click();
    await expect.poll(() => rows(page).allInnerTexts()).toEqual(usersPage2);
    await fill(page, 'Search', 'paged-');
    await page.keyboard.press('Enter');
    await expect.poll(() => emails(page)).toEqual(paged.slice(0, USERS_PAGE));
    await expect.poll(() => button(page, 'Previous page').count()).toBe(0);
    expect(await button(page, 'Next page').count()).toBe(1);

    // The audit log: the sign-in's events and the 60 seeded ones, 50 a page.
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await arrive(page, 'Audit log');
    const auditPage1 = await rowsOnceChanged(page, []);
    expect(auditPage1).toHaveLength(AUDIT_PAGE);
    await expect.poll(() => button(page, 'Next page').count()).toBe(1);
    expect(await button(page, 'Previous page').count()).toBe(0);

    await button(page, 'Next page').click();
    const auditPage2 = await rowsOnceChanged(page, auditPage1);
    const total = await deps.prisma.auditEvent.count();
    expect(auditPage2).toHaveLength(total - AUDIT_PAGE);
    expect(auditPage2.filter((row) => auditPage1.includes(row))).toEqual([]);
    await expect.poll(() => button(page, 'Previous page').count()).toBe(1);
    expect(await button(page, 'Next page').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await button(page, 'Previous page').click();
    await expect.poll(() => rows(page).allInnerTexts()).toEqual(auditPage1);
    await expect.poll(() => button(page, 'Previous page').count()).toBe(0);

    // From page 2, a type filter: the newest 50 of the seeded rows (n 59 down to 10), from the first.
    await button(page, 'Next page').click();
    await expect.poll(() => rows(page).allInnerTexts()).toEqual(auditPage2);
    await fill(page, 'Event type', 'console.paged');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await rows(page).allInnerTexts()).map((row) => /"n":(\d+)/.exec(row)?.[1]))
      .toEqual(Array.from({ length: AUDIT_PAGE }, (_, i) => String(59 - i)));
    await expect.poll(() => button(page, 'Previous page').count()).toBe(0);
    expect(await button(page, 'Next page').count()).toBe(1);

    expect(problems).toEqual([]);
    await page.close();
  });
});
