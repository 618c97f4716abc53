/**
 * `npm run loadtest [-- --seconds 60] [--concurrency 16] [--max-requests 200000]`: the long form
 * of the soak in test/integration/load.test.ts. One server process on loopback under mixed
 * traffic; exits 1 on any 5xx, lost write, or memory still growing. SQLite by default; a fresh
 * database on PostgreSQL when DATABASE_URL names a server.
 */
import { parseArgs } from 'node:util';
import { soak, soakFailures } from './soak.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '16' },
    'max-requests': { type: 'string', default: '200000' },
  },
});
const positive = (name: string, value: string | undefined): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer (got ${value})`);
  return n;
};
const seconds = positive('seconds', values.seconds);
const concurrency = positive('concurrency', values.concurrency);
const maxRequests = positive('max-requests', values['max-requests']);
const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

console.log(`load test: ${seconds} s, ${concurrency} workers, at most ${maxRequests} requests, ${databaseUrl ? 'postgresql' : 'sqlite'}`);
const result = await soak({ seconds, concurrency, maxRequests, databaseUrl });
console.log(
  [
    `requests ${result.requests} in ${result.seconds.toFixed(1)} s (${result.requestsPerSecond.toFixed(0)}/s): ${JSON.stringify(result.byOperation)}`,
    `statuses ${JSON.stringify(result.statuses)}; GraphQL errors ${JSON.stringify(result.graphqlErrors)}; no response ${result.networkErrors}`,
    `logins ${result.successfulLogins} -> sessions ${result.rows.newSessions}, audit events ${result.rows.loginAudits}; refreshes ${result.successfulRefreshes}, chains intact ${result.rows.intactRefreshChains}/${result.rows.workers}`,
    `server RSS: middle third ${result.rssMiddleMb.toFixed(0)} MB, last third ${result.rssLastMb.toFixed(0)} MB, peak ${Math.max(...result.rssMb).toFixed(0)} MB; exit ${result.exitCode}`,
  ].join('\n'),
);
const failures = soakFailures(result);
if (failures.length > 0) {
  console.error(`FAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('passed');
