/**
 * Issue 12: what a registration sends to the database, counted at the driver on both databases
 * (the counterpart of login-statements.test.ts; BEGIN is sent inside the adapter's
 * startTransaction and not counted). The outbox sender's statements come later, in its own loop.
 *
 * The address (one SELECT), then one transaction: the user, the verification code, its email, the
 * audit row, COMMIT; on PostgreSQL those as one statement. The webhook endpoints are not read while the
 * instance knows nobody subscribes to `user.created` (src/webhooks/enqueue.ts; the first
 * registration after a start or a change reads them).
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { createApp } from '../../../src/server/app.js';
import { registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { createGraphQLClient } from '../../helpers/graphql.js';
import { statementKinds } from '../../helpers/statements.js';
import { createTestApp } from '../../helpers/test-app.js';

describe('registration statements', () => {
  it('registers in six statements (plus BEGIN), two on PostgreSQL: the user row read once, no webhook endpoints, no older codes to delete', async () => {
    // A maximum age beyond the test: the counted registration finds what the first one cached.
    const t = await createTestApp({ env: { SESSION_CACHE_SECONDS: '300' } });
    const statements: string[] = [];
    const counted = await openDatabase(t.config.database, { onStatement: (sql) => statements.push(sql) });
    const client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    try {
      // A first registration opens the connection (its PRAGMAs) and warms the plans.
      expect((await registerUser(client, uniqueEmail())).errors).toBeUndefined();
      statements.length = 0;
      const email = uniqueEmail();
      const result = await registerUser(client, email, { locale: 'es' });
      expect(result.errors).toBeUndefined();
      // The holes: the verification mail's locale was looked up by address, a second `SELECT User`
      // inside the transaction, although the use case had just written the row; and every
      // registration read the webhook endpoints (`SELECT WebhookEndpoint`), none or not; and
      // deleted the new account's older codes (`DELETE OneTimeToken`), of which it has none.
      // PostgreSQL: the transaction was six round trips (BEGIN included); now one statement
      // (src/account/register-statement-postgresql.ts, register-statement.test.ts).
      expect(statementKinds(statements)).toEqual(
        t.config.database.provider === 'postgresql'
          ? ['SELECT User', 'WITH User']
          : ['SELECT User', 'INSERT User', 'INSERT OneTimeToken', 'INSERT OutboxEmail', 'INSERT AuditEvent', 'COMMIT'],
      );
      if (t.config.database.provider === 'postgresql') {
        expect(statements[1]).toMatch(/INSERT INTO "User".*INSERT INTO "OneTimeToken".*INSERT INTO "OutboxEmail".*INSERT INTO "AuditEvent"/s);
      }
      // Still in the account's language (the lookup's job).
      const row = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: 'verification_code' } });
      expect(row.locale).toBe('es');
    } finally {
      await counted.$disconnect();
    }
  });
});
