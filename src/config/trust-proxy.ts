/**
 * TRUST_PROXY, parsed once at start-up: which proxies in front of Gatehouse may name the client in
 * X-Forwarded-For (src/server/client-ip.ts applies it per request).
 */
import { isIP } from 'node:net';

/** Which proxies in front of Gatehouse may speak for the client. */
export type TrustProxy =
  | { kind: 'none' }
  /** This many proxies (counted from Gatehouse outwards) are ours. */
  | { kind: 'hops'; hops: number }
  /** Peers with these addresses or in these CIDR ranges are ours. */
  | { kind: 'addresses'; addresses: string[] };

/**
 * Parses TRUST_PROXY: empty/`false` (trust no one), a number of hops, or a comma-separated list of
 * proxy addresses and CIDR ranges (`10.0.0.1, 192.168.0.0/16, ::1`).
 * @throws Error naming the first entry that is neither.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const addresses = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const entry of addresses) toRule(entry);
  return { kind: 'addresses', addresses };
}

/** One TRUST_PROXY entry as an address and optional prefix length. */
export function toRule(entry: string): { address: string; prefix?: number; family: 'ipv4' | 'ipv6' } {
  const [address = '', prefixText, extra] = entry.split('/');
  const version = isIP(address);
  const prefix = prefixText === undefined ? undefined : Number(prefixText);
  const max = version === 6 ? 128 : 32;
  if (version === 0 || extra !== undefined || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))) {
    throw new Error(`"${entry}" is not a number of hops, an IP address or a CIDR range`);
  }
  return { address, prefix, family: version === 6 ? 'ipv6' : 'ipv4' };
}
