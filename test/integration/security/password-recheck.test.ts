/**
 * Issue 10, item 5: no limit on password re-checks. changePassword, requestEmailChange and
 * deactivateAccount verified the current password without any limit, so a stolen access token
 * bought online guessing of the password; the argon2 queue had no bound, so a burst made every
 * sign-in wait; requestEmailChange mailed any address without a limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken } } }';
const EMAIL_CHANGE = 'mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }';
const DEACTIVATE = 'mutation($p: String!) { deactivateAccount(password: $p) }';
const CHANGE = 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "plum orchard at dawn 7") }';

describe('password re-checks are limited per user and per IP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PASSWORD_CHECK_USER: '10/15m', RATE_LIMIT_PASSWORD_CHECK_IP: '15/15m', RATE_LIMIT_EMAIL_CHANGE_EMAIL: '2/1h' },
    });
  });

  it('15 wrong changePassword calls: 10 are checked, the rest refused before hashing, failures audited; then even the right password waits', async () => {
    const { user, accessToken } = await signedInUser(t.deps);
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < 15; i += 1) outcomes.push(errorCode(await t.graphql(CHANGE, { c: `guess-${i}` }, { token: accessToken, ip: '198.51.100.1' })));
    expect(outcomes).toEqual([...Array(10).fill('INVALID_CREDENTIALS'), ...Array(5).fill('RATE_LIMITED')]);
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'auth.password_check_failed' } })).toBe(10);
    // Per user: another address does not help the holder of the token.
    const right = await t.graphql(DEACTIVATE, { p: PASSWORD }, { token: accessToken, ip: '198.51.100.2' });
    expect(errorCode(right)).toBe('RATE_LIMITED');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).isActive).toBe(true);
  });

  // Regression guard: logoutAll and revokeSession called requirePassword without the request's
  // device after the merge, so they skipped the per-IP limit (and audited no address).
  it('logoutAll and revokeSession (another device) count against the same per-IP limit, and audit the address', async () => {
    const ip = '198.51.100.40';
    const outcomes: (string | undefined)[] = [];
    for (let n = 0; n < 2; n += 1) {
      const { user, accessToken } = await signedInUser(t.deps);
      const other = await signedInUser(t.deps, { email: `other-${n}-${user.email}` });
      for (let i = 0; i < 8; i += 1) {
        const query = i % 2 ? 'mutation($p: String!) { logoutAll(password: $p) }' : 'mutation($id: ID!, $p: String) { revokeSession(id: $id, password: $p) }';
        outcomes.push(errorCode(await t.graphql(query, { p: `guess-${i}`, id: other.session.id }, { token: accessToken, ip })));
      }
      expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'auth.password_check_failed', ip } })).toBeGreaterThan(0);
    }
    expect(outcomes.slice(0, 15).every((code) => code === 'INVALID_CREDENTIALS' || code === 'NOT_FOUND')).toBe(true);
    expect(outcomes[15]).toBe('RATE_LIMITED');
  });

  it('per IP: one address checking the passwords of several accounts is refused past its limit', async () => {
    const ip = '198.51.100.20';
    const outcomes: (string | undefined)[] = [];
    for (let n = 0; n < 4; n += 1) {
      const { accessToken } = await signedInUser(t.deps);
      for (let i = 0; i < 4; i += 1) outcomes.push(errorCode(await t.graphql(DEACTIVATE, { p: `guess-${i}` }, { token: accessToken, ip })));
    }
    expect(outcomes).toEqual([...Array(15).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED']);
  });

  it('requestEmailChange mails one target address only so often, whoever asks', async () => {
    const target = 'someone-else@example.com';
    const first = await signedInUser(t.deps);
    const second = await signedInUser(t.deps);
    const ask = (token: string, ip: string) => t.graphql(EMAIL_CHANGE, { e: target, p: PASSWORD }, { token, ip });
    expect((await ask(first.accessToken, '192.0.2.1')).errors).toBeUndefined();
    expect((await ask(first.accessToken, '192.0.2.1')).errors).toBeUndefined();
    expect(errorCode(await ask(first.accessToken, '192.0.2.1'))).toBe('RATE_LIMITED');
    expect(errorCode(await ask(second.accessToken, '192.0.2.2'))).toBe('RATE_LIMITED');
    expect(await t.deps.prisma.outboxEmail.count({ where: { to: target } })).toBe(2);
  });

  it('requestEmailChange mails only so many addresses per user', async () => {
    const { accessToken } = await signedInUser(t.deps);
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i += 1)
      outcomes.push(errorCode(await t.graphql(EMAIL_CHANGE, { e: `target-${i}@example.com`, p: PASSWORD }, { token: accessToken, ip: '192.0.2.30' })));
    expect(outcomes).toEqual([...Array(5).fill(undefined), 'RATE_LIMITED']);
  });
});

describe('the password-hashing queue is bounded', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One hash at a time, one waiting, and a cost high enough that a burst arrives while they run.
    t = await createTestApp({
      env: { PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_MAX_QUEUE: '1', PASSWORD_HASH_MEMORY_KIB: '65536', PASSWORD_HASH_ITERATIONS: '3' },
    });
  });

  it('a burst of sign-ins beyond the bound is answered SERVICE_UNAVAILABLE with Retry-After at once, never queued without end', async () => {
    const user = await createUser(t.deps);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.graphql(LOGIN, { email: user.email, password: PASSWORD }, { ip: `203.0.113.${i + 1}` })),
    );
    const outcomes = results.map((result) => errorCode(result) ?? 'ok');
    expect(outcomes.filter((outcome) => outcome === 'ok').length).toBeGreaterThanOrEqual(2);
    expect(outcomes).toContain('SERVICE_UNAVAILABLE');
    expect(outcomes.every((outcome) => outcome === 'ok' || outcome === 'SERVICE_UNAVAILABLE')).toBe(true);
    const busy = results.find((result) => errorCode(result) === 'SERVICE_UNAVAILABLE')!;
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(busy.errors?.[0]?.extensions?.retryAfterSeconds).toBe(1);
    // Once the burst is over, sign-ins go through again.
    expect((await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, { ip: '203.0.113.99' })).errors).toBeUndefined();
  });
});
