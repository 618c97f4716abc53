/**
 * Ending every session of every user at once (issue 10, lower-severity list: after a key leak),
 * by a superuser through revokeAllSessions and by an operator with `revokesessions --all`, both
 * over one use case and audited. Staff who are not superusers are refused, whatever they hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PERMISSIONS } from '../../../src/auth/permissions/builtin.js';
import { refresh } from '../../helpers/accounts.js';
import { signedInStaff } from '../../helpers/admin.js';
import { signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { runProcess } from '../../helpers/server-process.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';

const REVOKE_ALL = 'mutation ($reason: String!) { revokeAllSessions(reason: $reason) }';

describe('revoking every session of every user', { timeout: 120_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  const liveSessions = () => t.deps.prisma.session.count({ where: { revokedAt: null } });

  it('a staff member who is not a superuser gets FORBIDDEN, even holding every built-in permission', async () => {
    const staff = await signedInStaff(
      t.deps,
      BUILT_IN_PERMISSIONS.map((p) => p.codename),
    );
    await signedInUser(t.deps);
    const before = await liveSessions();
    const result = await t.graphql(REVOKE_ALL, { reason: 'not mine to end' }, { token: staff.accessToken });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.extensions?.required).toEqual(['superuser']);
    expect(await liveSessions()).toBe(before);
  });

  it('a superuser ends every live session, their own included, and the reason is audited', async () => {
    const root = await signedInUser(t.deps, { isStaff: true, isSuperuser: true });
    const users = [await signedInUser(t.deps), await signedInUser(t.deps), await signedInStaff(t.deps, ['users.view_user'])];
    const live = await liveSessions();
    const result = await t.graphql(REVOKE_ALL, { reason: 'JWT_SECRET leaked in a log' }, { token: root.accessToken });
    expect(result.data).toEqual({ revokeAllSessions: live });
    expect(await liveSessions()).toBe(0);
    expect(await t.deps.prisma.session.count({ where: { revokeReason: 'all_revoked' } })).toBe(live);
    for (const { accessToken, refreshToken } of [root, ...users]) {
      expect((await t.graphql('{ me { id } }', {}, { token: accessToken })).data).toEqual({ me: null });
      expect(errorCode(await refresh(t, refreshToken))).toBe('TOKEN_INVALID');
    }
    const event = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'admin.all_sessions_revoked' } });
    expect(event.actorId).toBe(root.user.id);
    expect(JSON.parse(event.metadata)).toEqual({ reason: 'JWT_SECRET leaked in a log', count: live });
  });

  it('an empty, overlong or NUL-bearing reason is VALIDATION_FAILED and ends nothing', async () => {
    const root = await signedInUser(t.deps, { isStaff: true, isSuperuser: true });
    for (const reason of ['  ', 'x'.repeat(501), 'key\u0000leak']) {
      const result = await t.graphql(REVOKE_ALL, { reason }, { token: root.accessToken });
      expect(errorCode(result)).toBe('VALIDATION_FAILED');
    }
    expect(await liveSessions()).toBeGreaterThan(0);
  });

  it('the CLI: revokesessions --all ends them all and is audited; --all with --email is a usage error', async () => {
    const env = { ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false' };
    const sessions = [await signedInUser(t.deps), await signedInUser(t.deps)];
    const live = await liveSessions();
    const usage = await runProcess(['src/cli/index.ts', 'revokesessions', '--all', '--email', sessions[0]!.user.email], env);
    expect(usage.code).toBe(2);
    expect(await liveSessions()).toBe(live);

    const result = await runProcess(['src/cli/index.ts', 'revokesessions', '--all', '--reason', 'signing key rotated'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${live} session(s) of all users ended.`);
    expect(await liveSessions()).toBe(0);
    const event = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'cli.revokesessions_all' } });
    expect(JSON.parse(event.metadata)).toEqual({ reason: 'signing key rotated', count: live });
    expect((await t.graphql('{ me { id } }', {}, { token: sessions[1]!.accessToken })).data).toEqual({ me: null });
  });
});
