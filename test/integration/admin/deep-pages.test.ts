/**
 * Issue 12 (found measuring the admin page): a page after a cursor is read from the cursor on, not
 * by scanning every row before it. Prisma's cursor condition (`(f = v AND id >= c) OR f > v`) is an
 * OR that neither database turns into an index range: the last page of 200,000 users scanned and
 * filtered all of them (31 ms on PostgreSQL, growing with the table; the audit trail grows fastest).
 * loadPage (src/schema/admin/page.ts) adds a range bound on the ordering column.
 *
 * Ordering by email or last sign-in keeps Prisma's condition alone: those columns can be NULL, and
 * a NULL sorts after every value in one direction on each database (users-list.test.ts pages
 * through such accounts).
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
    await t.deps.prisma.user.createMany({
      data: Array.from({ length: ROWS }, (_, i) => ({ email: `deep-${String(i).padStart(4, '0')}@example.com`, createdAt: at(i) })),
    });
    await t.deps.prisma.auditEvent.createMany({ data: Array.from({ length: ROWS }, (_, i) => ({ type: 'test.deep', createdAt: at(i) })) });
    // Statistics as a database that has run a while would have them.
    if (t.db.provider === 'postgresql') await driverExecute(t.deps.prisma, 'ANALYZE', []);
    counted = await openDatabase(t.config.database, { onStatement: (sql, args) => statements.push({ sql, args }) });
    client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    return () => counted.$disconnect();
  });

  /** The page after `cursor`, and the plan of the statement that read its rows from `table`. */
  async function pageAndPlan(query: string, variables: Record<string, unknown>, table: string): Promise<{ ids: string[]; plan: string }> {
    statements.length = 0;
    const result = await client.graphql<Record<string, { nodes: { id: string }[] }>>(query, variables, { token });
    expect(result.errors).toBeUndefined();
    const ids = Object.values(result.data!)[0]!.nodes.map((node) => node.id);
    const list = statements.find(({ sql }) => new RegExp(`FROM [\`"]\\w+[\`"]\\.[\`"]${table}[\`"]`).test(sql) && /ORDER BY/.test(sql));
    expect(list).toBeDefined();
    const explain = t.db.provider === 'postgresql' ? 'EXPLAIN ' : 'EXPLAIN QUERY PLAN ';
    const rows = await driverQuery(t.deps.prisma, explain + list!.sql, list!.args);
    return { ids, plan: rows.map((row) => String(row['QUERY PLAN'] ?? row['detail'])).join('\n') };
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

  it('a cursor naming no row still answers as before (an empty page), and the first page has no bound', async () => {
    const { ids } = await pageAndPlan(USERS, { after: 'no-such-id' }, 'User');
    expect(ids).toEqual([]);
    statements.length = 0;
    const first = await client.graphql<{ users: { nodes: { id: string }[] } }>(USERS, {}, { token });
    expect(first.data?.users.nodes).toHaveLength(50);
    // The first page reads no cursor row: one statement for the list.
    expect(statements.filter(({ sql }) => /FROM [`"]\w+[`"]\.[`"]User[`"]/.test(sql))).toHaveLength(1);
  });
});
