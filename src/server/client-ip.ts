/**
 * The client's IP address: the socket's peer, or an address from X-Forwarded-For only as far as
 * TRUST_PROXY says the hops are ours. Trusting the header blindly would let any client name its
 * own address, and so reset its own rate limits, by sending `X-Forwarded-For: <anything>`.
 */
import { BlockList, isIP } from 'node:net';
import { toRule, type TrustProxy } from '../config/trust-proxy.js';

/** An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) as the IPv4 address it is; anything else unchanged. */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The client's address from the socket's peer address and the X-Forwarded-For header.
 *
 * Walks from the socket outwards through the header's entries (right to left, each appended by
 * the proxy that received the request), stopping at the first address that is not a trusted
 * proxy: that one is the client. With fewer entries than trusted hops, the leftmost is used.
 * A malformed entry ends the walk at the last well-formed address before it.
 */
export function clientIp(socketAddress: string | null | undefined, forwardedFor: string | null | undefined, trust: TrustProxy): string | null {
  if (!socketAddress) return null;
  const peer = normalizeIp(socketAddress);
  if (trust.kind === 'none' || !forwardedFor) return peer;
  const isTrusted = trustTest(trust);
  const chain = [
    peer,
    ...forwardedFor
      .split(',')
      .map((entry) => normalizeIp(entry.trim()))
      .reverse(),
  ];
  let client = peer;
  for (let index = 0; index < chain.length; index += 1) {
    const address = chain[index]!;
    if (isIP(address) === 0) break;
    client = address;
    if (!isTrusted(address, index)) break;
  }
  return client;
}

const blockLists = new WeakMap<TrustProxy, BlockList>();

function trustTest(trust: Exclude<TrustProxy, { kind: 'none' }>): (address: string, index: number) => boolean {
  if (trust.kind === 'hops') return (_address, index) => index < trust.hops;
  let list = blockLists.get(trust);
  if (!list) {
    list = new BlockList();
    for (const entry of trust.addresses) {
      const rule = toRule(entry);
      if (rule.prefix === undefined) list.addAddress(rule.address, rule.family);
      else list.addSubnet(rule.address, rule.prefix, rule.family);
    }
    blockLists.set(trust, list);
  }
  const rules = list;
  return (address) => rules.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}
