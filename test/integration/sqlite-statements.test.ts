/**
 * Issue 12: on SQLite a statement is prepared once per connection and kept, not prepared again on
 * every query (Prisma's adapter did; SQLite's parser and planner were a large part of a refresh).
 * A kept statement is bound afresh each time: the answers of queries that share one stay their own,
 * in and out of transactions.
 */
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createUser } from '../helpers/factories.js';
import { createTestApp } from '../helpers/test-app.js';
import { testPostgresUrl } from '../helpers/test-database.js';

describe.skipIf(testPostgresUrl() !== undefined)('SQLite prepared statements', () => {
  it('prepares a statement once and answers each query with its own arguments', async () => {
    const t = await createTestApp();
    const users = [await createUser(t.deps), await createUser(t.deps), await createUser(t.deps)];
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    const prisma = await openDatabase(t.config.database);
    try {
      const found = [];
      for (const user of users) found.push(await prisma.user.findUnique({ where: { id: user.id }, select: { email: true } }));
      expect(found).toEqual(users.map((u) => ({ email: u.email })));
      const byUserSql = prepare.mock.calls.map(([sql]) => sql).filter((sql) => sql.includes('FROM `main`.`User`') || sql.includes('FROM "main"."User"'));
      // Three queries of one shape: one preparation.
      expect(byUserSql.length).toBe(1);

      // Writes and reads through kept statements inside a transaction, and one rolled back.
      await prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: users[0]!.id }, data: { firstName: 'First' } });
        await tx.user.update({ where: { id: users[1]!.id }, data: { firstName: 'Second' } });
      });
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.user.update({ where: { id: users[2]!.id }, data: { firstName: 'Third' } });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      const names = await prisma.user.findMany({ where: { id: { in: users.map((u) => u.id) } }, select: { id: true, firstName: true } });
      expect(Object.fromEntries(names.map((n) => [n.id, n.firstName]))).toEqual({
        [users[0]!.id]: 'First',
        [users[1]!.id]: 'Second',
        [users[2]!.id]: users[2]!.firstName,
      });
    } finally {
      prepare.mockRestore();
      await prisma.$disconnect();
    }
  });
});
