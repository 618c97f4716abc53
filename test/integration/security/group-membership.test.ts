/**
 * Issue 10, item 2: group membership is privilege. Apps check groups by name (hasGroup, the
 * `groups` claim), so joining a permission-less group named "admins" was free to anyone holding
 * users.change_user, and renaming "editors" to "admins" handed its members the admins' role. Now
 * adding to a group needs groups.change_group plus every permission the group holds (or a
 * superuser), and only superusers rename groups. Staff also cannot take away, from a group or by
 * deleting it, permissions they do not hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff } from '../../helpers/admin.js';
import { createUser, signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const SET_GROUPS = 'mutation ($id: ID!, $groups: [String!]!) { setUserGroups(id: $id, groups: $groups) { groups { name } } }';
const RENAME = 'mutation ($id: ID!, $name: String!) { updateGroup(id: $id, input: { name: $name }) { name } }';

describe('group membership and names (issue 10, item 2)', () => {
  let t: TestApp;
  let admins: string;
  let editors: string;
  beforeAll(async () => {
    t = await createTestApp();
    admins = (await t.deps.prisma.group.create({ data: { name: 'admins' } })).id;
    editors = (await t.deps.prisma.group.create({ data: { name: 'editors' } })).id;
    const reports = await t.deps.prisma.permission.create({ data: { codename: 'reports.view_report' } });
    const auditors = await t.deps.prisma.group.create({ data: { name: 'auditors' } });
    await t.deps.prisma.groupPermission.create({ data: { groupId: auditors.id, permissionId: reports.id } });
  });

  const membersOf = async (groupId: string) => (await t.deps.prisma.userGroup.findMany({ where: { groupId }, select: { userId: true } })).map((m) => m.userId);

  it('users.change_user alone cannot add yourself or another user to a permission-less group', async () => {
    const staff = await signedInStaff(t.deps, ['users.change_user']);
    const other = await createUser(t.deps);
    for (const id of [staff.user.id, other.id]) {
      const result = await t.graphql(SET_GROUPS, { id, groups: ['admins'] }, { token: staff.accessToken });
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.extensions?.required).toEqual(['permission:groups.change_group']);
    }
    expect(await membersOf(admins)).toEqual([]);
    const has = await t.graphql('{ hasGroup(name: "admins") }', {}, { token: staff.accessToken });
    expect(has.data).toEqual({ hasGroup: false });
  });

  it('with groups.change_group too: a permission-less group can be joined, one holding a permission you lack cannot', async () => {
    const staff = await signedInStaff(t.deps, ['users.change_user', 'groups.change_group']);
    const other = await createUser(t.deps);
    const joined = await t.graphql(SET_GROUPS, { id: other.id, groups: ['editors'] }, { token: staff.accessToken });
    expect(joined.data).toEqual({ setUserGroups: { groups: [{ name: 'editors' }] } });
    // `other` now holds a group the actor is not in, so the actor can no longer change them at all (item 1).
    expect(errorCode(await t.graphql(SET_GROUPS, { id: other.id, groups: [] }, { token: staff.accessToken }))).toBe('FORBIDDEN');
    const third = await createUser(t.deps);
    const refused = await t.graphql(SET_GROUPS, { id: third.id, groups: ['auditors'] }, { token: staff.accessToken });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('reports.view_report');
    expect(await t.deps.prisma.userGroup.count({ where: { userId: third.id } })).toBe(0);
  });

  it('a superuser adds anyone to any group', async () => {
    const root = await signedInUser(t.deps, { isStaff: true, isSuperuser: true });
    const other = await createUser(t.deps);
    const result = await t.graphql(SET_GROUPS, { id: other.id, groups: ['admins', 'auditors'] }, { token: root.accessToken });
    expect(result.data).toEqual({ setUserGroups: { groups: [{ name: 'admins' }, { name: 'auditors' }] } });
  });

  it('groups.change_group cannot rename "editors" to "admins" (nor to any other name); the description still changes', async () => {
    const staff = await signedInStaff(t.deps, ['groups.change_group']);
    await t.deps.prisma.group.delete({ where: { id: admins } });
    for (const name of ['admins', 'editors-renamed']) {
      const result = await t.graphql(RENAME, { id: editors, name }, { token: staff.accessToken });
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.message).toContain('Only a superuser can rename a group');
    }
    expect((await t.deps.prisma.group.findUniqueOrThrow({ where: { id: editors } })).name).toBe('editors');
    // Sending the name unchanged is not a rename.
    const described = await t.graphql(
      'mutation ($id: ID!) { updateGroup(id: $id, input: { name: " editors ", description: "Edit pages" }) { name description } }',
      { id: editors },
      { token: staff.accessToken },
    );
    expect(described.data).toEqual({ updateGroup: { name: 'editors', description: 'Edit pages' } });
  });

  it('groups.change_group cannot strip, nor groups.delete_group delete, a group holding permissions they lack (its members would lose them)', async () => {
    const staff = await signedInStaff(t.deps, ['groups.change_group', 'groups.delete_group']);
    const auditors = await t.deps.prisma.group.findUniqueOrThrow({ where: { name: 'auditors' } });
    const stripped = await t.graphql(
      'mutation ($id: ID!) { setGroupPermissions(id: $id, permissions: []) { id } }',
      { id: auditors.id },
      { token: staff.accessToken },
    );
    expect(errorCode(stripped)).toBe('FORBIDDEN');
    expect(stripped.errors?.[0]?.extensions?.required).toEqual(['permission:reports.view_report']);
    const deleted = await t.graphql('mutation ($id: ID!) { deleteGroup(id: $id) }', { id: auditors.id }, { token: staff.accessToken });
    expect(errorCode(deleted)).toBe('FORBIDDEN');
    expect(await t.deps.prisma.groupPermission.count({ where: { groupId: auditors.id } })).toBe(1);
  });

  it('a superuser renames a group', async () => {
    const root = await signedInUser(t.deps, { isStaff: true, isSuperuser: true });
    const group = await t.deps.prisma.group.create({ data: { name: 'writers' } });
    const result = await t.graphql(RENAME, { id: group.id, name: 'authors' }, { token: root.accessToken });
    expect(result.data).toEqual({ updateGroup: { name: 'authors' } });
  });
});
