/**
 * Every root operation, run as each kind of caller, allowed or denied as its row says. One row per
 * root field; a root field without a row fails the suite, so new fields must be added here.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObjectType } from 'graphql';
import { schema } from '../../../src/schema/index.js';
import type { Deps } from '../../../src/server/deps.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createUser } from '../../helpers/factories.js';
import { newToken, signedInStaff } from '../../helpers/admin.js';

type Caller = 'anonymous' | 'user' | 'unverified' | 'staffWithout' | 'staffWith' | 'superuser';
const CALLERS: Caller[] = ['anonymous', 'user', 'unverified', 'staffWithout', 'staffWith', 'superuser'];

const EVERYONE: Caller[] = CALLERS;
const SIGNED_IN: Caller[] = ['user', 'unverified', 'staffWithout', 'staffWith', 'superuser'];
const STAFF_WITH: Caller[] = ['staffWith', 'superuser'];

interface Row {
  /** `Query.x` or `Mutation.x`. */
  field: string;
  /** What the `staffWith` caller holds. */
  permissions?: string[];
  allowed: Caller[];
  document: string;
  /** Fresh variables for each call (targets are created anew, so destructive rows do not interfere). */
  variables?: (deps: Deps) => Promise<Record<string, unknown>>;
}

const uid = () => randomUUID().slice(0, 8);
const target = async (deps: Deps) => ({ id: (await createUser(deps)).id });
const group = async (deps: Deps) => ({ id: (await deps.prisma.group.create({ data: { name: `g-${uid()}` } })).id });
const customPermission = async (deps: Deps) => ({ id: (await deps.prisma.permission.create({ data: { codename: `app.p_${uid()}` } })).id });

const ROWS: Row[] = [
  { field: 'Query.me', allowed: EVERYONE, document: '{ me { id } }' },
  { field: 'Query.hasPermission', allowed: SIGNED_IN, document: '{ hasPermission(codename: "users.view_user") }' },
  { field: 'Query.hasPermissions', allowed: SIGNED_IN, document: '{ hasPermissions(codenames: ["users.view_user"]) }' },
  { field: 'Query.hasGroup', allowed: SIGNED_IN, document: '{ hasGroup(name: "Root") }' },
  { field: 'Query.myPermissions', allowed: SIGNED_IN, document: '{ myPermissions { permissions groups isSuperuser } }' },
  { field: 'Query.users', permissions: ['users.view_user'], allowed: STAFF_WITH, document: '{ users(first: 5) { nodes { id groups { name } } totalCount } }' },
  { field: 'Query.user', permissions: ['users.view_user'], allowed: STAFF_WITH, document: 'query ($id: ID!) { user(id: $id) { id email } }', variables: target },
  { field: 'Query.groups', permissions: ['groups.view_group'], allowed: STAFF_WITH, document: '{ groups { id name } }' },
  { field: 'Query.group', permissions: ['groups.view_group'], allowed: STAFF_WITH, document: '{ group(name: "Root") { id permissions { codename } } }' },
  { field: 'Query.permissions', permissions: ['permissions.view_permission'], allowed: STAFF_WITH, document: '{ permissions { codename builtIn } }' },
  { field: 'Query.auditEvents', permissions: ['audit.view_auditevent'], allowed: STAFF_WITH, document: '{ auditEvents(first: 5) { nodes { id type } } }' },
  { field: 'Mutation.logout', allowed: SIGNED_IN, document: 'mutation { logout }' },
  {
    field: 'Mutation.createUser',
    permissions: ['users.add_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($email: String!) { createUser(input: { email: $email }) { id } }',
    variables: async () => ({ email: `new-${uid()}@example.com` }),
  },
  { field: 'Mutation.updateUser', permissions: ['users.change_user'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { updateUser(id: $id, input: { firstName: "Grace" }) { id } }', variables: target },
  { field: 'Mutation.setUserActive', permissions: ['users.change_user'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }', variables: target },
  { field: 'Mutation.deleteUser', permissions: ['users.delete_user'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { deleteUser(id: $id) }', variables: target },
  { field: 'Mutation.setUserGroups', permissions: ['users.change_user'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { setUserGroups(id: $id, groups: []) { id } }', variables: target },
  { field: 'Mutation.setUserPermissions', permissions: ['users.change_user'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { setUserPermissions(id: $id, permissions: []) { id } }', variables: target },
  {
    field: 'Mutation.setUserPassword',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { setUserPassword(id: $id, password: "plum orchard at dawn 7") { id } }',
    variables: target,
  },
  { field: 'Mutation.revokeUserSessions', permissions: ['sessions.delete_session'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { revokeUserSessions(userId: $id) }', variables: target },
  {
    field: 'Mutation.createGroup',
    permissions: ['groups.add_group'],
    allowed: STAFF_WITH,
    document: 'mutation ($name: String!) { createGroup(name: $name) { id } }',
    variables: async () => ({ name: `group-${uid()}` }),
  },
  { field: 'Mutation.updateGroup', permissions: ['groups.change_group'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { updateGroup(id: $id, input: { description: "d" }) { id } }', variables: group },
  { field: 'Mutation.deleteGroup', permissions: ['groups.delete_group'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { deleteGroup(id: $id) }', variables: group },
  { field: 'Mutation.setGroupPermissions', permissions: ['groups.change_group'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { setGroupPermissions(id: $id, permissions: []) { id } }', variables: group },
  {
    field: 'Mutation.createPermission',
    permissions: ['permissions.add_permission'],
    allowed: STAFF_WITH,
    document: 'mutation ($codename: String!) { createPermission(codename: $codename) { id } }',
    variables: async () => ({ codename: `app.do_${uid()}` }),
  },
  {
    field: 'Mutation.updatePermission',
    permissions: ['permissions.change_permission'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { updatePermission(id: $id, name: "n") { id } }',
    variables: customPermission,
  },
  { field: 'Mutation.deletePermission', permissions: ['permissions.delete_permission'], allowed: STAFF_WITH, document: 'mutation ($id: ID!) { deletePermission(id: $id) }', variables: customPermission },
];

describe('authorization matrix', () => {
  let t: TestApp;
  const users: Partial<Record<Exclude<Caller, 'anonymous' | 'staffWith'>, string>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    users.user = (await createUser(t.deps)).id;
    users.unverified = (await createUser(t.deps, { verified: false })).id;
    users.staffWithout = (await createUser(t.deps, { isStaff: true })).id;
    users.superuser = (await createUser(t.deps, { isSuperuser: true, isStaff: true })).id;
  });
  afterAll(() => t?.close());

  it('has exactly one row per root field', () => {
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .filter(isObjectType)
      .flatMap((root) => Object.keys(root.getFields()).map((name) => `${root.name}.${name}`))
      .sort();
    const rows = ROWS.map((row) => row.field).sort();
    expect(rows.filter((field, i) => rows.indexOf(field) !== i), 'duplicate rows').toEqual([]);
    expect(fields.filter((field) => !rows.includes(field)), 'root fields without a row').toEqual([]);
    expect(rows.filter((field) => !fields.includes(field)), 'rows without a root field').toEqual([]);
  });

  async function tokenFor(caller: Caller, row: Row): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    if (caller === 'staffWith') return (await signedInStaff(t.deps, row.permissions ?? [])).accessToken;
    return newToken(t.deps, users[caller]!);
  }

  describe.each(ROWS)('$field', (row) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const token = await tokenFor(caller, row);
      const variables = row.variables ? await row.variables(t.deps) : {};
      const result = await t.graphql(row.document, variables, { token });
      const name = row.field.split('.')[1]!;
      if (row.allowed.includes(caller)) {
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.data?.[name as never]).not.toBeUndefined();
      } else {
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual([caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
        expect(result.data?.[name as never] ?? null).toBeNull();
      }
    });
  });
});
