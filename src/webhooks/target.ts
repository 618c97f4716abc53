/**
 * Where a webhook may be sent (SSRF defence, docs/webhooks.md#ssrf). A URL is checked when an
 * endpoint is saved (scheme, no credentials) and again at every delivery, where the host's
 * addresses are checked by the `lookup` the socket itself uses (`checkedLookup`): the address
 * checked is the address connected to, so a DNS answer that changes between a check and the
 * connection (DNS rebinding) cannot slip a private address in. An IP-literal host is never looked
 * up by Node, so `assertTargetAllowed` checks it directly before the request.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

export interface TargetPolicy {
  allowHttp: boolean;
  allowPrivateTargets: boolean;
}

/** Loopback, private, shared, link-local (incl. 169.254.169.254 metadata), multicast, reserved. */
const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  forbidden.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified and the deprecated IPv4-compatible form
  ['::1', 128],
  ['fc00::', 7], // unique-local (incl. fd00:ec2::254, a cloud metadata address)
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  forbidden.addSubnet(net, prefix, 'ipv6');

/** Whether delivering to `address` is refused (IPv4-mapped and NAT64 IPv6 are judged by their IPv4). */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return forbidden.check(address, 'ipv4');
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  if (embedded) return forbidden.check(embedded, 'ipv4');
  return forbidden.check(address, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (`::ffff:`) or NAT64 (`64:ff9b::`) address, dotted or hex. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(.+)$/i.exec(address);
  const tail = match?.[1];
  if (!tail) return null;
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex?.[1] || !hex[2]) return null;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** A URL an endpoint may have: https (or http when allowed), no user or password in it. */
export function webhookUrlProblem(raw: string, policy: TargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) return policy.allowHttp ? 'must be http or https' : 'must be https';
  if (url.username || url.password) return 'must not contain credentials';
  return null;
}

export class TargetRefused extends Error {
  override name = 'TargetRefused';
}

/** The check of an IP-literal host, which no lookup will see. */
export function assertTargetAllowed(url: URL, policy: TargetPolicy): void {
  const problem = webhookUrlProblem(url.href, policy);
  if (problem) throw new TargetRefused(`URL ${problem}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !policy.allowPrivateTargets && isForbiddenAddress(host)) throw new TargetRefused(`address ${host} is not allowed`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves the host, refuses when any of its addresses is forbidden
 * (an attacker's name may list a public and a private address), and hands the socket the checked one.
 */
export function checkedLookup(policy: TargetPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = policy.allowPrivateTargets ? undefined : addresses.find((entry) => isForbiddenAddress(entry.address));
      if (refused) return callback(new TargetRefused(`${hostname} resolves to ${refused.address}, which is not allowed`), []);
      const first = addresses[0];
      if (!first) return callback(new TargetRefused(`${hostname} has no address`), []);
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
