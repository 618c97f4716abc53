/**
 * /admin's lists when the server answers out of order, in headless Chromium against the built
 * server. The console used to hand every answer to the page whenever it arrived: a page asked for
 * (next) and then superseded (a new filter, previous) before its answer came back replaced the
 * newer answer when it landed last, leaving page 2 of the old filter under the new filter's
 * controls, or a network error of a request nobody waited for any more (src/console/shared/latest.ts).
 *
 * The first request is held at the browser's network layer (page.route: DevTools' Fetch domain)
 * until the second has been answered and shown, then let go (or failed). No timing: the test waits
 * for the page to have read the late answer. A script the test adds (through DevTools, outside the
 * page's CSP) records each GraphQL answer as the page finishes reading it (`response.json()`, or
 * the failed fetch); all the console does with it after that (its handlers, setState, Preact's
 * render) runs in the microtasks that follow, before the test's next look at the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInStaff } from '../../helpers/admin.js';
import { chromiumAvailable } from '../../helpers/chromium.js';
import { axeViolations, useConsole, watchProblems } from '../../helpers/console.js';
import { down, emails, numbers, pageButton, pagerButtons } from '../../helpers/console-admin-lists.js';
import { fill, openPage, signIn, waitForHeading } from '../../helpers/console-page.js';
import { createUser } from '../../helpers/factories.js';

const available = chromiumAvailable('the console late answers browser test');

declare global {
  interface Window {
    /** The request bodies whose answers the page has read, in order (the script below). */
    answersRead?: string[];
  }
}

describe.skipIf(!available)('/admin lists when an older answer arrives after a newer one', () => {
  const harness = useConsole();

  /** A tab that records the GraphQL answers it has read (window.answersRead; see the file's comment). */
  async function open() {
    const page = await openPage(harness);
    await page.addInitScript(() => {
      const read: string[] = [];
      window.answersRead = read;
      const send = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        const body = typeof init?.body === 'string' ? init.body : '';
        let response: Response;
        try {
          response = await send(input, init);
        } catch (error) {
          read.push(body);
          throw error;
        }
        const json = response.json.bind(response);
        response.json = () => json().finally(() => read.push(body));
        return response;
      };
    });
    return page;
  }

  /** Waits until the page has read the answer to the request sent with `body` `times` times. */
  async function answered(page: Page, body: string, times = 1) {
    await page.waitForFunction(([sent, count]) => (window.answersRead ?? []).filter((read) => read === sent).length >= count, [body, times] as const);
  }

  /**
   * Holds the next request of the query `operation` until `release` (answered, or failed as a
   * network error); `request` resolves with its body once it is held. Other requests go through.
   */
  async function holdNext(page: Page, operation: string) {
    let held!: (body: string) => void;
    const request = new Promise<string>((resolve) => (held = resolve));
    let release!: (outcome: 'answer' | 'fail') => void;
    const released = new Promise<'answer' | 'fail'>((resolve) => (release = resolve));
    let taken = false;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (taken || !new RegExp(`query ${operation}\\b`).test(body)) return route.continue();
      taken = true;
      held(body);
      if ((await released) === 'fail') await route.abort('failed');
      else await route.continue();
    });
    return { request, release };
  }

  /** 30 accounts a search for `prefix` finds (25 on page 1, 5 on page 2) and 3 that `other` finds. */
  async function accounts(prefix: string, other: string) {
    const deps = harness.gatehouse.deps;
    const paged: string[] = [];
    for (let n = 1; n <= 30; n++) {
      const email = `${prefix}${String(n).padStart(2, '0')}@example.com`;
      await createUser(deps, { email, password: null });
      paged.push(email);
    }
    const others: string[] = [];
    for (let n = 1; n <= 3; n++) {
      const email = `${other}${n}@example.com`;
      await createUser(deps, { email, password: null });
      others.push(email);
    }
    return { paged, others };
  }

  /** Signs a staff member in on /admin (the users list). */
  async function staffOnUsers(page: Page) {
    const { user: staff } = await signedInStaff(harness.gatehouse.deps, ['users.view_user', 'audit.view_auditevent']);
    await page.goto(`${harness.url}/admin`);
    await waitForHeading(page, 'Sign in');
    await signIn(page, staff.email);
    await waitForHeading(page, 'Users');
  }

  /**
   * On the users list searched for `prefix` (page 1 shown), "Next page" is held at the network
   * layer, and a search for `other` is submitted and answered first: the late answer is the held one.
   */
  async function nextHeldThenNewSearch(prefix: string, other: string) {
    const { paged, others } = await accounts(prefix, other);
    const page = await open();
    const problems = watchProblems(page);
    await staffOnUsers(page);
    await fill(page, 'Search', prefix);
    await page.keyboard.press('Enter');
    await expect.poll(() => emails(page)).toEqual(paged.slice(0, 25));

    const next = await holdNext(page, 'ConsoleAdminUsers');
    await pageButton(page, 'Next page').click();
    const late = await next.request;
    await fill(page, 'Search', other);
    await page.keyboard.press('Enter');
    await expect.poll(() => emails(page)).toEqual(others);
    return { page, problems, others, next, late };
  }

  it('users: a new filter submitted while the next page loads keeps its own rows when the next page answers last', async () => {
    const { page, problems, others, next, late } = await nextHeldThenNewSearch('slowpage-', 'newfilter-');

    next.release('answer');
    await answered(page, late);
    // Page 2 of the old search (slowpage-26..30) used to replace them here.
    expect(await emails(page)).toEqual(others);
    expect(await pagerButtons(page)).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('audit log: "previous" while the next page loads stays on the first page when the next page answers last', async () => {
    const start = Date.now() - 86_400_000;
    // 60 rows of their own type: 50 on page 1 (newest first), 10 on page 2.
    await harness.gatehouse.deps.prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, n) => ({ type: 'console.late', metadata: JSON.stringify({ n }), createdAt: new Date(start + n * 1000) })),
    });
    const page = await open();
    const problems = watchProblems(page);
    await staffOnUsers(page);
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await waitForHeading(page, 'Audit log');
    const first = page.waitForRequest((request) => /query ConsoleAdminAudit\b/.test(request.postData() ?? '') && request.postData()!.includes('console.late'));
    await fill(page, 'Event type', 'console.late');
    await page.keyboard.press('Enter');
    const firstBody = (await first).postData()!;
    await expect.poll(() => numbers(page)).toEqual(down(59, 10));

    const next = await holdNext(page, 'ConsoleAdminAudit');
    await pageButton(page, 'Next page').click();
    const late = await next.request;
    // The page still shows page 1 while page 2 loads; "previous" asks for page 1 again (the same request as the first).
    await pageButton(page, 'Previous page').click();
    await answered(page, firstBody, 2);
    expect(await numbers(page)).toEqual(down(59, 10));

    next.release('answer');
    await answered(page, late);
    // Page 2 (9..0, with no way back: the pager was on page 1) used to replace it here.
    expect(await numbers(page)).toEqual(down(59, 10));
    expect(await pagerButtons(page)).toBe('Next page');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('users: the next page failing after a new filter was answered shows no error', async () => {
    const { page, problems, others, next, late } = await nextHeldThenNewSearch('failpage-', 'afterfail-');

    next.release('fail');
    await answered(page, late);
    // The superseded request's network error used to be shown as an alert over the new rows.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await emails(page)).toEqual(others);
    // The one failed request is the one this test failed.
    expect(problems).toEqual([`failed: ${harness.url}/graphql`]);
    await page.close();
  });
});
