/**
 * The short form of the load test (`npm run loadtest` is the minute-long one): a server process on
 * loopback under mixed traffic (logins, refreshes, `me`, the admin users list) for a fixed time
 * and request budget. No 5xx, no request without an answer, every acknowledged login has its
 * session and audit row, every refresh chain is intact, memory levels off, clean exit.
 */
import { describe, expect, it } from 'vitest';
import { soak, soakFailures } from '../../bench/soak.js';
import { testPostgresUrl } from '../helpers/test-database.js';

describe('load (short form)', () => {
  it('serves mixed traffic for 12 s with no 5xx, no lost writes and level memory', async () => {
    const result = await soak({ seconds: 12, maxRequests: 20_000, concurrency: 8, databaseUrl: testPostgresUrl(), hashMemoryKib: 4096 });
    console.info(
      `load (${result.database}): ${result.requests} requests in ${result.seconds.toFixed(1)} s, ${JSON.stringify(result.byOperation)}, ` +
        `statuses ${JSON.stringify(result.statuses)}, logins ${result.successfulLogins}, refreshes ${result.successfulRefreshes}, ` +
        `RSS middle ${result.rssMiddleMb.toFixed(0)} MB / last ${result.rssLastMb.toFixed(0)} MB`,
    );
    // The traffic really was mixed, and writes happened.
    for (const count of Object.values(result.byOperation)) expect(count).toBeGreaterThan(0);
    expect(result.successfulLogins).toBeGreaterThan(0);
    expect(result.successfulRefreshes).toBeGreaterThan(0);
    expect(result.rssMb.length).toBeGreaterThan(9);
    expect(soakFailures(result)).toEqual([]);
  }, 240_000);
});
