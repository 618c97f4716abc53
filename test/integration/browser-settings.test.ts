/**
 * Issue 15, item 9: settings teams set in Django for browsers: CORS origins with a subdomain
 * wildcard (exact scheme and port, never a bare `*`), the cookies' SameSite, and a login-URL hint
 * in UNAUTHENTICATED errors.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { LOGIN } from '../helpers/accounts.js';
import { createUser, PASSWORD } from '../helpers/factories.js';
import { createTestApp } from '../helpers/test-app.js';

describe('CORS_ORIGINS with a subdomain wildcard', () => {
  it('allows subdomains of the domain over the same scheme and port, and nothing else', async () => {
    const t = await createTestApp({ env: { CORS_ORIGINS: 'https://*.example.com,http://localhost:5173' } });
    const allowedOrigin = async (origin: string) =>
      (await t.request('/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })).headers.get(
        'access-control-allow-origin',
      );
    for (const origin of ['https://app.example.com', 'https://a.b.example.com', 'http://localhost:5173']) expect(await allowedOrigin(origin)).toBe(origin);
    for (const origin of [
      'https://example.com',
      'http://app.example.com',
      'https://app.example.com:8443',
      'https://evil-example.com',
      'https://app.example.com.evil.test',
      'https://app.example.com/',
      'null',
    ]) {
      expect(await allowedOrigin(origin), origin).toBeNull();
    }
  });

  it.each(['*', 'https://*', 'https://*.com', 'https://app.*.example.com', '*.example.com', 'https://*.example.com/path'])(
    'refuses %s at start-up in one line',
    (value) => {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/^invalid configuration: CORS_ORIGINS must be origins/);
    },
  );
});

describe('AUTH_COOKIE_SAMESITE', () => {
  it('sets the SameSite the configuration asks for', async () => {
    for (const [value, expected] of [
      ['strict', 'SameSite=Strict'],
      ['none', 'SameSite=None'],
    ] as const) {
      const t = await createTestApp({ env: { AUTH_COOKIES: 'true', AUTH_COOKIE_SAMESITE: value } });
      const user = await createUser(t.deps);
      const login = await t.graphql(LOGIN, { email: user.email, password: PASSWORD });
      const cookies = login.headers.getSetCookie();
      expect(cookies).toHaveLength(2);
      for (const line of cookies) {
        expect(line).toContain(expected);
        expect(line).toContain('Secure');
      }
    }
  });

  it('refuses SameSite=None without Secure, which browsers would drop', () => {
    expect(() => loadConfig({ AUTH_COOKIE_SAMESITE: 'none', AUTH_COOKIE_SECURE: 'false' })).toThrow(/AUTH_COOKIE_SAMESITE=none needs AUTH_COOKIE_SECURE=true/);
  });
});

describe('LOGIN_URL', () => {
  it('names the sign-in page in UNAUTHENTICATED errors only', async () => {
    const t = await createTestApp({ env: { LOGIN_URL: 'https://app.example.com/login' } });
    const anonymous = await t.graphql('{ mySessions { id } }');
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', loginUrl: 'https://app.example.com/login' });
    expect(anonymous.errors?.[0]?.path).toEqual(['mySessions']);
    const wrong = await t.graphql(LOGIN, { email: 'nobody@example.com', password: 'not it' });
    expect(wrong.errors?.[0]?.extensions?.loginUrl).toBeUndefined();
    const plain = await createTestApp();
    expect((await plain.graphql('{ mySessions { id } }')).errors?.[0]?.extensions?.loginUrl).toBeUndefined();
  });
});
