/**
 * Issue 15, item 11: management commands on a fresh database. `import-django` (and `--dry-run`)
 * stopped with "The table `main.Permission` does not exist" and a stack trace on a new SQLite
 * file, because it opened the database without applying the migrations every other command
 * applies. The dump here is produced by real Django (Debian's python3-django) in the test run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { runProcess } from '../../helpers/server-process.js';
import { createTestApp, TEST_ENV } from '../../helpers/test-app.js';
import { LOGIN } from '../../helpers/accounts.js';
import { PYTHON, pythonHas } from '../../helpers/debian-python.js';

const MAKE_DUMP = fileURLToPath(new URL('../../fixtures/django/make_dump.py', import.meta.url));
const hasDjango = pythonHas(['django'], 'the real-Django import test');

const isPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');
const dir = mkdtempSync(join(tmpdir(), 'gatehouse-fresh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(isPostgres)('management commands on a fresh SQLite file', () => {
  it.skipIf(!hasDjango)('imports a dump made by real Django into a new file; its users then sign in', { timeout: 180_000 }, async () => {
    const dump = join(dir, 'dump.json');
    execFileSync(PYTHON, [MAKE_DUMP, dir, dump]);

    const dry = await runProcess(['src/cli/index.ts', 'import-django', dump, '--dry-run'], { ...TEST_ENV, DATABASE_URL: `file:${join(dir, 'dry.db')}` });
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/users:\s+4 created/);
    // #15 item 1: with LOGIN_IDENTIFIERS=email (the default) the user without an email is skipped, saying why.
    expect(dry.stdout).toContain('auth.user pk=5 (pedro): no email (LOGIN_IDENTIFIERS=email');

    const file = join(dir, 'fresh.db');
    const imported = await runProcess(['src/cli/index.ts', 'import-django', dump, '--email-verified'], { ...TEST_ENV, DATABASE_URL: `file:${file}` });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/groups:\s+1 created/);

    const t = await createTestApp({ env: { DATABASE_URL: `file:${file}` } });
    const ana = await t.graphql<{ login: { accessToken: string } }>(LOGIN, { email: 'ana@example.com', password: 'cielo despejado 42' });
    expect(ana.errors).toBeUndefined();
    const row = await t.deps.prisma.user.findUniqueOrThrow({ where: { email: 'ana@example.com' }, include: { groups: { include: { group: true } } } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.groups.map((g) => g.group.name)).toEqual(['Supervisors']);
    expect(await t.deps.prisma.permission.count({ where: { codename: 'auth.approve_workorder' } })).toBe(1);
    expect(errorCode(await t.graphql(LOGIN, { email: 'luis@example.com', password: 'montaña alta 7' }))).toBe('ACCOUNT_DISABLED');
    const root = await t.deps.prisma.user.findUniqueOrThrow({ where: { email: 'root@example.com' } });
    expect(root).toMatchObject({ isSuperuser: true, isStaff: true });
  });

  // #15 item 1: Django's username-only users (an empty email) were always skipped; where usernames
  // sign in they are imported without an address and sign in by username with their Django password.
  it.skipIf(!hasDjango)('imports a real Django user without an email where usernames sign in; it signs in by username', { timeout: 180_000 }, async () => {
    const dump = join(dir, 'dump-usernames.json');
    execFileSync(PYTHON, [MAKE_DUMP, mkdtempSync(join(dir, 'django-')), dump]);
    const file = join(dir, 'usernames.db');
    const env = { ...TEST_ENV, DATABASE_URL: `file:${file}`, LOGIN_IDENTIFIERS: 'username' };
    const imported = await runProcess(['src/cli/index.ts', 'import-django', dump], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/users:\s+5 created, 0 existing \(left unchanged\), 0 skipped/);

    const t = await createTestApp({ env: { DATABASE_URL: `file:${file}`, LOGIN_IDENTIFIERS: 'username' } });
    const pedro = await t.graphql<{ login: { user: { email: string | null } } }>(
      'mutation { login(identifier: "pedro", password: "camino largo 5") { ... on AuthPayload { user { email } } } }',
    );
    expect(pedro.errors).toBeUndefined();
    expect(pedro.data?.login.user.email).toBeNull();
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { username: 'pedro' } })).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it.each([['listusers'], ['createuser', '--email', 'new@example.com', '--no-input']])('%s works on a new file', { timeout: 60_000 }, async (...args) => {
    const result = await runProcess(['src/cli/index.ts', ...args], {
      ...TEST_ENV,
      DATABASE_URL: `file:${join(dir, `${args[0]}.db`)}`,
      GATEHOUSE_PASSWORD: 'plum orchard at dawn 7',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe.skipIf(!isPostgres)('management commands on a fresh PostgreSQL database (MIGRATE_ON_START off)', () => {
  it('say in one line what to run, with no stack trace', async () => {
    const t = await createTestApp();
    const name = `fresh_${Date.now()}`;
    await t.deps.prisma.$executeRawUnsafe(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(t.db.url);
      url.pathname = `/${name}`;
      for (const args of [['listusers'], ['import-django', fileURLToPath(new URL('../../fixtures/django/dumpdata-auth.json', import.meta.url))]]) {
        const result = await runProcess(['src/cli/index.ts', ...args], { ...TEST_ENV, DATABASE_URL: url.toString() });
        expect(result.code).toBe(1);
        expect(result.stderr.trim()).toBe(
          'gatehouse: the database has pending migrations: run `npm run gatehouse -- migrate` first (or set MIGRATE_ON_START=true)',
        );
      }
    } finally {
      await t.deps.prisma.$executeRawUnsafe(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });
});
