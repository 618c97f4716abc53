import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { closeDeps, createDeps } from '../../src/create-deps.js';
import type { Deps } from '../../src/deps.js';
import { runProcess } from '../helpers/server-process.js';
import { TEST_ENV } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/django/${name}`, import.meta.url));

/** Known passwords of the users in dumpdata-auth.json. */
const PASSWORDS: Record<string, string> = {
  'admin@example.com': 'lètmein', // pbkdf2_sha256 (Django's own test vector)
  'alice@example.com': 'password', // Django's argon2 wrapping of an argon2-cffi hash
  'bob@example.org': 'bob-secret-1', // bcrypt_sha256
  'carol@example.net': 'carol-pass', // unsalted SHA-256 hex
};

describe('npm run gatehouse -- import-django', () => {
  let db: TestDatabase;
  let deps: Deps;
  const gatehouse = (...args: string[]) => runProcess(['src/cli/index.ts', 'import-django', ...args], { ...TEST_ENV, DATABASE_URL: db.url });

  beforeAll(async () => {
    db = await createTestDatabase();
    deps = await createDeps(loadConfig({ ...TEST_ENV, DATABASE_URL: db.url, MIGRATE_ON_START: 'false' }));
  });
  afterAll(async () => {
    await closeDeps(deps);
    await db.drop();
  });

  it('a dry run reports what it would do and writes nothing', async () => {
    const result = await gatehouse(fixture('dumpdata-auth.json'), '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('DRY RUN: nothing was written.');
    expect(result.stdout).toContain('users:       6 created, 0 existing (left unchanged), 4 skipped');
    expect(await deps.prisma.user.count()).toBe(0);
    // Only the built-in permissions Gatehouse seeds itself.
    expect(await deps.prisma.permission.count({ where: { builtIn: false } })).toBe(0);
    expect(await deps.prisma.auditEvent.count()).toBe(0);
  });

  it('imports users, groups, permissions and links from natural-key dumpdata, reporting skipped rows', async () => {
    const result = await gatehouse(fixture('dumpdata-auth.json'));
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('permissions: 8 created, 0 existing');
    expect(out).toContain('groups:      2 created, 0 existing, 6 group permissions linked');
    expect(out).toContain('users:       6 created, 0 existing (left unchanged), 4 skipped');
    expect(out).toContain('ignored rows of other models: sessions.session (1)');
    expect(out).toContain('auth.user pk=5 (dave): no email (LOGIN_IDENTIFIERS=email signs in by address');
    expect(out).toContain('auth.user pk=6 (eve): invalid email "eve@localhost"');
    expect(out).toMatch(/auth\.user pk=7 \(frank\): duplicate email frank@example\.com \(also auth\.user pk=8 \(frank2\)\)/);
    expect(out).toMatch(/auth\.user pk=8 \(frank2\): duplicate email/);
    expect(out).toContain('auth.user pk=3 (bob): unknown group ["ghosts"] left out');
    expect(out).toContain('auth.user pk=10 (heidi): unsupported password hash "md5": imported without a password (reset needed)');
    // Never a password or hash in the output.
    expect(out).not.toMatch(/pbkdf2_sha256\$|c74a4cca|Sv2cWQ3/);

    const permissions = await deps.prisma.permission.findMany({ where: { builtIn: false }, orderBy: { codename: 'asc' } });
    expect(permissions.map((p) => p.codename)).toEqual([
      'admin.add_logentry',
      'admin.change_logentry',
      'blog.add_post',
      'blog.change_post',
      'blog.delete_comment',
      'blog.delete_post',
      'blog.publish_post',
      'blog.view_post',
    ]);
    expect(permissions.find((p) => p.codename === 'blog.publish_post')).toMatchObject({ name: 'Can publish post', builtIn: false });

    const users = await deps.prisma.user.findMany({
      orderBy: { email: 'asc' },
      include: { groups: { include: { group: true } }, permissions: { include: { permission: true } } },
    });
    expect(users.map((u) => u.email)).toEqual([
      'admin@example.com',
      'alice@example.com',
      'bob@example.org',
      'carol@example.net',
      'grace@example.com',
      'heidi@example.com',
    ]);
    const byEmail = Object.fromEntries(users.map((u) => [u.email!, u]));
    expect(byEmail['admin@example.com']).toMatchObject({
      username: 'admin',
      firstName: 'Site',
      lastName: 'Admin',
      role: 'ADMIN',
      isSuperuser: true,
      isStaff: true,
      isActive: true,
      lastLoginAt: new Date('2024-11-03T09:15:02.512Z'),
      createdAt: new Date('2019-04-01T12:00:00Z'),
    });
    // Django never verified the addresses: unverified unless the import is told otherwise (--email-verified).
    expect(users.map((u) => u.emailVerifiedAt)).toEqual(users.map(() => null));
    expect(out).toContain('addresses:   created unverified');
    expect(byEmail['alice@example.com']).toMatchObject({ role: 'STAFF', lastLoginAt: new Date('2024-10-30T16:01:44Z') });
    expect(byEmail['alice@example.com']!.groups.map((g) => g.group.name)).toEqual(['editors']);
    expect(byEmail['alice@example.com']!.permissions.map((p) => p.permission.codename)).toEqual(['blog.delete_post']);
    // A naive datetime (USE_TZ = False) is taken as UTC.
    expect(byEmail['bob@example.org']).toMatchObject({ role: 'USER', createdAt: new Date('2021-07-07T07:07:07Z'), lastLoginAt: null });
    expect(byEmail['bob@example.org']!.groups.map((g) => g.group.name).sort()).toEqual(['editors', 'moderators']);
    expect(byEmail['carol@example.net']).toMatchObject({ isActive: false });
    // Unusable and unsupported passwords become "no password": those users reset it.
    expect(byEmail['grace@example.com']!.passwordHash).toBeNull();
    expect(byEmail['heidi@example.com']!.passwordHash).toBeNull();

    const editors = await deps.prisma.group.findUniqueOrThrow({ where: { name: 'editors' }, include: { permissions: { include: { permission: true } } } });
    expect(editors.permissions.map((p) => p.permission.codename).sort()).toEqual(['blog.add_post', 'blog.change_post', 'blog.publish_post', 'blog.view_post']);
    const audit = await deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'cli.import_django' } });
    expect(JSON.parse(audit.metadata)).toMatchObject({ source: 'dumpdata-auth.json', users: { created: 6, existing: 0, skipped: 4 } });
  });

  it('keeps the Django hashes, which verify with the known passwords and ask to be upgraded', async () => {
    for (const [email, password] of Object.entries(PASSWORDS)) {
      const { passwordHash } = await deps.prisma.user.findUniqueOrThrow({ where: { email } });
      expect(passwordHash, email).not.toBeNull();
      expect(await deps.passwords.verify(passwordHash!, password), email).toBe(true);
      expect(await deps.passwords.verify(passwordHash!, `${password}!`), email).toBe(false);
      expect(deps.passwords.needsRehash(passwordHash!), email).toBe(true);
    }
    // What the login flow does next: the upgraded hash is argon2id at current parameters.
    const upgraded = await deps.passwords.hash(PASSWORDS['bob@example.org']!);
    expect(upgraded).toMatch(/^\$argon2id\$/);
    expect(deps.passwords.needsRehash(upgraded)).toBe(false);
    expect(createHash('sha256').update('carol-pass').digest('hex')).toBe(
      (await deps.prisma.user.findUniqueOrThrow({ where: { email: 'carol@example.net' } })).passwordHash,
    );
  });

  it('is idempotent: a second run creates nothing and leaves existing users as they are', async () => {
    // A user who has since signed in to Gatehouse and changed their password keeps it.
    const newHash = await deps.passwords.hash('a brand new password');
    await deps.prisma.user.update({ where: { email: 'alice@example.com' }, data: { passwordHash: newHash, firstName: 'Alicia' } });
    const before = await Promise.all([
      deps.prisma.user.count(),
      deps.prisma.userGroup.count(),
      deps.prisma.groupPermission.count(),
      deps.prisma.userPermission.count(),
    ]);

    const result = await gatehouse(fixture('dumpdata-auth.json'), '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      permissions: { created: 0, existing: 8 },
      groups: { created: 0, existing: 2 },
      groupPermissionLinks: { created: 0 },
      users: { created: 0, existing: 6, skipped: 4 },
      dryRun: false,
    });
    const after = await Promise.all([
      deps.prisma.user.count(),
      deps.prisma.userGroup.count(),
      deps.prisma.groupPermission.count(),
      deps.prisma.userPermission.count(),
    ]);
    expect(after).toEqual(before);
    expect(await deps.prisma.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } })).toMatchObject({ passwordHash: newHash, firstName: 'Alicia' });
  });

  it('resolves primary-key references through the dump (contenttypes included) and reports what it cannot', async () => {
    const result = await gatehouse(fixture('dumpdata-ids.json'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('auth.permission pk=42 (orphan): unknown content type 99');
    expect(result.stdout).toContain('auth.group pk=5 (support): unknown permission 42 left out');
    expect(result.stdout).toContain('auth.user pk=11 (ivan): unknown group 6 left out');
    const ivan = await deps.prisma.user.findUniqueOrThrow({
      where: { email: 'ivan@example.com' },
      include: {
        groups: { include: { group: { include: { permissions: { include: { permission: true } } } } } },
        permissions: { include: { permission: true } },
      },
    });
    expect(ivan.groups.map((g) => g.group.name)).toEqual(['support']);
    expect(ivan.groups[0]!.group.permissions.map((p) => p.permission.codename).sort()).toEqual(['shop.refund_order', 'shop.view_order']);
    expect(ivan.permissions.map((p) => p.permission.codename)).toEqual(['shop.view_order']);
    expect(await deps.passwords.verify(ivan.passwordHash!, 'not a password')).toBe(true);
  });

  it('imports a custom user model with email as username through an options file', async () => {
    const result = await gatehouse(fixture('custom-user.json'), '--options', fixture('custom-user.options.json'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('users:       1 created, 0 existing (left unchanged), 0 skipped');
    const judy = await deps.prisma.user.findUniqueOrThrow({ where: { email: 'judy@example.com' }, include: { groups: { include: { group: true } } } });
    expect(judy).toMatchObject({ username: null, firstName: 'Judy', lastName: 'Hopps', organizationName: 'ZPD', emailVerifiedAt: null, role: 'USER' });
    expect(judy.groups.map((g) => g.group.name)).toEqual(['customers']);
    expect(await deps.passwords.verify(judy.passwordHash!, 'lètmein')).toBe(true);
  });

  // #15 item 2: a status column 0/1/3 mapped through valueMaps; extra columns into attributes,
  // checked against USER_ATTRIBUTES_SCHEMA (a plate that is a number is left out, with a warning).
  it('maps a status column and extra columns into the flag and attributes through value maps', async () => {
    const schema = fileURLToPath(new URL('../fixtures/attributes/schema.json', import.meta.url));
    const result = await runProcess(['src/cli/index.ts', 'import-django', fixture('status-user.json'), '--options', fixture('status-user.options.json')], {
      ...TEST_ENV,
      DATABASE_URL: db.url,
      USER_ATTRIBUTES_SCHEMA: schema,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('accounts.member pk=3: attributes left out (attributes.plate: invalid)');
    const users = await deps.prisma.user.findMany({
      where: { email: { in: ['on@example.com', 'off@example.com', 'banned@example.com'] } },
      orderBy: { email: 'asc' },
    });
    expect(users.map((u) => [u.email, u.isActive, JSON.parse(u.attributes) as unknown])).toEqual([
      ['banned@example.com', false, {}],
      ['off@example.com', false, { plate: 'CD-456', tier: 'silver' }],
      ['on@example.com', true, { plate: 'AB-123', tier: 'gold' }],
    ]);
  });

  // One process each, so each case has the whole test timeout (tsx start-up is seconds on a busy machine).
  it.each([
    [[], /usage: npm run gatehouse -- import-django FILE/],
    [['/nonexistent.json'], /cannot read \/nonexistent\.json \(ENOENT\)/],
    [[fixture('custom-user.options.json')], /not a dumpdata document/],
    [[fixture('dumpdata-auth.json'), '--options', fixture('dumpdata-auth.json')], /invalid options/],
    [[fixture('dumpdata-auth.json'), '--bogus'], /Unknown option '--bogus'/],
  ] as [string[], RegExp][])('fails with one clear line and writes nothing: %j', async (args, message) => {
    const count = await deps.prisma.auditEvent.count();
    const result = await gatehouse(...args);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await deps.prisma.auditEvent.count()).toBe(count);
  });
});

// #15 item 1: a Django user with an empty email (dave, pk=5) was always skipped ("no email"). Where
// usernames sign in it is imported without an address, matched by username on a second run; with
// LOGIN_IDENTIFIERS=email (above) it is still skipped, the reason saying why.
describe('import-django where usernames sign in (LOGIN_IDENTIFIERS=username)', () => {
  let db: TestDatabase;
  let deps: Deps;
  const env = () => ({ ...TEST_ENV, DATABASE_URL: db.url, LOGIN_IDENTIFIERS: 'username' });
  const gatehouse = (...args: string[]) => runProcess(['src/cli/index.ts', 'import-django', ...args], env());

  beforeAll(async () => {
    db = await createTestDatabase();
    deps = await createDeps(loadConfig({ ...env(), MIGRATE_ON_START: 'false' }));
  });
  afterAll(async () => {
    await closeDeps(deps);
    await db.drop();
  });

  it('imports a user with an empty email without an address, once; two users sharing an address are still both skipped', async () => {
    const result = await gatehouse(fixture('dumpdata-auth.json'), '--email-verified');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('users:       7 created, 0 existing (left unchanged), 3 skipped');
    expect(result.stdout).not.toContain('(dave)');
    expect(result.stdout).toMatch(/auth\.user pk=7 \(frank\): duplicate email frank@example\.com/);
    const dave = await deps.prisma.user.findUniqueOrThrow({ where: { username: 'dave' } });
    // --email-verified has no address to vouch for here.
    expect(dave).toMatchObject({ email: null, emailVerifiedAt: null, firstName: 'Dave', isActive: true });
    expect(dave.passwordHash).toMatch(/^pbkdf2_sha256\$/);

    const again = await gatehouse(fixture('dumpdata-auth.json'), '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ users: { created: 0, existing: 7, skipped: 3 } });
    expect(await deps.prisma.user.count({ where: { email: null } })).toBe(1);
  });
});
