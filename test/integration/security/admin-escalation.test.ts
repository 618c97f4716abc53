/**
 * Issue 10, item 1: staff took over more privileged staff. A staff member holding only
 * users.change_user could set the password (or email) of a colleague holding far more, then sign
 * in as them. Now every admin change to an account, and its deletion, needs the target to hold
 * nothing (no permission, no group) the actor lacks; only superusers touch superusers. The matrix
 * runs each such mutation over GraphQL for each relation between actor and target.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/deps.js';
import type { User } from '../../../src/generated/sqlite/client.js';
import { login } from '../../helpers/accounts.js';
import { grant, signedInStaff } from '../../helpers/admin.js';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const NEW_PASSWORD = 'taken over at midnight 9';
/** What every staff actor and staff target below holds: enough to call every mutation tried. */
const BASE = ['users.change_user', 'users.delete_user', 'users.view_user'];
/** What the stronger side holds on top. */
const EXTRA = 'audit.view_auditevent';

interface Party {
  /** Direct permissions (empty with superuser). */
  permissions: string[];
  /** Groups joined (created when missing, without permissions). */
  groups: string[];
  superuser?: boolean;
  /** Joins Root (every built-in permission) without being a superuser. */
  root?: boolean;
}

interface Relation {
  name: string;
  actor: Party;
  target: Party;
  allowed: boolean;
}

const RELATIONS: Relation[] = [
  {
    name: 'actor < target (a permission more)',
    actor: { permissions: BASE, groups: [] },
    target: { permissions: [...BASE, EXTRA], groups: [] },
    allowed: false,
  },
  // Apps check groups by name, so a permission-less group still counts as something held.
  { name: 'actor < target (a group more)', actor: { permissions: BASE, groups: [] }, target: { permissions: BASE, groups: ['admins'] }, allowed: false },
  {
    name: 'actor = target',
    actor: { permissions: [...BASE, EXTRA], groups: ['admins'] },
    target: { permissions: [...BASE, EXTRA], groups: ['admins'] },
    allowed: true,
  },
  {
    name: 'actor > target',
    actor: { permissions: [...BASE, EXTRA], groups: ['admins', 'editors'] },
    target: { permissions: BASE, groups: ['editors'] },
    allowed: true,
  },
  {
    name: 'superuser actor',
    actor: { permissions: [], groups: [], superuser: true },
    target: { permissions: [...BASE, EXTRA], groups: ['admins'] },
    allowed: true,
  },
  // Even holding every built-in permission through Root, a staff member is not a superuser.
  {
    name: 'superuser target',
    actor: { permissions: BASE, groups: ['admins'], root: true },
    target: { permissions: ['users.view_user'], groups: [], superuser: true },
    allowed: false,
  },
  {
    name: 'superuser actor, superuser target',
    actor: { permissions: [], groups: [], superuser: true },
    target: { permissions: ['users.view_user'], groups: [], superuser: true },
    allowed: true,
  },
];

interface Mutation {
  name: string;
  document: string;
  variables?: () => Record<string, unknown>;
  /** True when the target shows the change. */
  changed: (deps: Deps, before: Snapshot, after: Snapshot | null) => boolean;
}

interface Snapshot {
  user: User;
  groups: string[];
  permissions: string[];
  resetTokens: number;
}

const MUTATIONS: Mutation[] = [
  {
    name: 'setUserPassword',
    document: 'mutation ($id: ID!, $password: String!) { setUserPassword(id: $id, password: $password) { id } }',
    variables: () => ({ password: NEW_PASSWORD }),
    changed: (_deps, before, after) => after!.user.passwordHash !== before.user.passwordHash,
  },
  {
    name: 'updateUser(email)',
    document: 'mutation ($id: ID!, $email: String!) { updateUser(id: $id, input: { email: $email }) { id } }',
    variables: () => ({ email: `moved-${randomUUID().slice(0, 8)}@example.com` }),
    changed: (_deps, before, after) => after!.user.email !== before.user.email,
  },
  {
    name: 'updateUser(isActive)',
    document: 'mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { id } }',
    changed: (_deps, _before, after) => !after!.user.isActive,
  },
  {
    name: 'updateUser(isStaff)',
    // A superuser is always staff: they are demoted to plain user, which the rule covers too.
    document: 'mutation ($id: ID!) { updateUser(id: $id, input: { role: USER }) { id } }',
    changed: (_deps, _before, after) => !after!.user.isStaff,
  },
  {
    name: 'setUserActive',
    document: 'mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }',
    changed: (_deps, _before, after) => !after!.user.isActive,
  },
  {
    name: 'setUserGroups',
    document: 'mutation ($id: ID!) { setUserGroups(id: $id, groups: []) { id } }',
    changed: (_deps, before, after) => after!.groups.length < before.groups.length,
  },
  {
    name: 'setUserPermissions',
    document: 'mutation ($id: ID!) { setUserPermissions(id: $id, permissions: []) { id } }',
    changed: (_deps, before, after) => after!.permissions.length < before.permissions.length,
  },
  {
    name: 'sendPasswordReset',
    document: 'mutation ($id: ID!) { sendPasswordReset(id: $id) }',
    changed: (_deps, before, after) => after!.resetTokens > before.resetTokens,
  },
  {
    name: 'deleteUser',
    document: 'mutation ($id: ID!) { deleteUser(id: $id) }',
    changed: (_deps, _before, after) => after === null,
  },
];

async function snapshot(deps: Deps, id: string): Promise<Snapshot | null> {
  const user = await deps.prisma.user.findUnique({
    where: { id },
    include: {
      groups: { include: { group: true } },
      permissions: { include: { permission: true } },
      _count: { select: { tokens: { where: { purpose: 'PASSWORD_RESET' } } } },
    },
  });
  if (!user) return null;
  const { groups, permissions, _count, ...row } = user;
  return {
    user: row,
    groups: groups.map((g) => g.group.name).sort(),
    permissions: permissions.map((p) => p.permission.codename).sort(),
    resetTokens: _count.tokens,
  };
}

async function joinGroups(deps: Deps, userId: string, names: string[]): Promise<void> {
  for (const name of names) {
    const group = await deps.prisma.group.upsert({ where: { name }, create: { name }, update: {} });
    // upsert: the factory already puts superusers in Root.
    await deps.prisma.userGroup.upsert({ where: { userId_groupId: { userId, groupId: group.id } }, create: { userId, groupId: group.id }, update: {} });
  }
}

async function makeParty(deps: Deps, party: Party): Promise<{ user: User; accessToken: string }> {
  const signedIn = party.superuser ? await signedInUser(deps, { isStaff: true, isSuperuser: true }) : await signedInStaff(deps, []);
  await grant(deps, signedIn.user.id, party.permissions);
  await joinGroups(deps, signedIn.user.id, [...party.groups, ...(party.superuser || party.root ? ['Root'] : [])]);
  return signedIn;
}

describe('admin changes to more privileged accounts (issue 10, item 1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  describe.each(RELATIONS)('$name', (relation) => {
    it.each(MUTATIONS)(`$name is ${relation.allowed ? 'allowed' : 'FORBIDDEN'}`, async (mutation) => {
      const actor = await makeParty(t.deps, relation.actor);
      const target = await makeParty(t.deps, relation.target);
      const before = (await snapshot(t.deps, target.user.id))!;
      const variables = { id: target.user.id, ...mutation.variables?.() };
      const result = await t.graphql(mutation.document, variables, { token: actor.accessToken });
      const after = await snapshot(t.deps, target.user.id);
      if (relation.allowed) {
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(mutation.changed(t.deps, before, after)).toBe(true);
      } else {
        expect(errorCode(result)).toBe('FORBIDDEN');
        expect(after).toEqual(before);
      }
    });
  });

  it('names what the target holds that the actor lacks', async () => {
    const actor = await makeParty(t.deps, { permissions: BASE, groups: [] });
    const target = await makeParty(t.deps, { permissions: [...BASE, EXTRA], groups: ['admins'] });
    const result = await t.graphql(
      'mutation ($id: ID!) { setUserPassword(id: $id, password: "taken over at midnight 9") { id } }',
      { id: target.user.id },
      { token: actor.accessToken },
    );
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain(`permission ${EXTRA}, group admins`);
    expect(result.errors?.[0]?.extensions?.required).toEqual([`permission:${EXTRA}`, 'group:admins']);
  });

  it("the original attack: staff with only users.change_user cannot set a stronger colleague's password and sign in as them", async () => {
    const attacker = await signedInStaff(t.deps, ['users.change_user']);
    const victim = await createUser(t.deps, { isStaff: true, email: `victim-${randomUUID().slice(0, 8)}@example.com` });
    await grant(t.deps, victim.id, ['users.change_user', 'users.delete_user', 'groups.change_group', 'permissions.add_permission']);

    const set = await t.graphql(
      'mutation ($id: ID!, $password: String!) { setUserPassword(id: $id, password: $password) { id } }',
      { id: victim.id, password: NEW_PASSWORD },
      { token: attacker.accessToken },
    );
    expect(errorCode(set)).toBe('FORBIDDEN');
    expect(errorCode(await login(t, victim.email, NEW_PASSWORD))).toBe('INVALID_CREDENTIALS');

    // The other way in: move the address to a mailbox the attacker reads, then have a reset sent there.
    const moved = await t.graphql(
      'mutation ($id: ID!) { updateUser(id: $id, input: { email: "attacker@example.com", emailVerified: true }) { id } }',
      { id: victim.id },
      { token: attacker.accessToken },
    );
    expect(errorCode(moved)).toBe('FORBIDDEN');
    const reset = await t.graphql('mutation ($id: ID!) { sendPasswordReset(id: $id) }', { id: victim.id }, { token: attacker.accessToken });
    expect(errorCode(reset)).toBe('FORBIDDEN');

    const after = await t.deps.prisma.user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(after.email).toBe(victim.email);
    expect(after.passwordHash).toBe(victim.passwordHash);
    expect(await t.deps.prisma.oneTimeToken.count({ where: { userId: victim.id } })).toBe(0);
    expect((await login(t, victim.email, PASSWORD)).data?.login.user.id).toBe(victim.id);
  });

  it('an inactive account counts with what it would regain: no password set, no reactivation', async () => {
    const actor = await makeParty(t.deps, { permissions: BASE, groups: [] });
    const target = await createUser(t.deps, { isStaff: true, isActive: false });
    await grant(t.deps, target.id, [...BASE, EXTRA]);
    for (const document of [
      'mutation ($id: ID!) { setUserPassword(id: $id, password: "taken over at midnight 9") { id } }',
      'mutation ($id: ID!) { setUserActive(id: $id, active: true) { id } }',
    ]) {
      expect(errorCode(await t.graphql(document, { id: target.id }, { token: actor.accessToken }))).toBe('FORBIDDEN');
    }
    expect(await t.deps.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(target);
  });

  it('nobody sets their own password or email through the admin API (a stolen staff token must not become the account)', async () => {
    for (const actor of [
      await makeParty(t.deps, { permissions: BASE, groups: [] }),
      await makeParty(t.deps, { permissions: [], groups: [], superuser: true }),
    ]) {
      const before = await snapshot(t.deps, actor.user.id);
      const password = await t.graphql(
        'mutation ($id: ID!) { setUserPassword(id: $id, password: "taken over at midnight 9") { id } }',
        { id: actor.user.id },
        { token: actor.accessToken },
      );
      expect(errorCode(password)).toBe('FORBIDDEN');
      expect(password.errors?.[0]?.message).toContain('changePassword');
      const email = await t.graphql(
        'mutation ($id: ID!) { updateUser(id: $id, input: { email: "thief@example.com" }) { id } }',
        { id: actor.user.id },
        { token: actor.accessToken },
      );
      expect(errorCode(email)).toBe('FORBIDDEN');
      expect(email.errors?.[0]?.message).toContain('requestEmailChange');
      expect(await snapshot(t.deps, actor.user.id)).toEqual(before);
    }
  });

  it('revoking the sessions of a stronger account stays allowed (nothing is taken over), but not of a superuser', async () => {
    const actor = await makeParty(t.deps, { permissions: ['sessions.delete_session'], groups: [] });
    const stronger = await makeParty(t.deps, { permissions: [...BASE, EXTRA], groups: ['admins'] });
    const revoked = await t.graphql('mutation ($id: ID!) { revokeUserSessions(userId: $id) }', { id: stronger.user.id }, { token: actor.accessToken });
    expect(revoked.data).toEqual({ revokeUserSessions: 1 });
    const superuser = await makeParty(t.deps, { permissions: [], groups: [], superuser: true });
    const refused = await t.graphql('mutation ($id: ID!) { revokeUserSessions(userId: $id) }', { id: superuser.user.id }, { token: actor.accessToken });
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });
});
