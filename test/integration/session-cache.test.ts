/**
 * Issue 12: the session check and permission checks answer from an in-process cache
 * (src/auth/cache/), and every change that matters takes effect at once on the instance that made
 * it. Each case first makes the instance cache the old state (a request with the token), then
 * changes it through the API, then checks the very next request.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../helpers/admin.js';
import { ME } from '../helpers/accounts.js';
import { createUser, signedInUser } from '../helpers/factories.js';
import { errorCode } from '../helpers/graphql.js';
import { newToken } from '../helpers/admin.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testPostgresUrl } from '../helpers/test-database.js';

const HAS = 'query ($codename: String!) { hasPermission(codename: $codename) }';

describe('session and permission cache', () => {
  let t: TestApp;
  let superuser: string;
  beforeAll(async () => {
    t = await createTestApp();
    superuser = (await signedInUser(t.deps, { isSuperuser: true })).accessToken;
  });

  it('is on by default and holds the session after one request', async () => {
    expect(t.config.authCache.maxAgeSeconds).toBeGreaterThan(0);
    const { accessToken, user } = await signedInUser(t.deps);
    const before = t.deps.authCache.size.sessions;
    expect((await t.graphql(ME, {}, { token: accessToken })).data).toMatchObject({ me: { id: user.id } });
    expect(t.deps.authCache.size.sessions).toBe(before + 1);
  });

  it('an admin deactivating the account refuses its cached token at once', async () => {
    const { accessToken, user } = await signedInUser(t.deps);
    expect((await t.graphql(ME, {}, { token: accessToken })).data).toMatchObject({ me: { id: user.id } });
    const done = await t.graphql('mutation ($id: ID!) { setUserActive(id: $id, active: false) { isActive } }', { id: user.id }, { token: superuser });
    expect(done.data).toEqual({ setUserActive: { isActive: false } });
    expect((await t.graphql(ME, {}, { token: accessToken })).data).toEqual({ me: null });
  });

  it('a profile change shows in the next me (the cached user row is dropped)', async () => {
    const { accessToken } = await signedInUser(t.deps, { firstName: 'Before' });
    expect((await t.graphql(ME, {}, { token: accessToken })).data).toMatchObject({ me: { firstName: 'Before' } });
    await t.graphql('mutation { updateProfile(input: { firstName: "After" }) { firstName } }', {}, { token: accessToken });
    expect((await t.graphql(ME, {}, { token: accessToken })).data).toMatchObject({ me: { firstName: 'After' } });
  });

  it('a permission taken from a group, or a user taken out of the group, is refused at once', async () => {
    const codename = 'reports.view_cached';
    const permission = await t.deps.prisma.permission.create({ data: { codename } });
    const group = await t.deps.prisma.group.create({ data: { name: 'cached-readers' } });
    await t.deps.prisma.groupPermission.create({ data: { groupId: group.id, permissionId: permission.id } });
    const member = await createUser(t.deps);
    await t.deps.prisma.userGroup.create({ data: { userId: member.id, groupId: group.id } });
    const token = await newToken(t.deps, member.id);

    expect((await t.graphql(HAS, { codename }, { token })).data).toEqual({ hasPermission: true });
    const taken = await t.graphql('mutation ($id: ID!) { setGroupPermissions(id: $id, permissions: []) { name } }', { id: group.id }, { token: superuser });
    expect(taken.errors).toBeUndefined();
    expect((await t.graphql(HAS, { codename }, { token })).data).toEqual({ hasPermission: false });

    await t.graphql(
      'mutation ($id: ID!) { setGroupPermissions(id: $id, permissions: ["reports.view_cached"]) { name } }',
      { id: group.id },
      { token: superuser },
    );
    expect((await t.graphql(HAS, { codename }, { token })).data).toEqual({ hasPermission: true });
    const left = await t.graphql('mutation ($id: ID!) { setUserGroups(id: $id, groups: []) { id } }', { id: member.id }, { token: superuser });
    expect(left.errors).toBeUndefined();
    expect((await t.graphql(HAS, { codename }, { token })).data).toEqual({ hasPermission: false });
  });

  it('a direct permission granted or taken shows at once', async () => {
    const staff = await signedInStaff(t.deps, []);
    expect((await t.graphql(HAS, { codename: 'users.view_user' }, { token: staff.accessToken })).data).toEqual({ hasPermission: false });
    const set = (permissions: string[]) =>
      t.graphql(
        'mutation ($id: ID!, $p: [String!]!) { setUserPermissions(id: $id, permissions: $p) { id } }',
        { id: staff.user.id, p: permissions },
        { token: superuser },
      );
    expect((await set(['users.view_user'])).errors).toBeUndefined();
    expect((await t.graphql(HAS, { codename: 'users.view_user' }, { token: staff.accessToken })).data).toEqual({ hasPermission: true });
    expect((await set([])).errors).toBeUndefined();
    expect((await t.graphql(HAS, { codename: 'users.view_user' }, { token: staff.accessToken })).data).toEqual({ hasPermission: false });
  });

  it('an admin password change with sign-out, and an admin session revocation, refuse cached tokens at once', async () => {
    const { accessToken, user } = await signedInUser(t.deps);
    expect((await t.graphql(ME, {}, { token: accessToken })).data).toMatchObject({ me: { id: user.id } });
    await t.graphql(
      'mutation ($id: ID!) { setUserPassword(id: $id, password: "a brand new long passphrase 42") { id } }',
      { id: user.id },
      { token: superuser },
    );
    expect(errorCode(await t.graphql('{ mySessions { id } }', {}, { token: accessToken }))).toBe('UNAUTHENTICATED');

    const other = await newToken(t.deps, user.id);
    expect((await t.graphql(ME, {}, { token: other })).data).toMatchObject({ me: { id: user.id } });
    await t.graphql('mutation ($id: ID!) { revokeUserSessions(userId: $id) }', { id: user.id }, { token: superuser });
    expect(errorCode(await t.graphql('{ mySessions { id } }', {}, { token: other }))).toBe('UNAUTHENTICATED');
  });
});

describe('session cache bound', () => {
  it('distinct sessions beyond SESSION_CACHE_MAX_ENTRIES do not grow it, and all still answer', async () => {
    const t = await createTestApp({ env: { SESSION_CACHE_MAX_ENTRIES: '3' } });
    const { user } = await signedInUser(t.deps);
    const tokens = await Promise.all(Array.from({ length: 8 }, () => newToken(t.deps, user.id)));
    for (const token of [...tokens, ...tokens]) {
      expect((await t.graphql(ME, {}, { token })).data).toMatchObject({ me: { id: user.id } });
      expect(t.deps.authCache.size.sessions).toBeLessThanOrEqual(3);
    }
  });

  it('SESSION_CACHE_SECONDS=0 caches nothing', async () => {
    const t = await createTestApp({ env: { SESSION_CACHE_SECONDS: '0' } });
    const { accessToken } = await signedInUser(t.deps);
    await t.graphql(ME, {}, { token: accessToken });
    expect(t.deps.authCache.size).toEqual({ sessions: 0, access: 0 });
  });
});

describe.skipIf(testPostgresUrl() === undefined)('the PostgreSQL listener', () => {
  /** Waits (up to `ms`) for `test` to hold; a listener's reaction is asynchronous by nature. */
  async function eventually(test: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      if (await test()) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  }

  // A notification sent while the listener's connection is down is lost: the cache must not go on
  // answering from what it held, and must cache again once it listens again.
  it('drops everything and caches nothing while its connection is down, and resumes after reconnecting', async () => {
    const t = await createTestApp();
    const { accessToken, user, session } = await signedInUser(t.deps);
    expect((await t.graphql(ME, {}, { token: accessToken })).data).toMatchObject({ me: { id: user.id } });
    expect(t.deps.authCache.size.sessions).toBe(1);

    const killed = await t.deps.prisma.$queryRawUnsafe<{ ok: boolean }[]>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
    );
    expect(killed).toEqual([{ ok: true }]);
    expect(await eventually(() => t.deps.authCache.size.sessions === 0)).toBe(true);

    // A revocation whose notification nobody heard (written behind the application's back).
    await t.deps.prisma.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    expect((await t.graphql(ME, {}, { token: accessToken })).data).toEqual({ me: null });

    // Listening again (after about a second), it caches again.
    const other = await newToken(t.deps, user.id);
    expect(await eventually(async () => (await t.graphql(ME, {}, { token: other }), t.deps.authCache.size.sessions === 1))).toBe(true);
  });
});
