/**
 * The rate-limit store layer on the suite's database: in memory on SQLite, the shared
 * RateLimiterFlexible table on PostgreSQL (run the file with DATABASE_URL=postgresql://...).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GatehouseError } from '../../src/errors.js';
import { createRateLimits, type RateLimits } from '../../src/security/rate-limits.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const LIMITS_ENV = {
  RATE_LIMIT_REGISTER_IP: '3/1h',
  RATE_LIMIT_PASSWORD_RESET_EMAIL: '2/1h',
  RATE_LIMIT_PASSWORD_RESET_IP: '4/1h',
  RATE_LIMIT_LOGIN_IP: '7/15m',
  LOGIN_BACKOFF_AFTER_FAILURES: '3',
  LOGIN_BACKOFF_BASE_SECONDS: '10',
  LOGIN_BACKOFF_MAX_SECONDS: '40',
};

/** The RATE_LIMITED error a call throws, or null if it passed. */
async function limited(call: Promise<void>): Promise<GatehouseError | null> {
  try {
    await call;
    return null;
  } catch (error) {
    if (error instanceof GatehouseError && error.code === 'RATE_LIMITED') return error;
    throw error;
  }
}

function retryAfter(error: GatehouseError | null): number {
  return Number(error?.extensions.retryAfterSeconds);
}

describe('rate limits', () => {
  let t: TestApp;
  let limits: RateLimits;
  beforeAll(async () => {
    t = await createTestApp({ env: LIMITS_ENV });
    limits = t.deps.rateLimits;
  });

  it('allows the configured number of registrations per IP, then refuses with a retry-after hint', async () => {
    for (let i = 0; i < 3; i += 1) expect(await limited(limits.consume('register', { ip: '198.51.100.1' }))).toBeNull();
    const refused = await limited(limits.consume('register', { ip: '198.51.100.1' }));
    expect(refused?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(retryAfter(refused)).toBeGreaterThan(3500);
    expect(retryAfter(refused)).toBeLessThanOrEqual(3600);
    // yoga copies extensions.http.headers onto the response (and strips `http` from the body).
    expect(refused?.extensions.http).toEqual({ headers: { 'Retry-After': String(retryAfter(refused)) } });
    // Another address is counted on its own.
    expect(await limited(limits.consume('register', { ip: '198.51.100.2' }))).toBeNull();
  });

  it('counts password-reset requests per email and per IP independently', async () => {
    const victim = 'victim@example.com';
    expect(await limited(limits.consume('passwordReset', { ip: '198.51.100.10', email: victim }))).toBeNull();
    expect(await limited(limits.consume('passwordReset', { ip: '198.51.100.11', email: victim }))).toBeNull();
    // Third request for the same address, from a fresh IP: the per-email limit holds.
    expect(await limited(limits.consume('passwordReset', { ip: '198.51.100.12', email: victim }))).not.toBeNull();
    // One IP spraying many addresses: the per-IP limit holds.
    const ip = '198.51.100.20';
    for (let i = 0; i < 4; i += 1) expect(await limited(limits.consume('passwordReset', { ip, email: `u${i}@example.com` }))).toBeNull();
    expect(await limited(limits.consume('passwordReset', { ip, email: 'u9@example.com' }))).not.toBeNull();
  });

  it('backs off an (account, IP) pair more with each consecutive failure, capped, and forgets on success', async () => {
    const subject = { email: 'ada@example.com', ip: '198.51.100.30' };
    await expect(limits.check('login', subject)).resolves.toBeUndefined();
    expect(await limited(limits.consume('login', subject))).toBeNull();
    expect(await limited(limits.consume('login', subject))).toBeNull();
    // Failures 3, 4, 5, 6 from that address block it for 10, 20, 40 and (capped) 40 seconds.
    const waits: number[] = [];
    for (let i = 3; i <= 6; i += 1) waits.push(retryAfter(await limited(limits.consume('login', subject))));
    expect(waits).toEqual([10, 20, 40, 40]);
    const blocked = await limited(limits.check('login', subject));
    expect(retryAfter(blocked)).toBeGreaterThan(30);
    expect(retryAfter(blocked)).toBeLessThanOrEqual(40);
    // The same account from another address is not backed off (issue 10, item 4: no lockout from one address).
    await expect(limits.check('login', { ...subject, ip: '198.51.100.39' })).resolves.toBeUndefined();

    await limits.reset('login', subject);
    await expect(limits.check('login', subject)).resolves.toBeUndefined();
    // The count starts again from zero after a success.
    expect(await limited(limits.consume('login', subject))).toBeNull();
  });

  it('limits failed logins per IP across accounts, and a success does not reset the IP count', async () => {
    const ip = '198.51.100.50';
    for (let i = 0; i < 7; i += 1) expect(await limited(limits.consume('login', { ip, email: `spray${i}@example.com` }))).toBeNull();
    await limits.reset('login', { ip, email: 'spray0@example.com' });
    expect(await limited(limits.consume('login', { ip, email: 'spray-next@example.com' }))).not.toBeNull();
    expect(await limited(limits.check('login', { ip, email: 'someone-else@example.com' }))).not.toBeNull();
  });

  it('does not limit by IP when the request has none (no socket)', async () => {
    for (let i = 0; i < 5; i += 1) expect(await limited(limits.consume('register', { ip: null }))).toBeNull();
  });

  it('stores neither email addresses nor IP addresses in its keys', async () => {
    if (t.db.provider !== 'postgresql') return;
    const keys = (await t.deps.prisma.rateLimiterFlexible.findMany()).map((row) => row.key).join('\n');
    expect(keys).toContain('gatehouse:');
    expect(keys).not.toMatch(/example\.com|198\.51\.100/);
  });
});

describe('rate limits shared through PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ...LIMITS_ENV, RATE_LIMIT_VERIFY_CODE_IP: '10/1h' } });
  });

  it('counts exactly under concurrency, across two limiter instances sharing the table', async (context) => {
    if (t.db.provider !== 'postgresql') context.skip();
    // Two independent instances, as two server processes would have (their own memory, one table).
    const first = createRateLimits(t.deps);
    const second = createRateLimits(t.deps);
    const outcomes = await Promise.all(Array.from({ length: 25 }, (_, i) => limited((i % 2 ? first : second).consume('verifyCode', { ip: '203.0.113.99' }))));
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome !== null)).toHaveLength(15);
    const row = await t.deps.prisma.rateLimiterFlexible.findFirstOrThrow({ where: { key: { startsWith: 'gatehouse:verify-code:ip' } } });
    expect(row.points).toBeGreaterThanOrEqual(11);
  });

  it('a login back-off started on one instance holds on the other, and a reset on either ends it', async (context) => {
    if (t.db.provider !== 'postgresql') context.skip();
    const first = createRateLimits(t.deps);
    const second = createRateLimits(t.deps);
    const subject = { email: 'shared@example.com', ip: '203.0.113.5' };
    for (let i = 0; i < 2; i += 1) await first.consume('login', subject);
    expect(await limited(second.consume('login', subject))).not.toBeNull();
    expect(await limited(first.check('login', subject))).not.toBeNull();
    await second.reset('login', subject);
    await expect(first.check('login', subject)).resolves.toBeUndefined();
  });
});

describe('rate limits turned off', () => {
  it('never refuses with RATE_LIMITS_ENABLED=false', async () => {
    const t = await createTestApp({ env: { ...LIMITS_ENV, RATE_LIMITS_ENABLED: 'false' } });
    try {
      for (let i = 0; i < 10; i += 1) await t.deps.rateLimits.consume('register', { ip: '198.51.100.1' });
    } finally {
      await t.close();
    }
  });
});
