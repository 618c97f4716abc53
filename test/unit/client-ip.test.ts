import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../src/config/trust-proxy.js';
import { clientIp } from '../../src/server/client-ip.js';

const none = parseTrustProxy('');
const oneHop = parseTrustProxy('1');
const twoHops = parseTrustProxy('2');
const proxies = parseTrustProxy('10.0.0.0/8, 192.168.1.1, ::1');

describe('clientIp', () => {
  it('uses the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    // The spoofing bug this guards: trusting the header blindly lets a client pick its own address.
    expect(clientIp('203.0.113.7', '1.2.3.4', none)).toBe('203.0.113.7');
    expect(clientIp('203.0.113.7', null, none)).toBe('203.0.113.7');
  });

  it('takes the entry the trusted proxy appended, not the ones a client wrote before it', () => {
    // Client sends "X-Forwarded-For: 1.1.1.1"; our one proxy appends the real peer 198.51.100.9.
    expect(clientIp('10.0.0.2', '1.1.1.1, 198.51.100.9', oneHop)).toBe('198.51.100.9');
    expect(clientIp('10.0.0.2', '198.51.100.9', oneHop)).toBe('198.51.100.9');
  });

  it('walks as many hops as configured', () => {
    expect(clientIp('10.0.0.2', 'spoofed-ignored, 198.51.100.9, 10.0.0.3', twoHops)).toBe('198.51.100.9');
    expect(clientIp('10.0.0.2', '6.6.6.6, 198.51.100.9, 10.0.0.3', twoHops)).toBe('198.51.100.9');
  });

  it('falls back to the leftmost entry when there are fewer entries than hops', () => {
    expect(clientIp('10.0.0.2', '198.51.100.9', twoHops)).toBe('198.51.100.9');
  });

  it('uses the socket when the header is missing even with trusted hops', () => {
    expect(clientIp('10.0.0.2', null, oneHop)).toBe('10.0.0.2');
    expect(clientIp('10.0.0.2', '', oneHop)).toBe('10.0.0.2');
  });

  it('trusts listed proxy addresses and ranges only', () => {
    expect(clientIp('10.1.2.3', '6.6.6.6, 198.51.100.9, 192.168.1.1', proxies)).toBe('198.51.100.9');
    // A peer that is not a listed proxy is the client, even if it sends the header.
    expect(clientIp('203.0.113.7', '1.2.3.4', proxies)).toBe('203.0.113.7');
    // A client cannot name a trusted proxy address to skip further: the walk stops at the first untrusted one.
    expect(clientIp('10.1.2.3', '10.9.9.9, 203.0.113.7', proxies)).toBe('203.0.113.7');
  });

  it('normalises IPv4-mapped IPv6 addresses and handles IPv6 proxies', () => {
    expect(clientIp('::ffff:203.0.113.7', null, none)).toBe('203.0.113.7');
    expect(clientIp('::ffff:10.0.0.2', '198.51.100.9', proxies)).toBe('198.51.100.9');
    expect(clientIp('::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
  });

  it('stops at a malformed entry and keeps the last well-formed address', () => {
    expect(clientIp('10.0.0.2', '198.51.100.9, <script>', twoHops)).toBe('10.0.0.2');
    expect(clientIp('10.0.0.2', 'garbage, 198.51.100.9', twoHops)).toBe('198.51.100.9');
    expect(clientIp('10.0.0.2', 'unknown', oneHop)).toBe('10.0.0.2');
  });

  it('is null without a socket (nothing to trust)', () => {
    expect(clientIp(null, '1.2.3.4', oneHop)).toBeNull();
    expect(clientIp(undefined, null, none)).toBeNull();
  });
});

describe('parseTrustProxy', () => {
  it('reads off, hop counts, and address lists', () => {
    expect(parseTrustProxy('')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('false')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('0')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('3')).toEqual({ kind: 'hops', hops: 3 });
    expect(parseTrustProxy('10.0.0.0/8,::1')).toEqual({ kind: 'addresses', addresses: ['10.0.0.0/8', '::1'] });
  });

  it.each(['true', 'yes', '10.0.0.0/33', 'example.com', '1.2.3.4/8/9'])('refuses %s', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/not a number of hops/);
  });
});
