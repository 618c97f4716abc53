import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken } } }';
const RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';

describe('rate limits on the account flows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        RATE_LIMIT_LOGIN_IP: '6/15m',
        LOGIN_BACKOFF_AFTER_FAILURES: '3',
        LOGIN_BACKOFF_BASE_SECONDS: '60',
        RATE_LIMIT_PASSWORD_RESET_EMAIL: '2/1h',
        RATE_LIMIT_REGISTER_IP: '2/1h',
      },
    });
  });

  it('backs an (account, address) pair off after repeated wrong passwords, with Retry-After, even for the right password', async () => {
    const user = await createUser(t.deps);
    for (let i = 0; i < 3; i++) {
      const wrong = await t.graphql(LOGIN, { email: user.email, password: 'not the password' }, { ip: '198.51.100.1' });
      expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    }
    const locked = await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, { ip: '198.51.100.1' });
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBe(retryAfter);
    // No session was created by the refused attempt.
    expect(await t.deps.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('a successful sign-in clears the account back-off', async () => {
    const user = await createUser(t.deps);
    const ip = '198.51.100.50';
    for (let i = 0; i < 2; i++) await t.graphql(LOGIN, { email: user.email, password: 'nope' }, { ip });
    expect((await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, { ip })).errors).toBeUndefined();
    for (let i = 0; i < 2; i++) await t.graphql(LOGIN, { email: user.email, password: 'nope' }, { ip: '198.51.100.51' });
    expect((await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, { ip: '198.51.100.52' })).errors).toBeUndefined();
  });

  it('limits failed sign-ins per IP across accounts, unknown ones included', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 6; i++) {
      expect(errorCode(await t.graphql(LOGIN, { email: `nobody-${i}@example.com`, password: 'x' }, { ip }))).toBe('INVALID_CREDENTIALS');
    }
    const user = await createUser(t.deps);
    expect(errorCode(await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, { ip }))).toBe('RATE_LIMITED');
    // Another address is unaffected.
    expect((await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, { ip: '203.0.113.8' })).errors).toBeUndefined();
  });

  it('limits reset requests per address alike for registered and unknown emails', async () => {
    const user = await createUser(t.deps);
    for (const email of [user.email, 'ghost@example.com']) {
      for (let i = 0; i < 2; i++) expect((await t.graphql(RESET, { email }, { ip: `192.0.2.${i + 10}` })).data).toEqual({ requestPasswordReset: true });
      expect(errorCode(await t.graphql(RESET, { email }, { ip: '192.0.2.99' }))).toBe('RATE_LIMITED');
    }
  });

  it('limits registrations per IP', async () => {
    const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { user { id } } }';
    const input = (n: number) => ({ email: `reg-limit-${n}@example.com`, password: 'violet-harbour-tangent-41', firstName: 'R', lastName: 'L' });
    const ip = '192.0.2.200';
    expect((await t.graphql(REGISTER, { input: input(1) }, { ip })).errors).toBeUndefined();
    expect((await t.graphql(REGISTER, { input: input(2) }, { ip })).errors).toBeUndefined();
    expect(errorCode(await t.graphql(REGISTER, { input: input(3) }, { ip }))).toBe('RATE_LIMITED');
    expect(await t.deps.prisma.user.count({ where: { email: 'reg-limit-3@example.com' } })).toBe(0);
  });
});
