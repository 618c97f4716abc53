/**
 * Driving a console page as a person does, for the browser tests: typing into labelled fields,
 * following links by the keyboard, waiting for the page whose heading takes the focus, signing in.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, screenshot, type ConsoleHarness } from './console.js';
import { PASSWORD } from './factories.js';

/**
 * A new tab whose waits fail after 10 s, with the step that hung, rather than at the test's timeout.
 * One browser context per file: it forgets a language an earlier test chose (localStorage outlives the cookies).
 */
export async function openPage(harness: Pick<ConsoleHarness, 'newPage'>, options?: { width?: number; height?: number }): Promise<Page> {
  const page = await harness.newPage(options);
  page.setDefaultTimeout(10_000);
  await page.addInitScript(() => localStorage.removeItem('gatehouse.locale'));
  return page;
}

/** Types `value` from the keyboard into the field labelled `label`, after what it holds. */
export async function typeInto(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(value);
}

/** Replaces what the field labelled `label` holds with `value`, typed from the keyboard. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await field.clear();
  await page.keyboard.type(value);
}

/** Follows a link by the keyboard: focus it, press Enter. */
export async function follow(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).first().focus();
  await page.keyboard.press('Enter');
}

/** Waits until the focused h1 reads `title` (pages move the focus to their heading); fails after the page's timeout. */
export async function waitForHeading(page: Page, title: string): Promise<void> {
  await page.waitForFunction((expected) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === expected, title);
}

/** Waits for the page whose heading has the focus and reads `title`; checks it with axe and, given `shot`, screenshots it. */
export async function arrive(page: Page, title: string, shot?: string): Promise<void> {
  await waitForHeading(page, title);
  expect(await axeViolations(page), title).toEqual([]);
  if (shot) await screenshot(page, shot);
}

/** Signs `email` in with PASSWORD on the sign-in form, typed from the keyboard. */
export async function signIn(page: Page, email: string): Promise<void> {
  await fill(page, 'Email', email);
  await fill(page, 'Password', PASSWORD);
  await page.keyboard.press('Enter');
}
