/**
 * Issue 15, item 1: the user commands and accounts without an email address. Where usernames sign
 * in, createuser takes --username without --email, and changepassword / revokesessions find the
 * account by --username (before, every command required and printed an address); with
 * LOGIN_IDENTIFIERS=email an address stays required. Separate processes on the test's database.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../helpers/server-process.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';

const PASSWORD = 'plum orchard at dawn 7';

// Each command is a fresh tsx process (several seconds on a busy 2-core machine).
describe('user commands and accounts without an address', { timeout: 180_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username' } });
  });

  const cli = (args: string[], extra: Record<string, string> = {}) =>
    runProcess(['src/cli/index.ts', ...args], { ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false', LOGIN_IDENTIFIERS: 'username', ...extra });

  it('createuser --username without --email, then changepassword and listusers by username', async () => {
    const created = await cli(['createuser', '--no-input', '--username', 'pat.smith'], { GATEHOUSE_PASSWORD: PASSWORD });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('User created: pat.smith (USER)');
    const pat = await t.deps.prisma.user.findUniqueOrThrow({ where: { username: 'pat.smith' } });
    expect(pat).toMatchObject({ email: null, emailVerifiedAt: null });

    const NEW = 'lantern over the harbour 3';
    const changed = await cli(['changepassword', '--username', 'pat.smith', '--no-input'], { GATEHOUSE_PASSWORD: NEW });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('Password changed for pat.smith');
    const after = await t.deps.prisma.user.findUniqueOrThrow({ where: { id: pat.id } });
    expect(await t.deps.passwords.verify(after.passwordHash!, NEW)).toBe(true);
    // The notice of an operator's change has nowhere to go; the audit row is written.
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'cli.changepassword', userId: pat.id } })).toBe(1);

    const listed = await cli(['listusers']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^-\s+USER\s+yes\s+no\s+\S+\s+pat\.smith$/m);
  });

  it('still requires an address with LOGIN_IDENTIFIERS=email, and says so', async () => {
    const refused = await cli(['createuser', '--no-input', '--username', 'no.address'], { GATEHOUSE_PASSWORD: PASSWORD, LOGIN_IDENTIFIERS: 'email' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('email: Enter an email address');
    expect(await t.deps.prisma.user.count({ where: { username: 'no.address' } })).toBe(0);
  });
});
