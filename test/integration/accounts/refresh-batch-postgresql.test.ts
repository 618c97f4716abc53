/**
 * Issue 12: on PostgreSQL the refresh rotations asked for in one turn of the event loop go to the
 * database in one statement (src/auth/sessions/refresh-statements-postgresql.ts), one round trip for
 * all of them, which took a refresh's ratio to bare yoga from about 0.28 to 0.5 at 64 connections
 * (docs/performance.md, "One statement per turn"). What must not change with it: each input reads
 * and decides alone (a revoked or unknown token beside valid ones), a token presented twice rotates
 * once and both answers agree, and one input's failure never fails its neighbours.
 */
import { describe, expect, it } from 'vitest';
import { tokenDigest } from '../../../src/auth/tokens/opaque.js';
import { REFRESH } from '../../helpers/accounts.js';
import { errorCode } from '../../helpers/graphql.js';
import { countedClient, expectRotatedExcept, signedInUsers, type Rotated } from '../../helpers/rotations.js';
import { createTestApp } from '../../helpers/test-app.js';

const onPostgres = process.env['DATABASE_URL']?.startsWith('postgres') ?? false;

describe.runIf(onPostgres)('refresh rotations of one turn in one PostgreSQL statement', () => {
  it('rotates every refresh of a turn in one statement; each input decides alone', async () => {
    const t = await createTestApp();
    const { prisma, statements, client } = await countedClient(t);
    try {
      const users = await signedInUsers(t, 6);
      const revoked = users.pop()!;
      await t.deps.prisma.session.update({ where: { id: revoked.session.id }, data: { revokedAt: new Date(), revokeReason: 'logout' } });
      statements.length = 0;
      const tokens = [...users.map((u) => u.refreshToken), revoked.refreshToken, 'x'.repeat(43)];
      const results = await Promise.all(tokens.map((refreshToken) => client.graphql<Rotated>(REFRESH, { refreshToken })));
      // Seven refreshes, one round trip; the two refused need nothing more.
      expect(statements).toEqual(['WITH']);
      await expectRotatedExcept(t, users, results.slice(0, users.length));
      expect(errorCode(results[5]!)).toBe('TOKEN_INVALID');
      expect(errorCode(results[6]!)).toBe('TOKEN_INVALID');
      const untouched = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: revoked.session.id } });
      expect(untouched.refreshTokenHash).toBe(tokenDigest(revoked.refreshToken));
    } finally {
      await prisma.$disconnect();
    }
  });

  it('rotates a token presented twice in one statement once; the other request takes that rotation', async () => {
    const t = await createTestApp();
    const { prisma, statements, client } = await countedClient(t);
    try {
      const [u] = await signedInUsers(t, 1);
      statements.length = 0;
      const [a, b] = await Promise.all([0, 1].map(() => client.graphql<Rotated>(REFRESH, { refreshToken: u!.refreshToken })));
      expect(a!.errors).toBeUndefined();
      expect(b!.errors).toBeUndefined();
      // One statement for both; the one that did not rotate reads the rotated row back.
      expect(statements).toEqual(['WITH', 'SELECT']);
      expect(a!.data!.refreshToken.refreshToken).toBe(b!.data!.refreshToken.refreshToken);
      const row = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: u!.session.id } });
      expect(row.refreshTokenHash).toBe(tokenDigest(a!.data!.refreshToken.refreshToken));
      expect(row.previousTokenHash).toBe(tokenDigest(u!.refreshToken));
      expect(row.revokedAt).toBeNull();
    } finally {
      await prisma.$disconnect();
    }
  });

  it("runs each input alone when the statement fails: the failure stays that request's", async () => {
    const t = await createTestApp();
    const { prisma, statements, client } = await countedClient(t);
    try {
      const users = await signedInUsers(t, 4);
      const victim = users[2]!;
      await t.deps.prisma.$executeRawUnsafe(
        `CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
      );
      await t.deps.prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_one BEFORE UPDATE ON "Session" FOR EACH ROW WHEN (OLD."id" = '${victim.session.id}') EXECUTE FUNCTION refuse_one()`,
      );
      statements.length = 0;
      const results = await Promise.all(users.map((u) => client.graphql<Rotated>(REFRESH, { refreshToken: u.refreshToken })));
      // The statement for all four, then one for each.
      expect(statements).toEqual(Array(5).fill('WITH'));
      await expectRotatedExcept(t, users, results, victim);
    } finally {
      await prisma.$disconnect();
    }
  });
});
