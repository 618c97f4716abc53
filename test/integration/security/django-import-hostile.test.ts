/**
 * Issue 10 item 12: a Django dump is data, not a grant of power and not a cost we must pay.
 * - Hashes whose parameters cost more than a login can afford are refused at import (the user is
 *   imported without a password, the report says why) and, found in the database, answered as a
 *   wrong password without being computed.
 * - Permissions in Gatehouse's built-in namespaces and a group named Root are skipped, with the
 *   grants and memberships pointing at them.
 * - Imported addresses are verified only when the import is told so.
 * The CLI runs as a process (as an operator runs it); sign-ins go through GraphQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pbkdf2Sync } from 'node:crypto';
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { runProcess } from '../../helpers/server-process.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';
import { createUser } from '../../helpers/factories.js';
import { login } from '../../helpers/accounts.js';

const SALT_AND_HASH = 'c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';
/** Within every cap: Django's own test vector (password "lètmein"). */
const GOOD_HASH = 'pbkdf2_sha256$12000$seasalt$Ybw8zsFxqja97tY/o6G+Fy1ksY4U/Hw3DRrGED6Up4s=';

const djangoUser = (pk: number, email: string, fields: Record<string, unknown> = {}) => ({
  model: 'auth.user',
  pk,
  fields: {
    username: `u${pk}`,
    email,
    password: GOOD_HASH,
    is_active: true,
    is_staff: false,
    is_superuser: false,
    groups: [],
    user_permissions: [],
    ...fields,
  },
});

// Each import is a fresh tsx process: seconds on a busy machine.
describe('hostile Django dumps', { timeout: 120_000 }, () => {
  let t: TestApp;
  let dir: string;
  const importDump = (name: string, rows: unknown[], ...args: string[]) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(rows));
    return runProcess(['src/cli/index.ts', 'import-django', file, ...args], { ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false' });
  };
  const userByEmail = (email: string) =>
    t.deps.prisma.user.findUniqueOrThrow({
      where: { email },
      include: { groups: { include: { group: true } }, permissions: { include: { permission: true } } },
    });

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-dump-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses hashes over the cost caps at import, saying why, and keeps the user without a password', async () => {
    const costly = {
      'argon2-native@example.com': `$argon2id$v=19$m=4194304,t=100,p=1$${SALT_AND_HASH}`,
      'argon2-django@example.com': `argon2$argon2id$v=19$m=4194304,t=100,p=1$${SALT_AND_HASH}`,
      'argon2-passes@example.com': `argon2$argon2id$v=19$m=65536,t=1000,p=4$${SALT_AND_HASH}`,
      'bcrypt@example.com': 'bcrypt_sha256$$2b$17$MdHe3U0NCPeDWjzSk8Jtre7RMebHaQiIeyma71RhsESAW0RZNw9Ge',
      'pbkdf2@example.com': 'pbkdf2_sha256$99999999$seasalt$Ybw8zsFxqja97tY/o6G+Fy1ksY4U/Hw3DRrGED6Up4s=',
    };
    const rows = [...Object.entries(costly).map(([email, password], i) => djangoUser(100 + i, email, { password })), djangoUser(110, 'fine@example.com')];
    const result = await importDump('costly', rows);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('users:       6 created');
    expect(result.stdout).toContain(
      'auth.user pk=100 (u100): password hash refused (argon2 memory m=4194304 KiB is over the cap of 262144 KiB): imported without a password (reset needed)',
    );
    expect(result.stdout).toContain('auth.user pk=101 (u101): password hash refused (argon2 memory m=4194304 KiB');
    expect(result.stdout).toContain('auth.user pk=102 (u102): password hash refused (argon2 passes t=1000 are over the cap of 16)');
    expect(result.stdout).toContain('auth.user pk=103 (u103): password hash refused (bcrypt cost 17 is over the cap of 12)');
    expect(result.stdout).toContain('auth.user pk=104 (u104): password hash refused (PBKDF2 iterations 99999999 are over the cap of 2000000)');
    expect(result.stdout).not.toContain(SALT_AND_HASH);
    for (const email of Object.keys(costly)) expect((await userByEmail(email)).passwordHash, email).toBeNull();
    expect((await userByEmail('fine@example.com')).passwordHash).toBe(GOOD_HASH);
  });

  it('answers a stored hash over the caps as a wrong password, even with the right password', async () => {
    const password = 'the right password, all along';
    // Over the caps yet cheap to compute (9 lanes; 17 passes; PBKDF2 just past the cap): a
    // successful sign-in would prove the hash was computed.
    const overCaps = [
      await argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 9 }),
      `argon2${await argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 17, parallelism: 1 })}`,
      `pbkdf2_sha256$2000001$seasalt$${pbkdf2Sync(password, 'seasalt', 2_000_001, 32, 'sha256').toString('base64')}`,
    ];
    for (const passwordHash of overCaps) {
      const user = await createUser(t.deps, { password: null });
      await t.deps.prisma.user.update({ where: { id: user.id }, data: { passwordHash } });
      const answer = await login(t, user.email, password);
      expect(errorCode(answer), passwordHash.slice(0, 20)).toBe('INVALID_CREDENTIALS');
      const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'auth.login_failed', userId: user.id } });
      expect(JSON.parse(audit.metadata)).toMatchObject({ reason: 'wrong_password' });
      expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(passwordHash);
    }
    // At the caps it still signs in (and is upgraded).
    const atCaps = await createUser(t.deps, { password: null });
    await t.deps.prisma.user.update({
      where: { id: atCaps.id },
      data: { passwordHash: await argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 16, parallelism: 8 }) },
    });
    expect((await login(t, atCaps.email, password)).data?.login).toBeTruthy();
  });

  it("skips Gatehouse's built-in permissions and the Root group, with the grants and memberships that point at them", async () => {
    const rootBefore = await t.deps.prisma.group.findUniqueOrThrow({ where: { name: 'Root' }, include: { users: true, permissions: true } });
    const builtInBefore = await t.deps.prisma.permission.count();
    const rows = [
      { model: 'auth.permission', pk: 1, fields: { codename: 'delete_user', name: 'Can delete user', content_type: ['users', 'user'] } },
      { model: 'auth.permission', pk: 2, fields: { codename: 'impersonate_session', name: 'Can impersonate', content_type: ['sessions', 'session'] } },
      { model: 'auth.permission', pk: 3, fields: { codename: 'publish_post', name: 'Can publish post', content_type: ['blog', 'post'] } },
      { model: 'auth.group', pk: 1, fields: { name: 'Root', permissions: [['delete_user', 'users', 'user']] } },
      {
        model: 'auth.group',
        pk: 2,
        fields: {
          name: 'editors',
          permissions: [
            ['publish_post', 'blog', 'post'],
            ['delete_user', 'users', 'user'],
            ['change_group', 'groups', 'group'],
          ],
        },
      },
      djangoUser(200, 'mallory@example.com', {
        groups: [['Root'], ['editors'], 1],
        user_permissions: [['delete_user', 'users', 'user'], 2, ['add_permission', 'permissions', 'permission']],
      }),
    ];
    const result = await importDump('reserved', rows);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('groups:      1 created');
    expect(out).toMatch(
      /auth\.permission pk=1 \(delete_user\): users\.delete_user is in a Gatehouse built-in permission namespace \(users\.\*, groups\.\*, permissions\.\*, sessions\.\*, audit\.\*, webhooks\.\*\)/,
    );
    expect(out).toContain('auth.permission pk=2 (impersonate_session): sessions.impersonate_session is in a Gatehouse built-in permission namespace');
    expect(out).toContain('auth.group pk=1 (Root): the group name Root is reserved for Gatehouse superusers');
    expect(out).toContain('auth.group pk=2 (editors): grant of users.delete_user left out');
    expect(out).toContain('auth.group pk=2 (editors): grant of groups.change_group left out');
    expect(out).toContain('auth.user pk=200 (u200): membership of Root left out');
    expect(out).toContain('auth.user pk=200 (u200): grant of users.delete_user left out');
    expect(out).toContain('auth.user pk=200 (u200): grant of sessions.impersonate_session left out');
    expect(out).toContain('auth.user pk=200 (u200): grant of permissions.add_permission left out');

    const mallory = await userByEmail('mallory@example.com');
    expect(mallory.groups.map((g) => g.group.name)).toEqual(['editors']);
    expect(mallory.permissions).toEqual([]);
    const editors = await t.deps.prisma.group.findUniqueOrThrow({ where: { name: 'editors' }, include: { permissions: { include: { permission: true } } } });
    expect(editors.permissions.map((p) => p.permission.codename)).toEqual(['blog.publish_post']);
    expect(await t.deps.prisma.permission.count()).toBe(builtInBefore + 1);
    expect(await t.deps.prisma.permission.findMany({ where: { codename: { startsWith: 'sessions.' }, builtIn: false } })).toEqual([]);
    const rootAfter = await t.deps.prisma.group.findUniqueOrThrow({ where: { name: 'Root' }, include: { users: true, permissions: true } });
    expect(rootAfter).toEqual(rootBefore);
    // Also in another case, which apps comparing names loosely would take for Root.
    const lower = await importDump('root-lower', [{ model: 'auth.group', pk: 1, fields: { name: ' root ', permissions: [] } }]);
    expect(lower.stdout).toContain('auth.group pk=1 (root): the group name Root is reserved for Gatehouse superusers');
    expect(await t.deps.prisma.group.count({ where: { name: { in: ['root', ' root '] } } })).toBe(0);
  });

  it('marks imported addresses verified only when told: the flag or the options file', async () => {
    const unverified = await importDump('default', [djangoUser(300, 'plain@example.com')]);
    expect(unverified.stdout).toContain('addresses:   created unverified');
    expect((await userByEmail('plain@example.com')).emailVerifiedAt).toBeNull();
    expect(errorCode(await login(t, 'plain@example.com', 'lètmein'))).toBe('EMAIL_NOT_VERIFIED');

    const flagged = await importDump('flag', [djangoUser(301, 'flagged@example.com')], '--email-verified');
    expect(flagged.stdout).toContain('addresses:   created as verified');
    expect((await userByEmail('flagged@example.com')).emailVerifiedAt).not.toBeNull();
    expect((await login(t, 'flagged@example.com', 'lètmein')).data?.login).toBeTruthy();

    const options = join(dir, 'options.json');
    writeFileSync(options, JSON.stringify({ emailVerified: true }));
    const fromFile = await importDump('file', [djangoUser(302, 'optioned@example.com')], '--options', options);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect((await userByEmail('optioned@example.com')).emailVerifiedAt).not.toBeNull();
  });
});
