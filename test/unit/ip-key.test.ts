/** Issue 10, item 6: per-IP limits keyed the whole IPv6 address, so a /64 gave a fresh counter per request. */
import { describe, expect, it } from 'vitest';
import { ipKey } from '../../src/security/ip-key.js';

describe('ipKey', () => {
  it('keeps IPv4 addresses whole', () => {
    expect(ipKey('203.0.113.7', 64)).toBe('203.0.113.7');
  });

  it('keys IPv6 by its prefix, however the address is written', () => {
    const key = '2001:db8:1:2:0:0:0:0/64';
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:0000:0000:0000:0abc', '2001:db8:1:2::1%eth0']) {
      expect(ipKey(address, 64)).toBe(key);
    }
    expect(ipKey('2001:db8:1:3::1', 64)).not.toBe(key);
  });

  it('honours other prefix lengths, including ones that cut a word', () => {
    expect(ipKey('2001:db8:1:2::1', 48)).toBe('2001:db8:1:0:0:0:0:0/48');
    expect(ipKey('2001:db8:1:ff::1', 56)).toBe('2001:db8:1:0:0:0:0:0/56');
    expect(ipKey('2001:db8:1:1ff::1', 56)).toBe('2001:db8:1:100:0:0:0:0/56');
    expect(ipKey('2001:db8::1', 128)).toBe('2001:db8:0:0:0:0:0:1/128');
    expect(ipKey('::1', 64)).toBe('0:0:0:0:0:0:0:0/64');
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address, in either spelling', () => {
    expect(ipKey('::ffff:203.0.113.7', 64)).toBe('203.0.113.7');
    expect(ipKey('::FFFF:cb00:7107', 64)).toBe('203.0.113.7');
  });

  it('leaves anything that is not an address unchanged', () => {
    expect(ipKey('not-an-ip', 64)).toBe('not-an-ip');
  });
});
