/**
 * The users list: filters, search, ordering, cursor pages, and a constant number of SQL
 * statements however many users a page holds (no query per row).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../../src/generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../../../src/generated/postgresql/client.js';
import { createAdapterFactory } from '../../../src/db/adapter.js';
import { createApp } from '../../../src/server/app.js';
import { createGraphQLClient } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createUser } from '../../helpers/factories.js';
import { signedInStaff } from '../../helpers/admin.js';

const LIST = `query ($first: Int, $after: String, $filter: UserFilter, $orderBy: UserOrder) {
  users(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    nodes { email groups { name permissions { codename } } directPermissions { codename } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

interface ListData {
  users: { nodes: { email: string; groups: { name: string }[] }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
}

describe('users list', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = (await signedInStaff(t.deps, ['users.view_user'], { email: 'admin@example.com' })).accessToken;
  });

  it('keeps the number of SQL statements constant from 5 to 50 users with their groups', async () => {
    // A client that reports every statement, on the same database (query events work with driver adapters).
    const adapter = createAdapterFactory(t.config.database.url);
    const log = [{ emit: 'event' as const, level: 'query' as const }];
    const counted = t.db.provider === 'postgresql' ? (new PostgresClient({ adapter, log }) as unknown as PrismaClient) : new PrismaClient({ adapter, log });
    let statements = 0;
    (counted as unknown as { $on(event: 'query', cb: () => void): void }).$on('query', () => statements++);
    const client = createGraphQLClient(createApp({ ...t.deps, prisma: counted }));
    const editors = await t.deps.prisma.group.create({ data: { name: 'editors' } });
    const run = async (first: number) => {
      statements = 0;
      const result = await client.graphql<ListData>(LIST, { first, filter: { isStaff: false } }, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data?.users.nodes).toHaveLength(first);
      return statements;
    };
    try {
      for (let i = 0; i < 50; i++) {
        const user = await createUser(t.deps, { email: `member-${String(i).padStart(2, '0')}@example.com` });
        await t.deps.prisma.userGroup.create({ data: { userId: user.id, groupId: editors.id } });
      }
      // Once first, so both counts see the session cache (issue 12) warm: only the page's own statements.
      await run(1);
      const five = await run(5);
      const fifty = await run(50);
      expect(five).toBeGreaterThan(0);
      expect(fifty).toBe(five);
    } finally {
      await counted.$disconnect();
      await t.deps.prisma.user.deleteMany({ where: { email: { startsWith: 'member-' } } });
      await t.deps.prisma.group.delete({ where: { id: editors.id } });
    }
  });

  it('filters, searches, orders and pages', async () => {
    const staffGroup = await t.deps.prisma.group.create({ data: { name: 'support' } });
    const ada = await createUser(t.deps, { email: 'ada@example.com', firstName: 'Ada', lastName: 'Byron' });
    await createUser(t.deps, { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', verified: false });
    const linus = await createUser(t.deps, { email: 'linus@example.com', firstName: 'Linus', lastName: 'Torvalds', isActive: false });
    await t.deps.prisma.userGroup.create({ data: { userId: ada.id, groupId: staffGroup.id } });
    const emails = async (variables: Record<string, unknown>) => {
      const result = await t.graphql<ListData>(LIST, variables, { token });
      expect(result.errors).toBeUndefined();
      return result.data!.users.nodes.map((n) => n.email);
    };
    expect(await emails({ filter: { search: 'HOPP' } })).toEqual(['grace@example.com']);
    expect(await emails({ filter: { search: 'Linus@' } })).toEqual(['linus@example.com']);
    expect(await emails({ filter: { isActive: false } })).toEqual(['linus@example.com']);
    expect(await emails({ filter: { emailVerified: false } })).toEqual(['grace@example.com']);
    expect(await emails({ filter: { group: 'support' } })).toEqual(['ada@example.com']);
    expect(await emails({ filter: { isStaff: true } })).toEqual(['admin@example.com']);
    expect(await emails({ filter: { createdAfter: new Date(linus.createdAt.getTime() + 1).toISOString() } })).toEqual([]);
    expect(await emails({ orderBy: { field: 'EMAIL', direction: 'DESC' }, first: 2 })).toEqual(['linus@example.com', 'grace@example.com']);

    // Cursor pages by email: every user exactly once.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: Awaited<ReturnType<typeof t.graphql<ListData>>> = await t.graphql<ListData>(
        LIST,
        { first: 2, after, orderBy: { field: 'EMAIL' } },
        { token },
      );
      seen.push(...result.data!.users.nodes.map((n) => n.email));
      expect(result.data!.users.totalCount).toBe(4);
      if (!result.data!.users.pageInfo.hasNextPage) break;
      after = result.data!.users.pageInfo.endCursor;
    }
    expect(seen).toEqual(['ada@example.com', 'admin@example.com', 'grace@example.com', 'linus@example.com']);

    const tooMany = await t.graphql(LIST, { first: 101 }, { token });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  // #15 item 1: accounts without an address sort with a NULL email; cursor pages by email must
  // still list every user exactly once, in both directions, on both databases (issue 12: and last).
  it('pages by email through accounts without an address, every user once', async () => {
    const isolated = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'both' } });
    const staff = await signedInStaff(isolated.deps, ['users.view_user'], { email: 'm@example.com' });
    for (const email of ['b@example.com', 'z@example.com']) await createUser(isolated.deps, { email });
    for (const username of ['n1', 'n2', 'n3']) await createUser(isolated.deps, { email: null, username });
    for (const direction of ['ASC', 'DESC']) {
      for (const first of [1, 2, 4]) {
        const seen: (string | null)[] = [];
        let after: string | null = null;
        for (let page = 0; page < 10; page++) {
          const result: Awaited<ReturnType<typeof t.graphql<ListData>>> = await isolated.graphql<ListData>(
            LIST,
            { first, after, orderBy: { field: 'EMAIL', direction } },
            { token: staff.accessToken },
          );
          expect(result.errors).toBeUndefined();
          seen.push(...result.data!.users.nodes.map((n) => n.email));
          if (!result.data!.users.pageInfo.hasNextPage) break;
          after = result.data!.users.pageInfo.endCursor;
        }
        // Accounts without an address come last in either direction, on both databases.
        const addresses = ['b@example.com', 'm@example.com', 'z@example.com'];
        expect(seen, `${direction} by ${first}`).toEqual([...(direction === 'ASC' ? addresses : addresses.reverse()), null, null, null]);
      }
    }
  });
});
