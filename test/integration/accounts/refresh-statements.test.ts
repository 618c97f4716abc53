/**
 * Issue 12: a refresh rotation costs two statements at the driver on SQLite (the session by either
 * digest joined with its user, the conditional update) and one on PostgreSQL (both in one statement,
 * refresh-statements-postgresql.ts: each statement there is a round trip); the row is not read back
 * after an update that matched, since it is what was read plus what was written. Before: two on
 * both, three before that (Prisma read the include as a second SELECT), four before that (a read-back).
 *
 * The statements are hand-written (src/auth/sessions/refresh-statements*.ts): the tests below hold
 * their rows to what Prisma reads, so a column they got wrong (a date, a boolean) shows here, and
 * the expiry the PostgreSQL statement computes to what sessionExpiry computes.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { createApp } from '../../../src/server/app.js';
import { findSessionByRefreshDigest, rotateSession } from '../../../src/auth/sessions/refresh-statements.js';
import { findAndRotateSession } from '../../../src/auth/sessions/refresh-statements-postgresql.js';
import { sessionExpiry } from '../../../src/auth/sessions/lifetime.js';
import { tokenDigest } from '../../../src/auth/tokens/opaque.js';
import { driverQuery } from '../../../src/db/driver.js';
import { REFRESH, refresh } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { createGraphQLClient } from '../../helpers/graphql.js';
import { createTestApp, TestClock } from '../../helpers/test-app.js';

describe('refresh rotation statements', () => {
  // The hole: on PostgreSQL the read and the update were two round trips to the server.
  it('rotates in one statement on PostgreSQL, two on SQLite, and answers the rotated session', async () => {
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
      const expected = t.config.database.provider === 'postgresql' ? ['WITH'] : ['SELECT', 'UPDATE'];
      expect(statements.map((sql) => sql.trim().split(/\s/)[0])).toEqual(expected);
      const row = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
      expect(row.previousTokenHash).toBe(tokenDigest(refreshToken));
      expect(row.rotatedAt).not.toBeNull();
      // An unknown token (what a guesser sends) costs one statement on either database.
      statements.length = 0;
      expect((await client.graphql(REFRESH, { refreshToken: 'x'.repeat(43) })).errors).toBeDefined();
      expect(statements.map((sql) => sql.trim().split(/\s/)[0])).toEqual([expected[0]]);
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

  it.runIf(process.env['DATABASE_URL']?.startsWith('postgres'))(
    'reads the session and its user as Prisma does, in the one PostgreSQL statement too',
    async () => {
      const t = await createTestApp();
      const { refreshToken, session, user } = await signedInUser(t.deps);
      await t.deps.prisma.user.update({ where: { id: user.id }, data: { isStaff: true, emailVerifiedAt: new Date('2026-01-02T03:04:05.678Z') } });
      const digest = tokenDigest(refreshToken);
      const before = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id }, include: { user: true } });

      const at = new Date(before.createdAt.getTime() + 3_600_123);
      const found = await findAndRotateSession(t.deps.prisma, t.config, digest, 'b'.repeat(64), at);
      // The row as it was read, before the rotation; the new expiry as stored.
      expect(found?.session).toEqual(before);
      expect(found?.session.user.isActive).toBe(true);
      const after = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
      expect(after).toEqual({
        ...before,
        user: undefined,
        refreshTokenHash: 'b'.repeat(64),
        previousTokenHash: digest,
        rotatedAt: at,
        lastUsedAt: at,
        expiresAt: sessionExpiry(t.config, before.createdAt, at),
      } satisfies object);
      expect(found?.rotatedExpiresAt).toEqual(after.expiresAt);
      // Presented again: found by its previous digest, not rotated (the rules decide what follows).
      const again = await findAndRotateSession(t.deps.prisma, t.config, digest, 'c'.repeat(64), at);
      expect(again?.session.id).toBe(session.id);
      expect(again?.rotatedExpiresAt).toBeNull();
      expect((await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.id } })).refreshTokenHash).toBe('b'.repeat(64));
      expect(await findAndRotateSession(t.deps.prisma, t.config, tokenDigest('unknown'), 'd'.repeat(64), at)).toBeNull();
    },
  );

  // The PostgreSQL statement computes the absolute end from createdAt in SQL: it must store the
  // instant sessionExpiry computes, whichever limit comes first. Odd seconds and milliseconds on
  // purpose, so a rounding or a unit slip shows.
  it('stores the expiry sessionExpiry computes, idle end first and absolute end first', async () => {
    const clock = new TestClock(new Date('2026-03-04T05:06:07.891Z'));
    const t = await createTestApp({
      clock,
      env: { REFRESH_TOKEN_TTL_SECONDS: String(7 * 86_400 + 13), SESSION_MAX_LIFETIME_SECONDS: String(10 * 86_400 + 7) },
    });
    const signedIn = await signedInUser(t.deps);
    let refreshToken = signedIn.refreshToken;
    const idleFirst: boolean[] = [];
    for (const step of [86_400_000 + 123, 3 * 86_400_000 + 457, 86_400_000 + 5]) {
      clock.advance(step);
      const result = await refresh(t, refreshToken);
      expect(result.errors).toBeUndefined();
      refreshToken = result.data!.refreshToken.refreshToken;
      const stored = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: signedIn.session.id } });
      const expected = sessionExpiry(t.config, stored.createdAt, clock.now());
      expect(stored.expiresAt).toEqual(expected);
      expect(stored.refreshTokenHash).toBe(tokenDigest(refreshToken));
      expect(result.data!.refreshToken.refreshTokenExpiresAt).toBe(expected.toISOString());
      idleFirst.push(expected.getTime() === clock.now().getTime() + t.config.tokens.refreshTtlSeconds * 1000);
    }
    expect(idleFirst).toEqual([true, false, false]);
  });

  // Unnamed, PostgreSQL parsed and planned the statement on every refresh, which cost its server
  // more CPU than running it (docs/performance.md). One pooled connection, so the statement that
  // lists the prepared statements runs on the connection the refreshes ran on.
  it.runIf(process.env['DATABASE_URL']?.startsWith('postgres'))('prepares the statement once per PostgreSQL connection', async () => {
    const t = await createTestApp({ env: { DATABASE_POOL_SIZE: '1' } });
    let { refreshToken } = await signedInUser(t.deps);
    for (let i = 0; i < 2; i++) {
      const result = await refresh(t, refreshToken);
      expect(result.errors).toBeUndefined();
      refreshToken = result.data!.refreshToken.refreshToken;
    }
    const rows = await driverQuery(t.deps.prisma, 'SELECT name, statement FROM pg_prepared_statements', []);
    expect(rows.filter((row) => String(row['statement']).startsWith('WITH input AS'))).toHaveLength(1);
    // Prisma's own statements stay unnamed.
    expect(rows.every((row) => String(row['name']).startsWith('gatehouse_'))).toBe(true);
  });

  // Behind a pooler in transaction mode without prepared-statement support a named statement
  // would be missing on the next server connection: the switch leaves every statement unnamed.
  it.runIf(process.env['DATABASE_URL']?.startsWith('postgres'))('prepares nothing with DATABASE_PREPARED_STATEMENTS=false', async () => {
    const t = await createTestApp({ env: { DATABASE_POOL_SIZE: '1', DATABASE_PREPARED_STATEMENTS: 'false' } });
    let { refreshToken } = await signedInUser(t.deps);
    for (let i = 0; i < 2; i++) {
      const result = await refresh(t, refreshToken);
      expect(result.errors).toBeUndefined();
      refreshToken = result.data!.refreshToken.refreshToken;
    }
    expect(await driverQuery(t.deps.prisma, 'SELECT name FROM pg_prepared_statements', [])).toEqual([]);
  });
});
