/**
 * Issue 10, item 3: memory exhaustion through the rate limiter. Every distinct address sent to
 * requestPasswordReset (and resend, login) created a per-email counter before the per-IP limit was
 * looked at, kept for an hour: 60,000 addresses from one IP grew the heap by ~42 MiB, and on
 * PostgreSQL each wrote a row. Now the per-IP limit is checked first and stops the flood, junk
 * addresses get no key at all, and the in-memory store is capped (LRU).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const REQUEST_RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESEND = 'mutation($email: String!) { resendVerificationEmail(email: $email) }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken } } }';
const IP_LIMIT = 20;

/** Rate-limit counters held, wherever the store keeps them: rows on PostgreSQL, memory on SQLite. */
async function counters(t: TestApp): Promise<number> {
  return t.db.provider === 'postgresql' ? t.deps.prisma.rateLimiterFlexible.count() : t.deps.rateLimits.memoryKeys();
}

describe('a flood of distinct addresses from one IP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PASSWORD_RESET_IP: `${IP_LIMIT}/1h`, RATE_LIMIT_RESEND_VERIFICATION_IP: `${IP_LIMIT}/1h`, RATE_LIMIT_LOGIN_IP: `${IP_LIMIT}/15m` },
    });
  });

  const flows = [
    // The reported attack with thousands of addresses; the other flows share its code path, so a shorter flood shows them.
    { name: 'requestPasswordReset', document: REQUEST_RESET, variables: (email: string) => ({ email }), flood: 2000 },
    { name: 'resendVerificationEmail', document: RESEND, variables: (email: string) => ({ email }), flood: 300 },
    { name: 'login', document: LOGIN, variables: (email: string) => ({ email, password: 'wrong' }), flood: 300 },
  ];

  for (const [index, flow] of flows.entries()) {
    it(`${flow.name}: keys stay bounded by the per-IP limit, not by the flood`, async () => {
      const ip = `198.51.100.${index + 1}`;
      const before = await counters(t);
      const refused: (string | undefined)[] = [];
      for (let i = 0; i < flow.flood; i += 1) {
        const result = await t.graphql(flow.document, flow.variables(`flood-${index}-${i}@example.com`), { ip });
        if (i >= IP_LIMIT) refused.push(errorCode(result));
      }
      expect(new Set(refused)).toEqual(new Set(['RATE_LIMITED']));
      // The IP's counter and at most one per-account counter per attempt the IP was allowed (login: three per attempt).
      expect((await counters(t)) - before).toBeLessThanOrEqual(1 + 3 * IP_LIMIT);
    });
  }

  it('syntactically invalid addresses get no per-email counter at all', async () => {
    const before = await counters(t);
    for (let i = 0; i < 10; i += 1) {
      expect((await t.graphql(REQUEST_RESET, { email: `not an address ${i}` }, { ip: '198.51.100.9' })).data).toEqual({ requestPasswordReset: true });
    }
    expect((await counters(t)) - before).toBe(1);
  });
});

describe('the in-memory store under a flood from many addresses (SQLite)', () => {
  const CAP = 100;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MEMORY_KEYS: String(CAP), RATE_LIMIT_PASSWORD_RESET_EMAIL: '2/1h', RATE_LIMIT_PASSWORD_RESET_IP: '5/1h' } });
  });

  it('holds at most RATE_LIMIT_MEMORY_KEYS counters, and a recently used key is still limited', async (context) => {
    if (t.db.provider === 'postgresql') context.skip();
    const victim = 'victim@example.com';
    const attempt = (ip: string) => t.graphql(REQUEST_RESET, { email: victim }, { ip });
    expect((await attempt('192.0.2.1')).errors).toBeUndefined();
    expect((await attempt('192.0.2.2')).errors).toBeUndefined();
    // 400 requests from distinct addresses for distinct accounts: two fresh keys each, 8 times the cap.
    for (let i = 0; i < 400; i += 1) {
      await t.graphql(REQUEST_RESET, { email: `spray-${i}@example.com` }, { ip: `10.${i >> 8}.${i & 255}.1` });
      expect(t.deps.rateLimits.memoryKeys()).toBeLessThanOrEqual(CAP);
      // The victim's address, asked about now and then, stays counted and refused throughout.
      if (i % 20 === 0) expect(errorCode(await attempt(`192.0.2.${3 + (i % 200)}`))).toBe('RATE_LIMITED');
    }
    expect(t.deps.rateLimits.memoryKeys()).toBe(CAP);
  });
});
