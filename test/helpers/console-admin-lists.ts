/**
 * Reading /admin's paged lists (users, audit log) in the console browser tests: their rows, the
 * pager's buttons.
 */
import type { Page } from 'playwright-core';

export const rows = (page: Page) => page.locator('table.data tbody tr');
/** The users list's addresses, in order. */
export const emails = (page: Page) => rows(page).locator('th a').allInnerTexts();
/** The audit rows' `n`, in order: the tests write their audit rows with metadata `{ n }`. */
export const numbers = async (page: Page) => (await rows(page).allInnerTexts()).map((row) => Number(/"n":(\d+)/.exec(row)?.[1]));
/** n, n-1, ... down to `to`. */
export const down = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);
export const pageButton = (page: Page, name: 'Next page' | 'Previous page') => page.getByRole('button', { name, exact: true });
/** The pager's buttons the page offers, as "Previous page, Next page" ('' for none). */
export const pagerButtons = async (page: Page) => (await page.locator('.pager button').allInnerTexts()).join(', ');
