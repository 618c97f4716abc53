/**
 * Issue 12: a refresh rotation costs two statements at the driver (the session by either digest
 * joined with its user, the conditional update); the row is not read back after an update that
 * matched, since it is what was read plus what was written. Before: three (Prisma read the include
 * as a second SELECT), and four before that (a read-back).
 *
 * The two are hand-written (src/auth/sessions/refresh-statements.ts): the second test holds their
 * rows to what Prisma reads, so a column they got wrong (a date, a boolean) shows here.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { createApp } from '../../../src/server/app.js';
import { findSessionByRefreshDigest, rotateSession } from '../../../src/auth/sessions/refresh-statements.js';
import { tokenDigest } from '../../../src/auth/tokens/opaque.js';
import { REFRESH } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { createGraphQLClient } from '../../helpers/graphql.js';
import { createTestApp } from '../../helpers/test-app.js';

describe('refresh rotation statements', () => {
  it('rotates in two statements and answers the rotated session', async () => {
    const t = await createTestApp();
    const statements: string[] = [];
    const counted = await openDatabase(t.config.database, { onStatement: (sql) => statements.push(sql) });
    const client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    try {
      const { refreshToken, session } = await signedInUser(t.deps);
      statements.length = 0;
      const result = await client.graphql<{ refreshToken: { refreshToken: string; session: { id: string } } }>(REFRESH, { refreshToken });
      expect(result.errors).toBeUndefined();
      expect(result.data?.refreshToken.session.id).toBe(session.id);
      expect(statements.map((sql) => sql.trim().split(/\s/)[0])).toEqual(['SELECT', 'UPDATE']);
      const row = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
      expect(row.previousTokenHash).toBe(tokenDigest(refreshToken));
      expect(row.rotatedAt).not.toBeNull();
    } finally {
      await counted.$disconnect();
    }
  });

  it('reads and writes the session and its user as Prisma does', async () => {
    const t = await createTestApp();
    const { refreshToken, session, user } = await signedInUser(t.deps);
    // Nullable dates set and a boolean true, so their conversions are exercised.
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { isStaff: true, emailVerifiedAt: new Date('2026-01-02T03:04:05.678Z') } });
    const digest = tokenDigest(refreshToken);

    const raw = await findSessionByRefreshDigest(t.deps.prisma, digest);
    const prisma = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id }, include: { user: true } });
    expect(raw).toEqual(prisma);
    expect(raw?.user.createdAt).toBeInstanceOf(Date);

    const at = new Date('2026-05-06T07:08:09.123Z');
    const rotation = { refreshTokenHash: 'a'.repeat(64), previousTokenHash: digest, rotatedAt: at, lastUsedAt: at, expiresAt: new Date(at.getTime() + 1000) };
    expect(await rotateSession(t.deps.prisma, session.id, digest, rotation)).toBe(1);
    const rotated = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(rotated).toEqual({ ...prisma, user: undefined, ...rotation } satisfies object);
    // Found by its previous digest too; a stale digest no longer matches the conditional update.
    expect((await findSessionByRefreshDigest(t.deps.prisma, digest))?.id).toBe(session.id);
    expect(await rotateSession(t.deps.prisma, session.id, digest, rotation)).toBe(0);
    expect(await findSessionByRefreshDigest(t.deps.prisma, tokenDigest('unknown'))).toBeNull();
  });
});
