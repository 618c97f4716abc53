/**
 * An invitation of createUser(sendInvite) is issued for an account created in the same
 * transaction, so it has no older codes or reset links to delete or prune. Counted at the driver on
 * both databases, as registration is (accounts/register-statements.test.ts). The hole: both paths
 * sent a `DELETE OneTimeToken` (the reset link also a `SELECT OneTimeToken` for its cap) that could
 * only ever match nothing.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { createApp } from '../../../src/server/app.js';
import { signedInStaff } from '../../helpers/admin.js';
import { createGraphQLClient } from '../../helpers/graphql.js';
import { statementKinds } from '../../helpers/statements.js';
import { createTestApp } from '../../helpers/test-app.js';

const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }';

describe('invitation statements', () => {
  it.each([
    ['a reset link (no password)', {}, 'PASSWORD_RESET' as const],
    ['a verification code (a password, address unverified)', { password: 'quiet meadow lantern 42' }, 'EMAIL_VERIFICATION' as const],
  ])('invites with %s without touching older codes', async (_, extra, purpose) => {
    const t = await createTestApp();
    const { accessToken } = await signedInStaff(t.deps, ['users.add_user']);
    const statements: string[] = [];
    const counted = await openDatabase(t.config.database, { onStatement: (sql) => statements.push(sql) });
    const client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    try {
      // A first one opens the connection (its PRAGMAs) and warms the plans.
      const first = await client.graphql(CREATE, { input: { email: 'first-invite@example.com', sendInvite: true, ...extra } }, { token: accessToken });
      expect(first.errors).toBeUndefined();
      statements.length = 0;
      const email = 'counted-invite@example.com';
      const created = await client.graphql(CREATE, { input: { email, sendInvite: true, ...extra } }, { token: accessToken });
      expect(created.errors).toBeUndefined();
      const kinds = statementKinds(statements);
      expect(kinds).toContain('INSERT OneTimeToken');
      expect(kinds.filter((kind) => kind.endsWith(' OneTimeToken'))).toEqual(['INSERT OneTimeToken']);
      // The invitation itself is intact: one live token of the right purpose, its mail queued.
      const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { email } });
      expect(await t.deps.prisma.oneTimeToken.count({ where: { userId: user.id, purpose } })).toBe(1);
      expect(await t.deps.prisma.outboxEmail.count({ where: { to: email } })).toBe(1);
    } finally {
      await counted.$disconnect();
    }
  });
});
