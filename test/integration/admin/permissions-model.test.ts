/**
 * The permission model: the seed (idempotent, safe when instances start together), effective
 * permissions through groups, and the user-facing checks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PERMISSIONS, ROOT_GROUP } from '../../../src/auth/permissions/builtin.js';
import { seedBuiltIns } from '../../../src/auth/permissions/seed.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createUser, signedInUser } from '../../helpers/factories.js';
import { signedInStaff } from '../../helpers/admin.js';

describe('permission model', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('seeds every built-in permission and Root exactly once, even when seeders run at once', async () => {
    const superuser = await createUser(t.deps, { isSuperuser: true, isStaff: true });
    await Promise.all([seedBuiltIns(t.deps.prisma), seedBuiltIns(t.deps.prisma), seedBuiltIns(t.deps.prisma)]);
    const builtIns = await t.deps.prisma.permission.findMany({ where: { builtIn: true }, select: { codename: true } });
    expect(builtIns.map((p) => p.codename).sort()).toEqual(BUILT_IN_PERMISSIONS.map((p) => p.codename).sort());
    const root = await t.deps.prisma.group.findUniqueOrThrow({ where: { name: ROOT_GROUP }, include: { permissions: true, users: true } });
    expect(root.permissions).toHaveLength(BUILT_IN_PERMISSIONS.length);
    expect(root.users.map((u) => u.userId)).toContain(superuser.id);
  });

  it('answers hasPermission & co. from direct permissions and groups; denies anonymous callers', async () => {
    const group = await t.deps.prisma.group.create({
      data: { name: 'reporters', permissions: { create: { permission: { create: { codename: 'reports.view_report' } } } } },
    });
    const { user, accessToken } = await signedInStaff(t.deps, ['users.view_user']);
    await t.deps.prisma.userGroup.create({ data: { userId: user.id, groupId: group.id } });
    const result = await t.graphql(
      `{ a: hasPermission(codename: "reports.view_report") b: hasPermission(codename: "users.delete_user")
         c: hasPermissions(codenames: ["reports.view_report", "users.view_user"]) d: hasPermissions(codenames: ["reports.view_report", "users.delete_user"])
         e: hasGroup(name: "reporters") f: hasGroup(name: "Root") myPermissions { permissions groups isSuperuser } }`,
      {},
      { token: accessToken },
    );
    expect(result.data).toEqual({
      a: true,
      b: false,
      c: true,
      d: false,
      e: true,
      f: false,
      myPermissions: { permissions: ['reports.view_report', 'users.view_user'], groups: ['reporters'], isSuperuser: false },
    });
    const root = await signedInUser(t.deps, { isSuperuser: true, isStaff: true });
    const all = await t.graphql<{ hasPermission: boolean }>('{ hasPermission(codename: "anything.at_all") }', {}, { token: root.accessToken });
    expect(all.data).toEqual({ hasPermission: true });
    expect(errorCode(await t.graphql('{ hasPermission(codename: "x.y") }'))).toBe('UNAUTHENTICATED');
  });

  it('names the missing permission in FORBIDDEN', async () => {
    const { accessToken } = await signedInStaff(t.deps, []);
    const result = await t.graphql('{ users { totalCount } }', {}, { token: accessToken });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.extensions?.required).toEqual(['permission:users.view_user']);
  });

  it('lets a user read themself but not another user through a User field', async () => {
    const other = await createUser(t.deps);
    const me = await signedInUser(t.deps);
    const mine = await t.graphql('{ me { id sessions { id } groups { name } } }', {}, { token: me.accessToken });
    expect(mine.errors).toBeUndefined();
    // A staff member allowed only to view groups cannot read member users through a group.
    await t.deps.prisma.userGroup.create({
      data: { userId: other.id, groupId: (await t.deps.prisma.group.findUniqueOrThrow({ where: { name: 'Root' } })).id },
    });
    const staff = await signedInStaff(t.deps, ['groups.view_group']);
    const members = await t.graphql('{ group(name: "Root") { members { email } } }', {}, { token: staff.accessToken });
    expect(errorCode(members)).toBe('FORBIDDEN');
  });

  it('refuses to delete or change built-in permissions and the Root group', async () => {
    const root = await signedInUser(t.deps, { isSuperuser: true, isStaff: true });
    const builtIn = await t.deps.prisma.permission.findUniqueOrThrow({ where: { codename: 'users.view_user' } });
    const rootGroup = await t.deps.prisma.group.findUniqueOrThrow({ where: { name: 'Root' } });
    expect(errorCode(await t.graphql('mutation ($id: ID!) { deletePermission(id: $id) }', { id: builtIn.id }, { token: root.accessToken }))).toBe('FORBIDDEN');
    expect(
      errorCode(await t.graphql('mutation ($id: ID!) { updatePermission(id: $id, name: "x") { id } }', { id: builtIn.id }, { token: root.accessToken })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await t.graphql('mutation ($id: ID!) { deleteGroup(id: $id) }', { id: rootGroup.id }, { token: root.accessToken }))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.graphql('mutation ($id: ID!) { setGroupPermissions(id: $id, permissions: []) { id } }', { id: rootGroup.id }, { token: root.accessToken }),
      ),
    ).toBe('FORBIDDEN');
    expect(await t.deps.prisma.permission.count({ where: { builtIn: true } })).toBe(BUILT_IN_PERMISSIONS.length);
  });

  it('deactivation ends the sessions at once and is audited without secrets', async () => {
    const admin = await signedInStaff(t.deps, ['users.change_user', 'users.view_user']);
    const target = await signedInUser(t.deps);
    const result = await t.graphql(
      'mutation ($id: ID!) { setUserActive(id: $id, active: false) { isActive } }',
      { id: target.user.id },
      { token: admin.accessToken },
    );
    expect(result.data).toEqual({ setUserActive: { isActive: false } });
    expect(errorCode(await t.graphql('{ myPermissions { groups } }', {}, { token: target.accessToken }))).not.toBeUndefined();
    const password = await t.graphql(
      'mutation ($id: ID!) { setUserPassword(id: $id, password: "short") { id } }',
      { id: target.user.id },
      { token: admin.accessToken },
    );
    expect(errorCode(password)).toBe('VALIDATION_FAILED');
    await t.graphql(
      'mutation ($id: ID!) { setUserPassword(id: $id, password: "copper kettle singing 4") { id } }',
      { id: target.user.id },
      { token: admin.accessToken },
    );
    const events = await t.deps.prisma.auditEvent.findMany({ where: { userId: target.user.id } });
    expect(events.map((e) => e.type).sort()).toEqual(['admin.user_deactivated', 'admin.user_password_set']);
    expect(JSON.stringify(events)).not.toContain('copper kettle');
  });
});
