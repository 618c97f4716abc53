/**
 * Issue 12: on PostgreSQL a registration writes the user, the verification code, its email and the
 * audit row in one statement (src/account/register-statement-postgresql.ts) instead of an
 * interactive transaction: one round trip instead of six. The statement is hand-written, so these
 * tests hold what it writes and answers to what Prisma reads, the code and link it issues to what
 * verification accepts, the schema's defaults, the account without an address, and the
 * all-or-nothing of a lost race (register-statements.test.ts counts the statements).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { register } from '../../../src/account/register.js';
import { PASSWORD, uniqueEmail, VERIFY_EMAIL } from '../../helpers/accounts.js';
import { createTestApp, TestClock } from '../../helpers/test-app.js';

const onPostgres = process.env['DATABASE_URL']?.startsWith('postgres') ?? false;
const SCHEMA = fileURLToPath(new URL('../../fixtures/attributes/schema.json', import.meta.url));
const WITH_TOKEN = 'mutation ($token: String!) { verifyEmailWithToken(token: $token) { id emailVerified } }';
const device = { ip: '203.0.113.9', userAgent: 'y'.repeat(600) };

describe.runIf(onPostgres)('the PostgreSQL registration statement', () => {
  it('writes every column given, the schema defaults for the rest, and answers the user as Prisma reads it', async () => {
    const clock = new TestClock(new Date('2026-07-08T09:10:11.123Z'));
    const t = await createTestApp({ clock, env: { USER_ATTRIBUTES_SCHEMA: SCHEMA } });
    const email = uniqueEmail('stmt');
    const profile = {
      username: 'stmt_user',
      pictureUrl: 'https://example.test/p.png',
      organizationName: 'Org',
      organizationType: 'NGO',
      country: 'NZ',
      signatureName: 'G. H.',
      signatureRole: 'Admiral',
      locale: 'es',
    };
    const before = Date.now();
    const user = await register(
      t.deps,
      { email, password: PASSWORD, firstName: 'Grace', lastName: 'Hopper', ...profile, attributes: { plate: 'AB-12' } },
      device,
    );
    const stored = await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(user).toEqual(stored);
    expect(stored).toMatchObject({
      email,
      firstName: 'Grace',
      lastName: 'Hopper',
      ...profile,
      attributes: '{"plate":"AB-12"}',
      role: 'USER',
      isActive: true,
      isStaff: false,
      isSuperuser: false,
      mfaEnabled: false,
      emailVerifiedAt: null,
      lastLoginAt: null,
      notes: null,
      passwordChangedAt: clock.now(),
      createdAt: clock.now(),
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
    // Time-ordered ids, as Prisma's uuid(7) makes: version 7, variant 10, the instant's milliseconds first.
    const v7At = (id: string) => {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    };
    expect(v7At(user.id)).toBe(clock.now().getTime());

    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: 'auth.registered' } });
    expect(audit).toMatchObject({ actorId: null, ip: device.ip, userAgent: 'y'.repeat(512), metadata: '{}', createdAt: clock.now() });
    expect(v7At(audit.id)).toBe(clock.now().getTime());
    const token = await t.deps.prisma.oneTimeToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(token).toMatchObject({ purpose: 'EMAIL_VERIFICATION', attempts: 0, consumedAt: null, createdAt: clock.now() });
    expect(token.expiresAt.getTime() - clock.now().getTime()).toBe(t.config.accounts.codeTtlSeconds * 1000);
    const mail = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(mail).toMatchObject({
      template: 'verification_code',
      locale: 'es',
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: clock.now(),
      createdAt: clock.now(),
    });
    expect(v7At(mail.id)).toBe(clock.now().getTime());

    // The code in the email is the one the row's digest holds: verification accepts it.
    const { code } = JSON.parse(mail.payload) as { code: string };
    const verified = await t.graphql<{ verifyEmail: { id: string; emailVerified: boolean } }>(VERIFY_EMAIL, { email, code });
    expect(verified.data?.verifyEmail).toEqual({ id: user.id, emailVerified: true });
  });

  it('issues a link that verifyEmailWithToken accepts', async () => {
    const t = await createTestApp();
    const email = uniqueEmail('stmt-link');
    const user = await register(t.deps, { email, password: PASSWORD, firstName: 'A', lastName: 'B' }, device);
    const mail = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: email } });
    const url = new URL((JSON.parse(mail.payload) as { url: string }).url);
    const link = decodeURIComponent(url.searchParams.get('token') ?? url.pathname.split('/').pop()!);
    expect((await t.graphql(WITH_TOKEN, { token: link })).data).toEqual({ verifyEmailWithToken: { id: user.id, emailVerified: true } });
  });

  it('an account without an address: the user and the audit row, no code and no email', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'both' } });
    const user = await register(t.deps, { email: null, username: 'no_address', password: PASSWORD, firstName: 'A', lastName: 'B' }, device);
    expect(user).toEqual(await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } }));
    expect(user.email).toBeNull();
    expect(await t.deps.prisma.oneTimeToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'auth.registered' } })).toBe(1);
  });

  it('a lost race on the username writes nothing of the loser: one user, one code, one email, one audit row', async () => {
    const t = await createTestApp();
    const emails = Array.from({ length: 4 }, () => uniqueEmail('stmt-race'));
    // Different addresses, one username: every one passes the check before hashing, and the
    // statements' INSERTs decide.
    const results = await Promise.allSettled(
      emails.map((email) => register(t.deps, { email, username: 'raced_name', password: PASSWORD, firstName: 'A', lastName: 'B' }, device)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code?: string }).code)).toEqual([
      'USERNAME_TAKEN',
      'USERNAME_TAKEN',
      'USERNAME_TAKEN',
    ]);
    const userId = (won[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    expect(await t.deps.prisma.user.count({ where: { email: { in: emails } } })).toBe(1);
    expect(await t.deps.prisma.oneTimeToken.count({ where: { user: { email: { in: emails } } } })).toBe(1);
    expect(await t.deps.prisma.outboxEmail.count({ where: { to: { in: emails } } })).toBe(1);
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'auth.registered', OR: [{ userId }, { userId: null }] } })).toBe(1);
  });
});
