/**
 * Issue 12: a refresh rotation costs three statements (the session by either digest with its user,
 * the conditional update); the row is not read back after an update that matched, since it is what
 * was read plus what was written. A concurrent refresh that lost the race still reads it back.
 */
import { describe, expect, it } from 'vitest';
import { PrismaClient } from '../../../src/generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../../../src/generated/postgresql/client.js';
import { createAdapterFactory } from '../../../src/db/adapter.js';
import { createApp } from '../../../src/server/app.js';
import { REFRESH } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { createGraphQLClient } from '../../helpers/graphql.js';
import { createTestApp } from '../../helpers/test-app.js';

describe('refresh rotation statements', () => {
  it('rotates in three statements and answers the rotated session', async () => {
    const t = await createTestApp();
    const adapter = createAdapterFactory(t.config.database.url);
    const log = [{ emit: 'event' as const, level: 'query' as const }];
    const counted = t.db.provider === 'postgresql' ? (new PostgresClient({ adapter, log }) as unknown as PrismaClient) : new PrismaClient({ adapter, log });
    const statements: string[] = [];
    (counted as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) => statements.push(e.query));
    const client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    try {
      const { refreshToken, session } = await signedInUser(t.deps);
      const result = await client.graphql<{ refreshToken: { refreshToken: string; session: { id: string } } }>(REFRESH, { refreshToken });
      expect(result.errors).toBeUndefined();
      expect(result.data?.refreshToken.session.id).toBe(session.id);
      // The session by either digest and its user (Prisma reads an include as a second SELECT),
      // then the conditional UPDATE; the read-back after it was a fourth.
      expect(statements.map((sql) => sql.trim().split(/\s/)[0])).toEqual(['SELECT', 'SELECT', 'UPDATE']);
      const row = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
      expect(row.previousTokenHash).not.toBeNull();
      expect(row.rotatedAt).not.toBeNull();
    } finally {
      await counted.$disconnect();
    }
  });
});
