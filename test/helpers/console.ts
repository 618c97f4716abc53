/**
 * The web console in a real browser: a Gatehouse process (the built server, as `npm start` runs
 * it) with the console and cookie mode on, the real SMTP catcher for emailed codes, and one
 * headless Chromium per test file. The console itself is built once per test run by
 * test/global-setup.ts (`npm run build`, which skips Vite when dist/console matches the sources'
 * hash); `ensureConsoleBuilt` covers a run without it.
 *
 * Pages are checked with axe-core (evaluated through DevTools, so the page's CSP, which forbids
 * inline scripts, stays on) and screenshotted into test-output/console/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildConsole, consoleIsFresh } from '../../src/dev/console-build.js';
import { launchChromium, type LaunchedChromium } from './chromium.js';
import { startGatehouse, type GatehouseProcess } from './gatehouse-process.js';
import { startSmtpCatcher, type SmtpCatcher } from './smtp.js';

export const CONSOLE_OUTPUT = fileURLToPath(new URL('../../test-output/console/', import.meta.url));

/** Builds dist/console unless it is a build of the current sources. */
export async function ensureConsoleBuilt(): Promise<void> {
  if (!consoleIsFresh()) await buildConsole();
}

export interface ConsoleHarness {
  /** The console's origin as the browser opens it: http://localhost:PORT (a secure context, passkeys' RP id). */
  url: string;
  gatehouse: GatehouseProcess;
  smtp: SmtpCatcher;
  chromium: LaunchedChromium;
  /** A new tab, signed out: the browser's cookies are cleared (one browser context per file). */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** A server the console works on: console and cookie mode on, over plain http. */
export const CONSOLE_ENV: Record<string, string> = {
  NODE_ENV: 'development',
  CONSOLE: 'on',
  AUTH_COOKIES: 'true',
  // Plain http: Secure cookies would not come back.
  AUTH_COOKIE_SECURE: 'false',
  MAIL_SEND_INTERVAL_MS: '100',
};

/** A port free a moment ago: the server must know its own address (emails' links, passkeys' origin). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts SMTP catcher, server (console + cookie mode on) and Chromium. */
export async function startConsole(env: Record<string, string> = {}): Promise<ConsoleHarness> {
  await ensureConsoleBuilt();
  const smtp = await startSmtpCatcher();
  // A caller may choose the port (env.PORT) when its own configuration names the URL (OAuth redirect URIs).
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const gatehouse = await startGatehouse({
    ...CONSOLE_ENV,
    PORT: String(port),
    WEBAUTHN_RP_ID: 'localhost',
    WEBAUTHN_ORIGINS: `http://localhost:${port}`,
    ...smtp.env,
    ...env,
  });
  const chromium = await launchChromium({ viewport: { width: 1024, height: 768 } });
  return {
    url: `http://localhost:${port}`,
    gatehouse,
    smtp,
    chromium,
    async newPage({ width = 1024, height = 768 } = {}) {
      await chromium.browser.clearCookies();
      const page = await chromium.browser.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await chromium.close();
      await gatehouse.close();
      await smtp.stop();
    },
  };
}

/**
 * The harness of the calling describe block: started before its tests (startConsole with `env`),
 * closed after them. Its fields read that harness, so they are there in the block's hooks and tests.
 */
export function useConsole(env: Record<string, string> = {}): Omit<ConsoleHarness, 'close'> {
  let harness: ConsoleHarness | undefined;
  beforeAll(async () => {
    harness = await startConsole(env);
  });
  afterAll(async () => {
    await harness?.close();
  });
  const started = (): ConsoleHarness => {
    if (!harness) throw new Error('useConsole: the harness is read before its beforeAll has run');
    return harness;
  };
  return {
    get url() {
      return started().url;
    },
    get gatehouse() {
      return started().gatehouse;
    },
    get smtp() {
      return started().smtp;
    },
    get chromium() {
      return started().chromium;
    },
    newPage: (options) => started().newPage(options),
  };
}

/**
 * Collects what must never happen on a console page: a CSP violation (an inline script or style
 * slipped into the build), an uncaught error, a failed request.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  return problems;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // page.evaluate runs through DevTools, which the page's CSP does not govern (an injected
  // <script> would be refused, as it should be).
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run(document);
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Saves a full-page screenshot as test-output/console/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(CONSOLE_OUTPUT, { recursive: true });
  await page.screenshot({ path: join(CONSOLE_OUTPUT, `${name}.png`), fullPage: true });
}

/** The page's main heading once it has the focus (every page moves the focus there when it opens). */
export async function focusedHeading(page: Page): Promise<string> {
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}
