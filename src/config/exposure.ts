/**
 * Whether the server can be reached from other machines, and what such a server must be told.
 * A development server on loopback is private to its machine, so its public defaults (the
 * development JWT secret, GraphiQL, introspection) are harmless there; on any other address they
 * are not.
 */
import { BlockList, isIP } from 'node:net';
import type { Config } from './index.js';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
// Any spelling of ::1, and IPv4-mapped 127.0.0.0/8 (::ffff:127.0.0.1).
loopback.addAddress('::1', 'ipv6');

/** True for 127.0.0.0/8, ::1 (also in brackets) and `localhost`; false for 0.0.0.0, ::, names and the rest. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  const family = isIP(bare);
  return family !== 0 && loopback.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * One sentence per development default still in effect on a server other machines can reach;
 * empty on loopback and in production. main.ts logs each as a warning at start-up.
 */
export function exposureWarnings(config: Pick<Config, 'host' | 'isProduction' | 'graphiql' | 'graphql'>): string[] {
  if (config.isProduction || isLoopbackHost(config.host)) return [];
  const warnings = ['NODE_ENV is not production on a non-loopback HOST: strict transport security (HSTS) is off'];
  if (config.graphiql) warnings.push('GraphiQL is served to browsers on a non-loopback HOST (set GRAPHIQL=false)');
  if (config.graphql.introspection) warnings.push('schema introspection and field suggestions are on for a non-loopback HOST (set INTROSPECTION=false)');
  return warnings;
}
