/**
 * Issue 12 (found measuring the admin page): a page after a cursor is read from the cursor on, not
 * by scanning every row before it. Prisma's cursor condition (`(f = v AND id >= c) OR f > v`) is an
 * OR that neither database turns into an index range: the last page of 200,000 users scanned and
 * filtered all of them (31 ms on PostgreSQL, growing with the table; the audit trail grows fastest).
 * loadPage (src/schema/admin/page.ts) adds a range bound on the ordering column.
 *
 * Ordering by email or last sign-in, columns that can be NULL: the rows with a value come first, then
 * those without by id, in either direction and on both databases, each block read as an index range
 * (before, those pages kept Prisma's condition alone and scanned; last sign-in had no index at all).
 *
 * Checked with the database's own plan for the very statement the page sent (EXPLAIN with its
 * arguments), and with the pages themselves against a direct ordered read (ties on the ordering
 * column across the page boundary included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PrismaClient } from '../../../src/db/client.js';
import { driverExecute, driverQuery } from '../../../src/db/driver.js';
import { createApp } from '../../../src/server/app.js';
import { signedInStaff } from '../../helpers/admin.js';
import { createGraphQLClient, type GraphQLClient } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const ROWS = 1500;
/** The cursor: deep in the list, where a scan from the first row costs the most. */
const CURSOR_AT = 1200;

const USERS = `query ($after: String, $orderBy: UserOrder) {
  users(first: 50, after: $after, orderBy: $orderBy) { nodes { id } }
}`;
const WALK = `query ($after: String, $orderBy: UserOrder) {
  users(first: 100, after: $after, orderBy: $orderBy) { nodes { id } pageInfo { hasNextPage endCursor } }
}`;
const AUDIT = `query ($after: String) { auditEvents(first: 50, after: $after) { nodes { id } } }`;

describe('pages after a cursor', () => {
  let t: TestApp;
  let token: string;
  let counted: PrismaClient;
  let client: GraphQLClient;
  const statements: { sql: string; args: unknown[] }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    token = (await signedInStaff(t.deps, ['users.view_user', 'audit.view_auditevent'])).accessToken;
    // Three rows share each instant, so ties on the ordering column fall across page boundaries.
    const base = Date.UTC(2026, 0, 1);
    const at = (i: number) => new Date(base + Math.floor(i / 3) * 1000);
    // One user in five has no address, one in four never signed in; last sign-ins tie in threes too.
    await t.deps.prisma.user.createMany({
      data: Array.from({ length: ROWS }, (_, i) => ({
        email: i % 5 === 4 ? null : `deep-${String((i * 7919) % ROWS).padStart(4, '0')}@example.com`,
        username: `deep-${i}`,
        createdAt: at(i),
        lastLoginAt: i % 4 === 0 ? null : at(ROWS - i),
      })),
    });
    await t.deps.prisma.auditEvent.createMany({ data: Array.from({ length: ROWS }, (_, i) => ({ type: 'test.deep', createdAt: at(i) })) });
    // Statistics as a database that has run a while would have them.
    if (t.db.provider === 'postgresql') await driverExecute(t.deps.prisma, 'ANALYZE', []);
    counted = await openDatabase(t.config.database, { onStatement: (sql, args) => statements.push({ sql, args }) });
    client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    return () => counted.$disconnect();
  });

  /** The page after `cursor`, and the plans of the statements that read its rows from `table`, in order. */
  async function pageAndPlans(query: string, variables: Record<string, unknown>, table: string): Promise<{ ids: string[]; plans: string[] }> {
    statements.length = 0;
    const result = await client.graphql<Record<string, { nodes: { id: string }[] }>>(query, variables, { token });
    expect(result.errors).toBeUndefined();
    const ids = Object.values(result.data!)[0]!.nodes.map((node) => node.id);
    const lists = statements.filter(({ sql }) => new RegExp(`FROM [\`"]\\w+[\`"]\\.[\`"]${table}[\`"]`).test(sql) && /ORDER BY/.test(sql));
    const explain = t.db.provider === 'postgresql' ? 'EXPLAIN ' : 'EXPLAIN QUERY PLAN ';
    const plans: string[] = [];
    for (const list of lists) {
      // At most a page and one row: no list is read whole and cut in memory.
      expect(list.sql).toMatch(/LIMIT/);
      const rows = await driverQuery(t.deps.prisma, explain + list.sql, list.args);
      plans.push(rows.map((row) => String(row['QUERY PLAN'] ?? row['detail'])).join('\n'));
    }
    return { ids, plans };
  }

  /** The page after `cursor`, and the plan of the one statement that read its rows from `table`. */
  async function pageAndPlan(query: string, variables: Record<string, unknown>, table: string): Promise<{ ids: string[]; plan: string }> {
    const { ids, plans } = await pageAndPlans(query, variables, table);
    expect(plans).toHaveLength(1);
    return { ids, plan: plans[0]! };
  }

  /** The plan reads `column` as an index range, not as a scan of the whole index filtered row by row. */
  function expectRangeOn(plan: string, column: string) {
    if (t.db.provider === 'postgresql') expect(plan).toMatch(new RegExp(`Index Cond: .*"?${column}"? [<>]=`));
    else expect(plan).toMatch(new RegExp(`SEARCH (main\\.)?\\w+ USING (COVERING )?INDEX \\w+ \\(${column}[<>]`));
  }

  it.each([
    ['CREATED_AT', 'ASC', 'createdAt'],
    ['CREATED_AT', 'DESC', 'createdAt'],
  ] as const)('users by %s %s: the page is the next rows, read from the cursor on', async (field, direction, column) => {
    const dir = direction === 'ASC' ? 'asc' : 'desc';
    const all = await t.deps.prisma.user.findMany({ select: { id: true }, orderBy: [{ [column]: dir }, { id: dir }] });
    const { ids, plan } = await pageAndPlan(USERS, { after: all[CURSOR_AT]!.id, orderBy: { field, direction } }, 'User');
    expect(ids).toEqual(all.slice(CURSOR_AT + 1, CURSOR_AT + 51).map((row) => row.id));
    expectRangeOn(plan, column);
  });

  it('the audit trail, newest first: the page is the next events, read from the cursor on', async () => {
    const all = await t.deps.prisma.auditEvent.findMany({ select: { id: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    const { ids, plan } = await pageAndPlan(AUDIT, { after: all[CURSOR_AT]!.id }, 'AuditEvent');
    expect(ids).toEqual(all.slice(CURSOR_AT + 1, CURSOR_AT + 51).map((row) => row.id));
    expectRangeOn(plan, 'createdAt');
  });

  /** The rows of users ordered by `column`: those with a value by it and id, then those without by id. */
  async function usersInOrder(column: 'email' | 'lastLoginAt', dir: 'asc' | 'desc'): Promise<{ ids: string[]; withValue: number }> {
    const select = { id: true };
    const withValue = await t.deps.prisma.user.findMany({ select, where: { [column]: { not: null } }, orderBy: [{ [column]: dir }, { id: dir }] });
    const without = await t.deps.prisma.user.findMany({ select, where: { [column]: null }, orderBy: { id: dir } });
    return { ids: [...withValue, ...without].map((row) => row.id), withValue: withValue.length };
  }

  /**
   * The plan reads the rows where `column` is NULL in id order from an index, sorting nothing. SQLite
   * (no statistics) takes the (column, id) index; PostgreSQL, where one row in four or five is NULL
   * here, may as well walk the primary key and filter.
   */
  function expectNullBlockOn(plan: string, column: string) {
    if (t.db.provider === 'postgresql') {
      expect(plan).toMatch(new RegExp(`Index (Only )?Scan (Backward )?using "User_(${column}_id_idx|pkey)"`));
      expect(plan).not.toMatch(/Sort|Seq Scan/);
    } else {
      expect(plan).toMatch(new RegExp(`SEARCH (main\\.)?\\w+ USING (COVERING )?INDEX User_${column}_id_idx \\(${column}=\\? AND id[<>]`));
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  }

  describe.each([
    ['EMAIL', 'email'],
    ['LAST_LOGIN_AT', 'lastLoginAt'],
  ] as const)('users by %s, a column that can be NULL', (field, column) => {
    it.each(['ASC', 'DESC'] as const)('%s: every page is the next rows, those without a value last, each block read as a range', async (direction) => {
      const dir = direction === 'ASC' ? 'asc' : 'desc';
      const { ids: all, withValue } = await usersInOrder(column, dir);
      const orderBy = { field, direction };
      // Deep among the rows with a value: one statement, a range from the cursor.
      const deep = await pageAndPlans(USERS, { after: all[withValue - 300]!, orderBy }, 'User');
      expect(deep.ids).toEqual(all.slice(withValue - 299, withValue - 249));
      expect(deep.plans).toHaveLength(1);
      expectRangeOn(deep.plans[0]!, column);
      // Across the boundary: the last rows with a value, then the first without.
      const across = await pageAndPlans(USERS, { after: all[withValue - 11]!, orderBy }, 'User');
      expect(across.ids).toEqual(all.slice(withValue - 10, withValue + 40));
      expect(across.plans).toHaveLength(2);
      expectRangeOn(across.plans[0]!, column);
      expectNullBlockOn(across.plans[1]!, column);
      // Deep among the rows without a value: one statement, a range on id.
      const inNulls = await pageAndPlans(USERS, { after: all[withValue + 100]!, orderBy }, 'User');
      expect(inNulls.ids).toEqual(all.slice(withValue + 101, withValue + 151));
      expect(inNulls.plans).toHaveLength(1);
      expectNullBlockOn(inNulls.plans[0]!, column);
    });

    it('walking every page from the first lists every user once, in order, in both directions', async () => {
      for (const direction of ['ASC', 'DESC'] as const) {
        const { ids: all } = await usersInOrder(column, direction === 'ASC' ? 'asc' : 'desc');
        const seen: string[] = [];
        let after: string | null = null;
        let hasNextPage = true;
        while (hasNextPage) {
          const result: { data?: { users: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } =
            await client.graphql(WALK, { after, orderBy: { field, direction } }, { token });
          seen.push(...result.data!.users.nodes.map((node) => node.id));
          ({ hasNextPage, endCursor: after } = result.data!.users.pageInfo);
        }
        expect(seen).toEqual(all);
      }
    });
  });

  it('a cursor naming no row answers an empty page, without reading the list; the first page has no bound', async () => {
    const { ids, plans } = await pageAndPlans(USERS, { after: 'no-such-id' }, 'User');
    expect(ids).toEqual([]);
    expect(plans).toEqual([]);
    statements.length = 0;
    const first = await client.graphql<{ users: { nodes: { id: string }[] } }>(USERS, {}, { token });
    expect(first.data?.users.nodes).toHaveLength(50);
    // The first page reads no cursor row: one statement for the list.
    expect(statements.filter(({ sql }) => /FROM [`"]\w+[`"]\.[`"]User[`"]/.test(sql))).toHaveLength(1);
  });
});
