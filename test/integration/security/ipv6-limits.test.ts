/**
 * Issue 10, item 6: every per-IP limit keyed the full IPv6 address, so anyone holding a /64 (the
 * smallest a subscriber is given) had a fresh counter for every request. Now IPv6 is counted per
 * RATE_LIMIT_IPV6_PREFIX (64), and an IPv4-mapped address as its IPv4 address.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { user { id } } }';
let counter = 0;
const input = () => ({ email: `v6-${(counter += 1)}@example.com`, password: 'violet-harbour-tangent-41', firstName: 'R', lastName: 'L' });

describe('per-IP limits and IPv6', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_REGISTER_IP: '2/1h' } });
  });

  it('two addresses in one /64 share a limit; another /64 has its own', async () => {
    expect((await t.graphql(REGISTER, { input: input() }, { ip: '2001:db8:aa:1::1' })).errors).toBeUndefined();
    expect((await t.graphql(REGISTER, { input: input() }, { ip: '2001:db8:aa:1:1234:5678:9abc:def0' })).errors).toBeUndefined();
    expect(errorCode(await t.graphql(REGISTER, { input: input() }, { ip: '2001:db8:aa:1::ffff' }))).toBe('RATE_LIMITED');
    expect((await t.graphql(REGISTER, { input: input() }, { ip: '2001:db8:aa:2::1' })).errors).toBeUndefined();
  });

  it('an IPv4-mapped IPv6 peer shares the limit of its IPv4 address', async () => {
    expect((await t.graphql(REGISTER, { input: input() }, { ip: '203.0.113.9' })).errors).toBeUndefined();
    expect((await t.graphql(REGISTER, { input: input() }, { ip: '::ffff:203.0.113.9' })).errors).toBeUndefined();
    expect(errorCode(await t.graphql(REGISTER, { input: input() }, { ip: '203.0.113.9' }))).toBe('RATE_LIMITED');
  });
});

describe('RATE_LIMIT_IPV6_PREFIX', () => {
  it('widens the network counted as one client', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_REGISTER_IP: '1/1h', RATE_LIMIT_IPV6_PREFIX: '48' } });
    try {
      expect((await t.graphql(REGISTER, { input: input() }, { ip: '2001:db8:bb:1::1' })).errors).toBeUndefined();
      expect(errorCode(await t.graphql(REGISTER, { input: input() }, { ip: '2001:db8:bb:2::1' }))).toBe('RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});
