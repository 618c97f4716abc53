/**
 * Issue 12: on PostgreSQL a password sign-in writes its session, the user's lastLoginAt and its audit
 * row, and tells the other instances, in one statement (src/auth/sessions/sign-in-statement-postgresql.ts)
 * instead of Prisma's batch and a NOTIFY after it: one round trip instead of six. The statement is
 * hand-written, so these tests hold what it writes and answers to what Prisma writes and reads, its
 * all-or-nothing, and its notification.
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { auditRow } from '../../../src/audit/record.js';
import { AUTH_CHANGES_CHANNEL, encodeChange } from '../../../src/auth/cache/invalidate.js';
import { newSession } from '../../../src/auth/sessions/create-session.js';
import { writeSignIn } from '../../../src/auth/sessions/sign-in-statement-postgresql.js';
import { tokenDigest } from '../../../src/auth/tokens/opaque.js';
import { createUser } from '../../helpers/factories.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

const onPostgres = process.env['DATABASE_URL']?.startsWith('postgres') ?? false;

function rowsFor(t: TestApp, userId: string, now: Date) {
  const device = { ip: '203.0.113.7', userAgent: 'x'.repeat(600) };
  const { data, refreshToken } = newSession(t.deps, userId, device);
  const audit = auditRow({ type: 'auth.login_succeeded', userId, ...device, metadata: { sessionId: data.id, methods: ['pwd'] } }, now);
  return { rows: { session: data, authMethods: ['pwd'], now, audit, notify: encodeChange({ userId }) }, refreshToken };
}

describe.runIf(onPostgres)('the PostgreSQL sign-in statement', () => {
  it('writes what the batch wrote and answers the rows as Prisma reads them', async () => {
    const clock = new TestClock(new Date('2026-06-07T08:09:10.456Z'));
    const t = await createTestApp({ clock });
    const user = await createUser(t.deps);
    // Nullable dates set and a boolean true, so their conversions are exercised.
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { isStaff: true, emailVerifiedAt: new Date('2026-01-02T03:04:05.678Z') } });
    const now = clock.now();
    const { rows, refreshToken } = rowsFor(t, user.id, now);

    const before = Date.now();
    const written = await writeSignIn(t.deps.prisma, rows);
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: rows.session.id } });
    const stored = await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(written.session).toEqual(session);
    expect(written.user).toEqual(stored);
    expect(session).toMatchObject({
      userId: user.id,
      refreshTokenHash: tokenDigest(refreshToken),
      previousTokenHash: null,
      revokedAt: null,
      createdAt: now,
      lastUsedAt: now,
      authMethods: '["pwd"]',
      userAgent: 'x'.repeat(512),
    });
    expect(stored.lastLoginAt).toEqual(now);
    // @updatedAt is the wall clock at the write, as Prisma sets it.
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: 'auth.login_succeeded' } });
    expect(audit).toMatchObject({ actorId: null, ip: '203.0.113.7', userAgent: 'x'.repeat(512), createdAt: now });
    expect(JSON.parse(audit.metadata)).toEqual({ sessionId: rows.session.id, methods: ['pwd'] });
    // A time-ordered id, as Prisma's uuid(7) makes: version 7, variant 10, the instant's milliseconds first.
    expect(audit.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(audit.id.replace(/-/g, '').slice(0, 12), 16)).toBe(now.getTime());
  });

  it('writes nothing when a part fails, and notifies only what it committed', async () => {
    const t = await createTestApp();
    const listener = new pg.Client(parseIntoClientConfig(t.config.database.url));
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    try {
      await listener.query(`LISTEN ${AUTH_CHANGES_CHANNEL}`);
      const user = await createUser(t.deps);
      // A user deleted between the password check and the write: the session's foreign key fails.
      const gone = rowsFor(t, 'no-such-user', new Date()).rows;
      await expect(writeSignIn(t.deps.prisma, gone)).rejects.toThrow();
      expect(await t.deps.prisma.session.count({ where: { id: gone.session.id } })).toBe(0);
      expect(await t.deps.prisma.auditEvent.count({ where: { userId: 'no-such-user' } })).toBe(0);

      await writeSignIn(t.deps.prisma, rowsFor(t, user.id, new Date()).rows);
      await expect.poll(() => heard).toEqual([`u:${user.id}`]);
    } finally {
      await listener.end();
    }
  });
});
