/**
 * Issue 12: what a password sign-in sends to the database, counted at the driver on both databases
 * (a baseline, so a change that adds a round trip to every sign-in shows here). The batch
 * transaction's BEGIN is sent inside the adapter's startTransaction and is not counted by the
 * listener: add one round trip to the counts below.
 *
 * Both: the account (one SELECT), the webhook endpoints subscribed to `session.created` (one
 * SELECT), then one batch: the session, lastLoginAt, the audit row, COMMIT. PostgreSQL adds the
 * `pg_notify` that tells the other instances the user row changed (docs/performance.md, "What is
 * cached"). What could be cut on PostgreSQL is in docs/performance.md ("Refresh on PostgreSQL").
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { createApp } from '../../../src/server/app.js';
import { LOGIN } from '../../helpers/accounts.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { createGraphQLClient } from '../../helpers/graphql.js';
import { createTestApp } from '../../helpers/test-app.js';

describe('sign-in statements', () => {
  it('signs in with a password in six statements on SQLite, seven on PostgreSQL (plus BEGIN)', async () => {
    const t = await createTestApp();
    const statements: string[] = [];
    const counted = await openDatabase(t.config.database, { onStatement: (sql) => statements.push(sql) });
    const client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    try {
      const user = await createUser(t.deps);
      statements.length = 0;
      const result = await client.graphql<{ login: { session: { id: string } } }>(LOGIN, { email: user.email, password: PASSWORD });
      expect(result.errors).toBeUndefined();
      expect(result.data?.login.session.id).toBeDefined();
      // First word and first table: `SELECT User`, `INSERT Session`, …
      const kinds = statements.map((sql) => {
        if (/pg_notify/.test(sql)) return 'NOTIFY';
        const table = /(?:FROM|INTO|UPDATE)\s+(?:["`]\w+["`]\.)?["`](\w+)["`]/.exec(sql)?.[1];
        return `${sql.trim().split(/\s+/)[0]} ${table ?? ''}`.trim();
      });
      const batch = ['SELECT User', 'SELECT WebhookEndpoint', 'INSERT Session', 'UPDATE User', 'INSERT AuditEvent', 'COMMIT'];
      expect(kinds).toEqual(t.config.database.provider === 'postgresql' ? [...batch, 'NOTIFY'] : batch);
    } finally {
      await counted.$disconnect();
    }
  });
});
