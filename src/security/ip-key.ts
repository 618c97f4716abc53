/**
 * The part of a client address that per-IP limits count. An IPv4 address is one subscriber, but
 * an IPv6 subscriber is routinely given a whole /64 (often a /56 or /48): keying the full
 * address would hand anyone 2^64 fresh counters. So IPv6 is keyed by its prefix, and an
 * IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) by the IPv4 address it is.
 */
import { isIP } from 'node:net';

/**
 * The rate-limit key of `address`: IPv4 unchanged, IPv6 as its first `prefixBits` bits
 * (`2001:db8:1:2::/64`), IPv4-mapped IPv6 as IPv4; anything unparseable unchanged.
 */
export function ipKey(address: string, prefixBits: number): string {
  const bare = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names a local interface, not a client
  const version = isIP(bare);
  if (version !== 6) return version === 4 ? bare : address;
  const words = ipv6Words(bare);
  if (!words) return address;
  if (words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff) {
    return `${words[6]! >> 8}.${words[6]! & 0xff}.${words[7]! >> 8}.${words[7]! & 0xff}`;
  }
  const bits = Math.max(0, Math.min(128, prefixBits));
  const masked = words.map((word, index) => {
    const keep = Math.max(0, Math.min(16, bits - index * 16));
    return keep === 0 ? 0 : word & ((0xffff << (16 - keep)) & 0xffff);
  });
  return `${masked.map((word) => word.toString(16)).join(':')}/${bits}`;
}

/** The eight 16-bit words of a valid IPv6 address (as `isIP` accepts it), or null. */
function ipv6Words(address: string): number[] | null {
  let text = address.toLowerCase();
  // A dotted IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) stands for the last two words.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest === undefined ? [] : rest ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  const words = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right].map((word) => Number.parseInt(word, 16));
  return words.length === 8 && words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffff) ? words : null;
}
