/**
 * The user commands run the admin API's use cases as the operator (cliActor): their audit rows
 * keep the command's event type and name no actor, and listusers searches as users(filter:) does.
 * Separate processes on the test's database; SQLite, or PostgreSQL when DATABASE_URL names one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../src/auth/sessions/create-session.js';
import { createUser } from '../../helpers/factories.js';
import { runProcess } from '../../helpers/server-process.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';

// Each command is a fresh tsx process (several seconds on a busy 2-core machine).
describe('user commands over the admin use cases', { timeout: 180_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  const cli = (args: string[], extra: Record<string, string> = {}) =>
    runProcess(['src/cli/index.ts', ...args], { ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false', ...extra });
  const auditOf = (type: string, userId: string) => t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type, userId } });

  it('changepassword and revokesessions audit as cli.* with no actor, address or user agent', async () => {
    const target = await createUser(t.deps, { email: 'target@example.com' });
    await createSession(t.deps, target.id, { ip: null, userAgent: null });
    const NEW = 'lantern over the harbour 3';
    const changed = await cli(['changepassword', '--email', 'target@example.com', '--no-input'], { GATEHOUSE_PASSWORD: NEW });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('1 session(s) ended');
    const passwordRow = await auditOf('cli.changepassword', target.id);
    expect(passwordRow).toMatchObject({ actorId: null, ip: null, userAgent: null });
    expect(JSON.parse(passwordRow.metadata)).toEqual({ sessionsRevoked: 1 });

    await createSession(t.deps, target.id, { ip: null, userAgent: null });
    const revoked = await cli(['revokesessions', '--email', 'target@example.com']);
    expect(revoked.code, revoked.stderr).toBe(0);
    const sessionsRow = await auditOf('cli.revokesessions', target.id);
    expect(sessionsRow).toMatchObject({ actorId: null, ip: null, userAgent: null });
    expect(JSON.parse(sessionsRow.metadata)).toMatchObject({ count: 1 });
  });

  it('changepassword refuses a password the rules reject, changing nothing', async () => {
    const target = await createUser(t.deps, { email: 'weak@example.com' });
    const result = await cli(['changepassword', '--email', 'weak@example.com', '--no-input'], { GATEHOUSE_PASSWORD: '12345678' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('GATEHOUSE_PASSWORD is not acceptable');
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).toBe(target.passwordHash);
  });

  // listusers had its own search: no username, and case-sensitive names on PostgreSQL, where
  // users(filter: {search}) matched both.
  it('listusers --search finds what users(filter:) finds: username, and names in any case', async () => {
    await createUser(t.deps, { email: 'grace@example.com', username: 'ghopper', firstName: 'Grace', lastName: 'Hopper' });
    const byUsername = await cli(['listusers', '--search', 'ghopp']);
    expect(byUsername.code, byUsername.stderr).toBe(0);
    expect(byUsername.stdout).toContain('grace@example.com');
    expect(byUsername.stdout).toContain('1 user(s)');
    const byName = await cli(['listusers', '--search', 'HOPPER']);
    expect(byName.stdout).toContain('grace@example.com');
  });
});
