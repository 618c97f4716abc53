/**
 * Security headers on every response, and CORS strictly from CORS_ORIGINS.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const ALLOWED = 'https://app.example.com';
const json = { 'content-type': 'application/json' };

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: `${ALLOWED},http://localhost:5173` } });
  });

  it.each([
    ['a GraphQL result', () => t.request('/graphql', { method: 'POST', headers: json, body: '{"query":"{ __typename }"}' })],
    ['a GraphQL error', () => t.request('/graphql', { method: 'POST', headers: json, body: '{"query":' })],
    ['a 413', () => t.request('/graphql', { method: 'POST', headers: json, body: 'x'.repeat(200_000) })],
    ['/healthz', () => t.request('/healthz')],
    ['/readyz', () => t.request('/readyz')],
    ['an unknown path', () => t.request('/nope')],
  ])('are on %s', async (_label, send) => {
    const response = await send();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Not in production: HSTS only where TLS is terminated in front of a production deployment.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('keep GraphiQL working in development: its page may load its assets but not be framed', async () => {
    const response = await t.request('/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Gatehouse</title>');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('include Strict-Transport-Security in production', async () => {
    const production = await createTestApp({
      env: { NODE_ENV: 'production', JWT_SECRET: 'q8H2vN5xLr0TzW7cKe3YbJ9uPd4SgF6mA1', DATA_ENCRYPTION_KEY: 'Hx7pQ2mZ9vL4cT8nW1bK6yR3sF5gJ0dA' },
    });
    try {
      const response = await production.request('/healthz');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await production.close();
    }
  });
});

describe('CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: `${ALLOWED},http://localhost:5173` } });
  });

  const preflight = (origin: string) =>
    t.request('/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });

  it('answers a preflight from a listed origin with that origin and credentials', async () => {
    const response = await preflight(ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives a listed origin its CORS headers on the actual request, exposing Retry-After', async () => {
    const response = await t.request('/graphql', { method: 'POST', headers: { ...json, origin: 'http://localhost:5173' }, body: '{"query":"{ __typename }"}' });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after');
  });

  it.each(['https://evil.example', 'https://app.example.com.evil.example', 'null', 'http://app.example.com', 'https://APP.example.com'])(
    'gives no CORS headers at all to %s',
    async (origin) => {
      for (const response of [
        await preflight(origin),
        await t.request('/graphql', { method: 'POST', headers: { ...json, origin }, body: '{"query":"{ __typename }"}' }),
      ]) {
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
        expect(response.headers.get('access-control-allow-methods')).toBeNull();
      }
    },
  );

  it('gives no CORS headers to anyone when CORS_ORIGINS is empty (the default)', async () => {
    const closed = await createTestApp();
    try {
      const response = await closed.request('/graphql', { method: 'POST', headers: { ...json, origin: ALLOWED }, body: '{"query":"{ __typename }"}' });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await closed.close();
    }
  });
});
