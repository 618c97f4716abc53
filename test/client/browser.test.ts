/**
 * A real browser: headless Chromium (Debian's `chromium` package, driven by playwright-core)
 * loads GraphiQL from a Gatehouse process in development with cookie mode on, signs in with a
 * `login` mutation typed into the editor, then runs `me` on the cookie alone. GraphiQL sends the
 * CSRF header because the server configures it to (src/server/graphiql.ts). A screenshot of the
 * result goes to test-output/graphiql-me.png.
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it when missing).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../helpers/factories.js';
import { startGatehouse, type GatehouseProcess } from '../helpers/gatehouse-process.js';
import { chromiumAvailable, launchChromium, type LaunchedChromium } from '../helpers/chromium.js';

const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const available = chromiumAvailable('the browser test');

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe.skipIf(!available)('GraphiQL in headless Chromium, cookie mode', () => {
  let gatehouse: GatehouseProcess;
  let browser: BrowserContext;
  let chromiumProcess: LaunchedChromium | undefined;
  let email: string;

  beforeAll(async () => {
    gatehouse = await startGatehouse({ NODE_ENV: 'development', AUTH_COOKIES: 'true', AUTH_COOKIE_SECURE: 'false' });
    email = (await createUser(gatehouse.deps, { firstName: 'Margaret' })).email;
    chromiumProcess = await launchChromium({ viewport: { width: 1280, height: 720 } });
    browser = chromiumProcess.browser;
  });
  afterAll(async () => {
    await chromiumProcess?.close();
    await gatehouse?.close();
  });

  /** Replaces the query editor's text, runs it, and returns the HTTP exchange the page made. */
  async function run(page: Page, operation: string, marker: string) {
    await page.locator('.graphiql-query-editor .monaco-editor').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // insertText types no keys, so the editor's bracket auto-closing does not double braces.
    await page.keyboard.insertText(operation);
    const exchange = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(marker),
    );
    await page.locator('.graphiql-execute-button').click();
    const response = await exchange;
    return { request: response.request(), status: response.status(), body: (await response.json()) as GraphQLBody };
  }

  it('loads GraphiQL, logs in through the page and is signed in by cookie for `me`', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${gatehouse.url}/graphql`);
    await expect.poll(() => page.locator('.graphiql-query-editor .monaco-editor').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    const login = await run(page, `mutation { login(email: "${email}", password: "${PASSWORD}") { ... on AuthPayload { user { email } } } }`, 'login(');
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ data: { login: { user: { email } } } });
    // What made it through CSRF prevention: the header the server told GraphiQL to send.
    expect(login.request.headers()['x-graphql-csrf']).toBe('1');
    const cookies = await browser.cookies(`${gatehouse.url}/graphql`);
    expect(
      cookies
        .filter((c) => c.httpOnly)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['gatehouse_access', 'gatehouse_refresh']);

    const me = await run(page, '{ me { email firstName } }', 'me');
    expect(me.request.headers().authorization).toBeUndefined(); // the cookie alone signs it in
    expect(me.body).toEqual({ data: { me: { email, firstName: 'Margaret' } } });
    await expect.poll(() => page.locator('.graphiql-response').innerText()).toContain('Margaret');

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'graphiql-me.png') });
    // Everything the page needs comes from Gatehouse itself: no CDN, which this machine cannot reach.
    expect(failed).toEqual([]);
  });
});
