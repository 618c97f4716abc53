/**
 * User (and Group) in plugin-prisma's select mode (issue 12, the admin page): a planned query reads
 * only the columns the selected fields need, every field that reads the row still gets what it
 * reads, and a User the server already holds (the viewer's, a sign-in payload's) is answered
 * without reading it again unless a relation is asked for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { createApp } from '../../../src/server/app.js';
import { createGraphQLClient, type GraphQLClient } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { signedInStaff } from '../../helpers/admin.js';

describe('User and Group columns', () => {
  let t: TestApp;
  let client: GraphQLClient;
  let statements: string[] = [];
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    // A client that reports every statement (at the driver, hand-written ones too), on the same database.
    const counted = await openDatabase(t.config.database, { onStatement: (sql) => statements.push(sql) });
    client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    token = (await signedInStaff(t.deps, ['users.view_user'], { email: 'reader@example.com' })).accessToken;
    return () => counted.$disconnect();
  });

  /** The statements `run` made, after one warm-up call (the session cache then holds the viewer). */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    await run();
    statements = [];
    await run();
    return statements;
  }

  // The hole: in include mode (before), the page read every column of 50 users, password hashes
  // and staff notes among them, for a page that shows ids and addresses.
  it("the users page reads only the columns its fields need, and the groups' names only", async () => {
    const group = await t.deps.prisma.group.create({ data: { name: 'columns', description: 'not read by the page' } });
    const member = await createUser(t.deps, { email: 'member-columns@example.com' });
    await t.deps.prisma.userGroup.create({ data: { userId: member.id, groupId: group.id } });
    const page = () => client.graphql('{ users(first: 50) { nodes { id email groups { name } } } }', {}, { token });
    const sql = await statementsOf(page);
    const userSelect = sql.find((statement) => /FROM\s+\S*"?`?User"?`?\s/.test(statement) && statement.startsWith('SELECT'));
    expect(userSelect).toBeDefined();
    for (const column of ['passwordHash', 'notes', 'attributes', 'firstName', 'lastLoginAt']) expect(userSelect).not.toContain(column);
    const groupSelect = sql.find((statement) => /FROM\s+\S*"?`?Group"?`?\s/.test(statement) && statement.startsWith('SELECT'));
    expect(groupSelect).toBeDefined();
    expect(groupSelect).not.toContain('description');
    const result = await page();
    expect(result.errors).toBeUndefined();
  });

  it('every field that reads the row still gets its column on the list', async () => {
    const user = await createUser(t.deps, { email: 'fields-columns@example.com', firstName: 'Ada' });
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { notes: 'a note', attributes: '{"plate":"AB-1"}' } });
    const result = await client.graphql<{ users: { nodes: Record<string, unknown>[] } }>(
      `{ users(first: 1, filter: { search: "fields-columns" }) { nodes {
          id email firstName role isActive isStaff emailVerified emailVerifiedAt attributes hasPassword notes createdAt
          mfa { enabled } directPermissions { codename } sessions { id } identities { id }
      } } }`,
      {},
      // `sessions` has its own rule (its parent's id in it).
      { token: (await signedInStaff(t.deps, ['users.view_user', 'sessions.view_session'])).accessToken },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.users.nodes[0]).toMatchObject({
      id: user.id,
      email: 'fields-columns@example.com',
      firstName: 'Ada',
      role: 'USER',
      isActive: true,
      isStaff: false,
      emailVerified: true,
      attributes: { plate: 'AB-1' },
      hasPassword: true,
      notes: 'a note',
      mfa: { enabled: false },
      directPermissions: [],
      sessions: [],
      identities: [],
    });
  });

  it('me and authStatus answer from the row authentication holds: no statement without a relation, the relation when asked', async () => {
    const { user, accessToken } = await signedInUser(t.deps, { email: 'held-columns@example.com' });
    const me = () =>
      client.graphql('{ me { id email emailVerified attributes hasPassword } authStatus { user { id email firstName } } }', {}, { token: accessToken });
    expect(await statementsOf(me)).toEqual([]);
    const result = await me();
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      me: { id: user.id, email: 'held-columns@example.com', emailVerified: true, attributes: {}, hasPassword: true },
      authStatus: { user: { id: user.id, email: 'held-columns@example.com', firstName: user.firstName } },
    });
    const withGroups = await client.graphql('{ me { email groups { name } } authStatus { user { groups { name } } } }', {}, { token: accessToken });
    expect(withGroups.errors).toBeUndefined();
    expect(withGroups.data).toEqual({ me: { email: 'held-columns@example.com', groups: [] }, authStatus: { user: { groups: [] } } });
  });

  it("a sign-in payload's user is the row the sign-in read: asking for its fields adds no statement", async () => {
    const { user } = await signedInUser(t.deps, { email: 'payload-columns@example.com' });
    const login = (fields: string) => async () => {
      statements = [];
      const result = await client.graphql<{ login: Record<string, unknown> }>(
        `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken ${fields} } } }`,
        { email: user.email, password: PASSWORD },
      );
      expect(result.errors).toBeUndefined();
      return { count: statements.length, data: result.data?.login };
    };
    // Warm: the first sign-in also reads which webhook events have subscribers (then cached).
    await login('')();
    const bare = await login('')();
    const withUser = await login('user { id email emailVerified attributes }')();
    expect(withUser.count).toBe(bare.count);
    expect(withUser.data?.user).toEqual({ id: user.id, email: 'payload-columns@example.com', emailVerified: true, attributes: {} });
  });
});
