/**
 * The guards of the admin API: no granting what you do not hold, superusers made only by
 * superusers, no changing your own flags, and never losing the last active superuser.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/deps.js';
import { deleteUser, setUserActive, updateUser } from '../../../src/admin/update-user.js';
import { loadEffectiveAccess } from '../../../src/auth/permissions/effective.js';
import type { Actor } from '../../../src/admin/actor.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createUser, signedInUser } from '../../helpers/factories.js';
import { signedInStaff } from '../../helpers/admin.js';

async function actorFor(deps: Deps, id: string): Promise<Actor> {
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id } });
  return { id, isSuperuser: user.isSuperuser, access: await loadEffectiveAccess(deps.prisma, user), ip: null, userAgent: null };
}

const codenamesOf = async (deps: Deps, userId: string) =>
  (await deps.prisma.userPermission.findMany({ where: { userId }, include: { permission: true } })).map((p) => p.permission.codename).sort();

describe('admin guards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  describe('a staff member cannot grant what they do not hold', () => {
    it('directly: refuses, names the permission, changes nothing', async () => {
      const staff = await signedInStaff(t.deps, ['users.change_user', 'users.view_user']);
      const target = await createUser(t.deps);
      const result = await t.graphql(
        'mutation ($id: ID!) { setUserPermissions(id: $id, permissions: ["users.view_user", "users.delete_user"]) { id } }',
        { id: target.id },
        { token: staff.accessToken },
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.message).toContain('users.delete_user');
      expect(result.errors?.[0]?.message).not.toContain('users.view_user');
      expect(await codenamesOf(t.deps, target.id)).toEqual([]);
    });

    it('directly: allows what they hold, and records who did it', async () => {
      const staff = await signedInStaff(t.deps, ['users.change_user', 'users.view_user']);
      const target = await createUser(t.deps);
      const result = await t.graphql(
        'mutation ($id: ID!) { setUserPermissions(id: $id, permissions: ["users.view_user"]) { directPermissions { codename } } }',
        { id: target.id },
        { token: staff.accessToken },
      );
      expect(result.errors).toBeUndefined();
      expect(await codenamesOf(t.deps, target.id)).toEqual(['users.view_user']);
      const event = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'admin.user_permissions_set', userId: target.id } });
      expect(event.actorId).toBe(staff.user.id);
      expect(JSON.parse(event.metadata)).toEqual({ added: ['users.view_user'], removed: [] });
    });

    it('through a group: refuses to add someone to a group holding a permission they lack', async () => {
      const staff = await signedInStaff(t.deps, ['users.change_user']);
      const target = await createUser(t.deps);
      const result = await t.graphql(
        'mutation ($id: ID!) { setUserGroups(id: $id, groups: ["Root"]) { id } }',
        { id: target.id },
        { token: staff.accessToken },
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(await t.deps.prisma.userGroup.count({ where: { userId: target.id } })).toBe(0);
    });

    it('to a group: refuses to add a permission they lack to a group, on create or later', async () => {
      const staff = await signedInStaff(t.deps, ['groups.add_group', 'groups.change_group']);
      const created = await t.graphql('mutation { createGroup(name: "editors", permissions: ["users.delete_user"]) { id } }', {}, { token: staff.accessToken });
      expect(errorCode(created)).toBe('FORBIDDEN');
      expect(await t.deps.prisma.group.findUnique({ where: { name: 'editors' } })).toBeNull();
      const group = await t.deps.prisma.group.create({ data: { name: 'writers' } });
      const set = await t.graphql(
        'mutation ($id: ID!) { setGroupPermissions(id: $id, permissions: ["groups.delete_group"]) { id } }',
        { id: group.id },
        { token: staff.accessToken },
      );
      expect(errorCode(set)).toBe('FORBIDDEN');
      expect(await t.deps.prisma.groupPermission.count({ where: { groupId: group.id } })).toBe(0);
    });
  });

  describe('superusers', () => {
    it('only a superuser can make a superuser (by flag, by role, or at creation)', async () => {
      const staff = await signedInStaff(t.deps, ['users.change_user', 'users.add_user', 'users.view_user']);
      const target = await createUser(t.deps);
      for (const input of ['{ isSuperuser: true }', '{ role: ADMIN }']) {
        const result = await t.graphql(`mutation ($id: ID!) { updateUser(id: $id, input: ${input}) { id } }`, { id: target.id }, { token: staff.accessToken });
        expect(errorCode(result)).toBe('FORBIDDEN');
      }
      const created = await t.graphql(
        'mutation { createUser(input: { email: "boss@example.com", isSuperuser: true }) { id } }',
        {},
        { token: staff.accessToken },
      );
      expect(errorCode(created)).toBe('FORBIDDEN');
      expect(await t.deps.prisma.user.count({ where: { email: 'boss@example.com' } })).toBe(0);
      expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).isSuperuser).toBe(false);
    });

    it('a superuser can, and the new superuser joins Root; demoted, they leave it', async () => {
      const root = await signedInUser(t.deps, { isSuperuser: true, isStaff: true });
      const target = await createUser(t.deps);
      const promoted = await t.graphql(
        'mutation ($id: ID!) { updateUser(id: $id, input: { role: ADMIN }) { role isStaff isSuperuser groups { name } } }',
        { id: target.id },
        { token: root.accessToken },
      );
      expect(promoted.data).toEqual({ updateUser: { role: 'ADMIN', isStaff: true, isSuperuser: true, groups: [{ name: 'Root' }] } });
      const demoted = await t.graphql(
        'mutation ($id: ID!) { updateUser(id: $id, input: { isSuperuser: false }) { role isStaff isSuperuser groups { name } } }',
        { id: target.id },
        { token: root.accessToken },
      );
      expect(demoted.data).toEqual({ updateUser: { role: 'STAFF', isStaff: true, isSuperuser: false, groups: [] } });
    });

    it('a staff member cannot change a superuser (e.g. set their password and take the account over)', async () => {
      const staff = await signedInStaff(t.deps, ['users.change_user']);
      const superuser = await createUser(t.deps, { isSuperuser: true, isStaff: true });
      const before = superuser.passwordHash;
      const result = await t.graphql(
        'mutation ($id: ID!) { setUserPassword(id: $id, password: "taken over at midnight 9") { id } }',
        { id: superuser.id },
        { token: staff.accessToken },
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: superuser.id } })).passwordHash).toBe(before);
    });
  });

  it('nobody can change their own flags', async () => {
    const staff = await signedInStaff(t.deps, ['users.change_user', 'users.view_user']);
    for (const input of ['{ isStaff: false }', '{ role: USER }', '{ isActive: false }']) {
      const result = await t.graphql(
        `mutation ($id: ID!) { updateUser(id: $id, input: ${input}) { id } }`,
        { id: staff.user.id },
        { token: staff.accessToken },
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
    }
    const root = await signedInUser(t.deps, { isSuperuser: true, isStaff: true });
    const self = await t.graphql('mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }', { id: root.user.id }, { token: root.accessToken });
    expect(errorCode(self)).toBe('FORBIDDEN');
    // Their own name is not a flag.
    const named = await t.graphql(
      'mutation ($id: ID!) { updateUser(id: $id, input: { firstName: "Grace" }) { firstName } }',
      { id: staff.user.id },
      { token: staff.accessToken },
    );
    expect(named.data).toEqual({ updateUser: { firstName: 'Grace' } });
  });

  it('role and flags that disagree are refused', async () => {
    const root = await signedInUser(t.deps, { isSuperuser: true, isStaff: true });
    const target = await createUser(t.deps);
    const result = await t.graphql(
      'mutation ($id: ID!) { updateUser(id: $id, input: { role: USER, isStaff: true }) { id } }',
      { id: target.id },
      { token: root.accessToken },
    );
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    const staffed = await t.graphql(
      'mutation ($id: ID!) { updateUser(id: $id, input: { isStaff: true }) { role } }',
      { id: target.id },
      { token: root.accessToken },
    );
    expect(staffed.data).toEqual({ updateUser: { role: 'STAFF' } });
  });
});

describe('the last active superuser', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  const activeSuperusers = () => t.deps.prisma.user.count({ where: { isSuperuser: true, isActive: true } });
  const superuser = () => createUser(t.deps, { isSuperuser: true, isStaff: true });

  it('cannot delete themselves when last; can once another exists', async () => {
    await t.deps.prisma.user.updateMany({ where: { isSuperuser: true }, data: { isActive: false } });
    const last = await signedInUser(t.deps, { isSuperuser: true, isStaff: true });
    // An inactive superuser does not count.
    await createUser(t.deps, { isSuperuser: true, isStaff: true, isActive: false });
    const refused = await t.graphql('mutation ($id: ID!) { deleteUser(id: $id) }', { id: last.user.id }, { token: last.accessToken });
    expect(errorCode(refused)).toBe('LAST_SUPERUSER');
    expect(await t.deps.prisma.user.count({ where: { id: last.user.id } })).toBe(1);
    await superuser();
    const allowed = await t.graphql('mutation ($id: ID!) { deleteUser(id: $id) }', { id: last.user.id }, { token: last.accessToken });
    expect(allowed.errors).toBeUndefined();
  });

  it('is never demoted, deactivated or deleted (an actor who lost their own rights mid-request)', async () => {
    await t.deps.prisma.user.updateMany({ where: { isSuperuser: true }, data: { isActive: false } });
    const last = await superuser();
    // The actor was a superuser when their request was authorised, and has since been deactivated.
    const former = await createUser(t.deps, { isSuperuser: true, isStaff: true, isActive: false });
    const actor = { ...(await actorFor(t.deps, last.id)), id: former.id };
    await expect(updateUser(t.deps, actor, last.id, { isSuperuser: false })).rejects.toMatchObject({ code: 'LAST_SUPERUSER' });
    await expect(updateUser(t.deps, actor, last.id, { role: 'STAFF' })).rejects.toMatchObject({ code: 'LAST_SUPERUSER' });
    await expect(setUserActive(t.deps, actor, last.id, false)).rejects.toMatchObject({ code: 'LAST_SUPERUSER' });
    await expect(deleteUser(t.deps, actor, last.id)).rejects.toMatchObject({ code: 'LAST_SUPERUSER' });
    expect(await t.deps.prisma.user.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ isSuperuser: true, isActive: true, role: 'ADMIN' });
  });

  // Regression guard for a check-then-write race: two superusers demoting each other at once must
  // not both see "one other superuser remains".
  it('two superusers demoting each other at the same moment leave one', async () => {
    for (let round = 0; round < 5; round++) {
      await t.deps.prisma.user.updateMany({ where: { isSuperuser: true }, data: { isActive: false } });
      const [a, b] = [await superuser(), await superuser()];
      const [actorA, actorB] = [await actorFor(t.deps, a.id), await actorFor(t.deps, b.id)];
      const outcomes = await Promise.allSettled([
        updateUser(t.deps, actorA, b.id, { isSuperuser: false }),
        updateUser(t.deps, actorB, a.id, { isSuperuser: false }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: 'LAST_SUPERUSER' });
      expect(await activeSuperusers()).toBe(1);
    }
  });
});
