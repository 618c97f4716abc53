/**
 * How the server serves the console (issue #17): /account and /admin and their sub-paths answer
 * with the app's index.html (SPA fallback) under a strict CSP and no-cache; hashed assets are
 * cached for a year; nothing else of the disk is reachable; CONSOLE turns it on and off, and the
 * console's need for cookie mode is said at start-up or on the page. Needs dist/console (built by
 * the test run's global setup, `npm run build`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.js';
import { CONSOLE_CSP } from '../../../src/server/console.js';
import { createApp } from '../../../src/server/app.js';
import { createTestApp } from '../../helpers/test-app.js';
import { ensureConsoleBuilt } from '../../helpers/console.js';

const ON = { CONSOLE: 'on', AUTH_COOKIES: 'true' };
const STRONG = 'a-production-secret-with-enough-entropy-0123456789';

describe('serving the console', () => {
  it('answers /account and its sub-paths with the app, under the strict CSP, revalidated on every load', async () => {
    await ensureConsoleBuilt();
    const t = await createTestApp({ env: ON });
    for (const path of ['/account', '/account/', '/account/password', '/account/verify-email?token=abc']) {
      const response = await t.request(path, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      // The security-headers plugin must not replace it with its GraphiQL-friendly one.
      expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      expect(html).toContain('<div id="app"></div>');
      expect(html).toContain('<meta name="gatehouse-csrf-header" content="x-graphql-csrf">');
      // No inline script or style: the CSP would refuse them.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=/);
    }
  });

  it('names the configured CSRF header to the app', async () => {
    const t = await createTestApp({ env: { ...ON, CSRF_HEADERS: 'x-our-csrf,x-graphql-csrf' } });
    expect(await (await t.request('/account/devices')).text()).toContain('<meta name="gatehouse-csrf-header" content="x-our-csrf">');
  });

  it('serves hashed assets for a year, and nothing outside the assets folder', async () => {
    const t = await createTestApp({ env: ON });
    const html = await (await t.request('/account')).text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const style = /href="(\/console\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();
    for (const [path, type] of [
      [script!, 'text/javascript; charset=utf-8'],
      [style!, 'text/css; charset=utf-8'],
    ] as const) {
      const response = await t.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    }
    for (const path of [
      '/console/assets/../account/index.html',
      '/console/assets/%2e%2e%2faccount%2findex.html',
      '/console/assets/nope.js',
      '/console/account/index.html',
    ]) {
      expect((await t.request(path)).status, path).toBe(404);
    }
    expect((await t.request('/account', { method: 'POST' })).status).toBe(405);
  });

  it('is off in production unless CONSOLE=on, and CONSOLE=off turns it off anywhere', async () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG, DATA_ENCRYPTION_KEY: `data-${STRONG}` }).console.enabled).toBe(false);
    expect(loadConfig({}).console.enabled).toBe(true);
    const off = await createTestApp({ env: { CONSOLE: 'off', AUTH_COOKIES: 'true' } });
    expect((await off.request('/account')).status).toBe(404);
    expect((await off.request('/admin/users')).status).toBe(404);
  });

  it('refuses CONSOLE=on without cookie mode at start-up, and says what to set when on by default', async () => {
    expect(() => loadConfig({ CONSOLE: 'on', AUTH_COOKIES: 'false' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', CONSOLE: 'on' })).toThrow(/^invalid configuration: CONSOLE=on needs AUTH_COOKIES=true/);
    // Development turns cookie mode on by default, so `npm start` serves a console that signs in.
    expect(loadConfig({ CONSOLE: 'on' }).console).toEqual({ enabled: true, needsCookies: false });
    expect(loadConfig({}).cookies.enabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).cookies.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG, DATA_ENCRYPTION_KEY: STRONG }).cookies.enabled).toBe(false);
    const t = await createTestApp();
    const response = await t.request('/account');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('AUTH_COOKIES=true');
  });

  it('answers 404 for an app the build does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-console-'));
    mkdirSync(join(dir, 'account'));
    writeFileSync(join(dir, 'account', 'index.html'), '<!doctype html><html><head></head><body><div id="app"></div></body></html>');
    writeFileSync(join(dir, '.source-hash'), 'x\n');
    const t = await createTestApp({ env: ON });
    const app = createApp(t.deps, { console: { dir } });
    expect((await app.fetch('http://localhost/account')).status).toBe(200);
    expect((await app.fetch('http://localhost/admin/users')).status).toBe(404);
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells to run npm run build when the console is not built', async () => {
    const t = await createTestApp({ env: ON });
    const app = createApp(t.deps, { console: { dir: '/nonexistent/console' } });
    const response = await app.fetch('http://localhost/account');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
    expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
  });

  it("points the emails' links at the console when it works and no front end is configured", () => {
    const own = loadConfig({ ...ON, HOST: '0.0.0.0', PORT: '4000', JWT_SECRET: STRONG });
    expect(own.accounts.emailVerificationUrl).toBe('http://localhost:4000/account/verify-email?token={token}');
    expect(own.accounts.passwordResetUrl).toBe('http://localhost:4000/account/reset-password?token={token}');
    // A front end of one's own, the links' own variables, or no working console: as before.
    expect(loadConfig({ ...ON, APP_BASE_URL: 'https://front.example' }).accounts.emailVerificationUrl).toBe('https://front.example/verify-email?token={token}');
    expect(loadConfig({ ...ON, PASSWORD_RESET_URL: 'https://x.example/r?t={token}' }).accounts.passwordResetUrl).toBe('https://x.example/r?t={token}');
    expect(loadConfig({ CONSOLE: 'off', AUTH_COOKIES: 'true' }).accounts.passwordResetUrl).toBe('http://localhost:3000/reset-password?token={token}');
    expect(loadConfig({ NODE_ENV: 'test' }).accounts.passwordResetUrl).toBe('http://localhost:3000/reset-password?token={token}');
    // Development with nothing set: cookie mode is on, so the console works and the links open it.
    expect(loadConfig({}).accounts.passwordResetUrl).toBe('http://127.0.0.1:4000/account/reset-password?token={token}');
  });
});
