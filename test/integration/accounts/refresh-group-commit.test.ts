/**
 * Issue 12: on SQLite the refresh rotations asked for in one turn of the event loop are committed
 * in one transaction (src/db/sqlite-group-commit.ts), which took a refresh's ratio to bare yoga
 * from about 0.25 to 0.45 at 64 connections (docs/performance.md, "Group commit"). What must not
 * change with it: each rotation decides alone (its condition, its change count), an answer never
 * reports a rotation that is not committed, one failing write never fails its neighbours, and the
 * group never runs inside another request's open transaction, nor waits on one without end.
 */
import { describe, expect, it } from 'vitest';
import type { SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils';
import { createAdapterFactory } from '../../../src/db/adapter.js';
import { serializedSqlite } from '../../../src/db/sqlite-serial-adapter.js';
import { executeInGroup } from '../../../src/db/sqlite-group-commit.js';
import { tokenDigest } from '../../../src/auth/tokens/opaque.js';
import { REFRESH } from '../../helpers/accounts.js';
import { countedClient, expectRotatedExcept, signedInUsers, type Rotated } from '../../helpers/rotations.js';
import { createTestApp } from '../../helpers/test-app.js';

const onSqlite = !process.env['DATABASE_URL']?.startsWith('postgres');

describe.runIf(onSqlite)('refresh rotations committed together on SQLite', () => {
  it('commits the rotations of one turn in one transaction, each with its own outcome', async () => {
    const t = await createTestApp();
    const { prisma, statements, client } = await countedClient(t);
    try {
      const users = await signedInUsers(t, 5);
      statements.length = 0;
      const results = await Promise.all(users.map((u) => client.graphql<Rotated>(REFRESH, { refreshToken: u.refreshToken })));
      for (const result of results) expect(result.errors).toBeUndefined();
      // Five reads, then the five conditional updates and one COMMIT (BEGIN is the adapter's own, not reported).
      expect(statements).toEqual([...Array(5).fill('SELECT'), ...Array(5).fill('UPDATE'), 'COMMIT']);
      await expectRotatedExcept(t, users, results);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('rotates a token presented twice in one group once; the second request takes the rotation the first committed', async () => {
    const t = await createTestApp();
    const { prisma, statements, client } = await countedClient(t);
    try {
      const [u] = await signedInUsers(t, 1);
      statements.length = 0;
      const [a, b] = await Promise.all([0, 1].map(() => client.graphql<Rotated>(REFRESH, { refreshToken: u!.refreshToken })));
      expect(a!.errors).toBeUndefined();
      expect(b!.errors).toBeUndefined();
      expect(statements.slice(0, 4)).toEqual(['SELECT', 'SELECT', 'UPDATE', 'UPDATE']);
      expect(statements).toContain('COMMIT');
      expect(a!.data!.refreshToken.refreshToken).toBe(b!.data!.refreshToken.refreshToken);
      const row = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: u!.session.id } });
      expect(row.refreshTokenHash).toBe(tokenDigest(a!.data!.refreshToken.refreshToken));
      expect(row.revokedAt).toBeNull();
    } finally {
      await prisma.$disconnect();
    }
  });

  it("rolls a group back when one write fails and runs each write alone: the failure stays that request's", async () => {
    const t = await createTestApp();
    const { prisma, statements, client } = await countedClient(t);
    try {
      const users = await signedInUsers(t, 4);
      const victim = users[2]!;
      // A temporary trigger lives on this client's connection only: the group's transaction meets it.
      await prisma.$executeRawUnsafe(
        `CREATE TEMP TRIGGER refuse_one BEFORE UPDATE ON "Session" WHEN OLD."id" = '${victim.session.id}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      );
      statements.length = 0;
      const results = await Promise.all(users.map((u) => client.graphql<Rotated>(REFRESH, { refreshToken: u.refreshToken })));
      expect(statements).toContain('ROLLBACK');
      expect(statements).not.toContain('COMMIT');
      await expectRotatedExcept(t, users, results, victim);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('waits for a transaction open on the connection, runs nothing inside it, and is not undone with it', async () => {
    const t = await createTestApp();
    const adapter: SqlDriverAdapter = await serializedSqlite(createAdapterFactory(t.config.database.url)).connect();
    try {
      const users = await signedInUsers(t, 2);
      const update = (id: string, name: string): SqlQuery => ({
        sql: 'UPDATE "User" SET "firstName" = ? WHERE "id" = ?',
        args: [name, id],
        argTypes: [
          { scalarType: 'string', arity: 'scalar' },
          { scalarType: 'string', arity: 'scalar' },
        ],
      });
      const grouped = [executeInGroup(adapter, update(users[0]!.user.id, 'Grouped')), executeInGroup(adapter, update(users[1]!.user.id, 'Grouped'))];
      // Taken before the group's turn ends: the group has to wait for it.
      const open = await adapter.startTransaction();
      await open.executeRaw(update(users[0]!.user.id, 'Undone'));
      let settled = false;
      void Promise.all(grouped).then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toBe(false);
      await open.executeRaw({ sql: 'ROLLBACK', args: [], argTypes: [] });
      await open.rollback();
      expect(await Promise.all(grouped)).toEqual([1, 1]);
      for (const u of users) expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: u.user.id } })).firstName).toBe('Grouped');
    } finally {
      await adapter.dispose();
    }
  });
});
