/**
 * The user management commands, run as an operator would (separate processes, piped input or a
 * terminal), checked against the database afterwards. Runs on SQLite, or PostgreSQL when
 * DATABASE_URL names one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/server-process.js';
import { runOnTerminal } from '../helpers/pty.js';
import { createTestApp, TEST_ENV, type TestApp } from '../helpers/test-app.js';
import { createSession } from '../../src/auth/sessions/create-session.js';

const PASSWORD = 'plum orchard at dawn 7';

// Each command is a fresh tsx process (several seconds on a busy 2-core machine).
describe('user management commands', { timeout: 180_000 }, () => {
  let t: TestApp;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    // The database is migrated already, and the test holds it open (the schema engine would wait for its lock).
    env = { ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false' };
  });

  const cli = (args: string[], input?: string, extra: Record<string, string> = {}) => runProcess(['src/cli/index.ts', ...args], { ...env, ...extra }, input);
  const user = (email: string) => t.deps.prisma.user.findUnique({ where: { email }, include: { groups: { include: { group: true } } } });

  it('createsuperuser asks on a terminal, masks the password, and puts the superuser in Root', async () => {
    const result = await runOnTerminal(['src/cli/index.ts', 'createsuperuser'], env, [
      ['Email address', 'Root@Example.com'],
      ['Username', 'root'],
      ['First name', 'Ada'],
      ['Last name', 'Admin'],
      ['Password:', PASSWORD],
      ['Password (again)', PASSWORD],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Superuser created: root@example.com');
    expect(result.output).not.toContain(PASSWORD);
    const created = await user('root@example.com');
    expect(created).toMatchObject({ username: 'root', firstName: 'Ada', isSuperuser: true, isStaff: true, role: 'ADMIN' });
    expect(created?.groups.map((g) => g.group.name)).toEqual(['Root']);
    expect(await t.deps.passwords.verify(created!.passwordHash!, PASSWORD)).toBe(true);
  });

  it('createuser from piped input asks again after a mismatch and a rejected password', async () => {
    const input = ['pipe@example.com', '', '', '', 'one password', 'another one', '12345678', '12345678', PASSWORD, PASSWORD, ''].join('\n');
    const result = await cli(['createuser'], input);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("didn't match");
    expect(result.stderr).toContain('entirely numeric');
    expect(await user('pipe@example.com')).toMatchObject({ role: 'USER', isStaff: false, isSuperuser: false });
  });

  it('createstaffuser --no-input takes flags and GATEHOUSE_PASSWORD', async () => {
    const result = await cli(['createstaffuser', '--no-input', '--email', 'staff@example.com', '--first-name', 'Sam'], undefined, {
      GATEHOUSE_PASSWORD: PASSWORD,
    });
    expect(result.code, result.stderr).toBe(0);
    const created = await user('staff@example.com');
    expect(created).toMatchObject({ role: 'STAFF', isStaff: true, isSuperuser: false, firstName: 'Sam' });
    expect(await t.deps.passwords.verify(created!.passwordHash!, PASSWORD)).toBe(true);
  });

  it('fails clearly, non-zero, and creates nothing on bad input', async () => {
    const weak = await cli(['createuser', '--no-input', '--email', 'weak@example.com'], undefined, { GATEHOUSE_PASSWORD: 'password' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('GATEHOUSE_PASSWORD is not acceptable');
    expect(await user('weak@example.com')).toBeNull();
    const taken = await cli(['createuser', '--no-input', '--email', 'staff@example.com'], undefined, { GATEHOUSE_PASSWORD: PASSWORD });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already exists');
    const badEmail = await cli(['createuser', '--no-input', '--email', 'not-an-email']);
    expect(badEmail.code).toBe(2);
    const unknown = await cli(['createuser', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage:');
  });

  it('initdefaultadmin creates a superuser only when none exists, and warns', async () => {
    const fresh = await createTestApp();
    try {
      const freshEnv = { DATABASE_URL: fresh.db.url, MIGRATE_ON_START: 'false', DEFAULT_ADMIN_EMAIL: 'first@example.com', DEFAULT_ADMIN_PASSWORD: PASSWORD };
      const first = await runProcess(['src/cli/index.ts', 'initdefaultadmin'], { ...TEST_ENV, ...freshEnv });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain('change this password');
      const again = await runProcess(['src/cli/index.ts', 'initdefaultadmin'], { ...TEST_ENV, ...freshEnv, DEFAULT_ADMIN_EMAIL: 'second@example.com' });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('already exists');
      expect(await fresh.deps.prisma.user.findMany({ where: { isSuperuser: true }, select: { email: true } })).toEqual([{ email: 'first@example.com' }]);
    } finally {
      await fresh.close();
    }
  });

  it('changepassword sets the password and ends sessions; revokesessions ends them; listusers lists', async () => {
    const target = (await user('staff@example.com'))!;
    const session = await createSession(t.deps, target.id, { ip: null, userAgent: null });
    const NEW = 'lantern over the harbour 3';
    const changed = await cli(['changepassword', '--email', 'staff@example.com'], `${NEW}\n${NEW}\n`);
    expect(changed.code, changed.stderr).toBe(0);
    const after = (await user('staff@example.com'))!;
    expect(await t.deps.passwords.verify(after.passwordHash!, NEW)).toBe(true);
    expect((await t.deps.prisma.session.findUniqueOrThrow({ where: { id: session.session.id } })).revokedAt).not.toBeNull();

    await createSession(t.deps, target.id, { ip: null, userAgent: null });
    const revoked = await cli(['revokesessions', '--email', 'staff@example.com']);
    expect(revoked.stdout).toContain('1 session(s)');
    expect(await t.deps.prisma.session.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    const missing = await cli(['revokesessions', '--email', 'nobody@example.com']);
    expect(missing.code).toBe(1);

    const listed = await cli(['listusers']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/root@example\.com\s+ADMIN\s+yes\s+yes/);
    expect(listed.stdout).toMatch(/staff@example\.com\s+STAFF/);
  });
});
