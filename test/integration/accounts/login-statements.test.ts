/**
 * Issue 12: what a password sign-in sends to the database, counted at the driver on both databases
 * (a baseline, so a change that adds a round trip to every sign-in shows here). The batch
 * transaction's BEGIN is sent inside the adapter's startTransaction and is not counted by the
 * listener: add one round trip to the counts below.
 *
 * Both: the account (one SELECT) first. Then, on SQLite, one batch: the session, lastLoginAt, the
 * audit row, COMMIT. On PostgreSQL, one statement does all of it and the `pg_notify` that tells the
 * other instances the user row changed (src/auth/sessions/sign-in-statement-postgresql.ts; the
 * batch and the NOTIFY after it were six round trips). The webhook endpoints are not read while
 * the instance knows nobody subscribes to `session.created` (src/webhooks/enqueue.ts; the first
 * sign-in after a start or a change reads them, and the one before the counted sign-in here does).
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { createApp } from '../../../src/server/app.js';
import { LOGIN } from '../../helpers/accounts.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { createGraphQLClient } from '../../helpers/graphql.js';
import { statementKinds } from '../../helpers/statements.js';
import { createTestApp } from '../../helpers/test-app.js';

describe('sign-in statements', () => {
  it('signs in with a password in five statements on SQLite (plus BEGIN), two on PostgreSQL', async () => {
    // A maximum age beyond the test: the counted sign-in finds what the first one cached.
    const t = await createTestApp({ env: { SESSION_CACHE_SECONDS: '300' } });
    const statements: string[] = [];
    const counted = await openDatabase(t.config.database, { onStatement: (sql) => statements.push(sql) });
    const client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    try {
      const user = await createUser(t.deps);
      expect((await client.graphql(LOGIN, { email: user.email, password: PASSWORD })).errors).toBeUndefined();
      statements.length = 0;
      const result = await client.graphql<{ login: { session: { id: string } } }>(LOGIN, { email: user.email, password: PASSWORD });
      expect(result.errors).toBeUndefined();
      expect(result.data?.login.session.id).toBeDefined();
      const kinds = statementKinds(statements);
      // The hole: every sign-in read the webhook endpoints (`SELECT WebhookEndpoint`), none or not.
      // PostgreSQL: the batch and the NOTIFY after it were six round trips (BEGIN included); now one statement.
      const expected =
        t.config.database.provider === 'postgresql'
          ? ['SELECT User', 'NOTIFY']
          : ['SELECT User', 'INSERT Session', 'UPDATE User', 'INSERT AuditEvent', 'COMMIT'];
      expect(kinds).toEqual(expected);
      if (t.config.database.provider === 'postgresql') expect(statements[1]).toMatch(/^WITH s AS \(\s*INSERT INTO "Session"/);
    } finally {
      await counted.$disconnect();
    }
  });
});
