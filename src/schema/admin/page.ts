/**
 * Forward cursor pagination for admin lists: `first` (at most 100) items after the opaque cursor
 * `after` (an id). Rows are ordered by the chosen field and then by id, so pages never skip or
 * repeat rows that share a value. Related data of the nodes is planned by the Prisma plugin
 * (queryFromInfo on the `nodes` path): one query per relation, not one per row.
 *
 * A page after a cursor is read with a condition of our own rather than Prisma's `cursor`: the
 * cursor row's value v is read by id (one statement), then `f >= v AND (f > v OR id > c)` (`<=`/`<`
 * descending), a range on the ordering column that the index is read from. Prisma's cursor
 * condition (`(f = v AND id >= c) OR f > v`, with the cursor row read in five subselects) is an OR
 * no database turns into an index range: the last page of 200,000 users scanned and filtered every
 * row before it (31 ms on PostgreSQL, growing with the table; the audit trail grows fastest). On a
 * column that can be NULL, Prisma also sent no LIMIT: it read every row after the cursor and cut the
 * page in memory (20,001 rows for one page of 50 by email, 25 ms on PostgreSQL).
 *
 * A column that can be NULL (a user's email or last sign-in) is read in two blocks: the rows with a
 * value, ordered by it and then id, then the rows without, by id, in the same direction. Each block
 * is an index range on (column, id); one ORDER BY over both is not, as each database sorts NULLs at
 * its own end (SQLite first, PostgreSQL last, ascending). A page that ends in the first block reads
 * only it; a page across the boundary reads both (one more statement).
 */
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { ObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import { fieldError, validationError } from '../../errors.js';
import { builder } from '../builder.js';
import { listSize } from '../list-size.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export const PageInfo = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('PageInfo').implement({
  description: 'Where a page ends: pass endCursor as `after` to get the next one.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

export const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the client asks for it. */
  totalCount: () => Promise<number>;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

type Direction = 'asc' | 'desc';

/** What loadPage reads one list through. */
export interface PageSource<T> {
  /**
   * One page: Prisma arguments (the planned include/select, take, orderBy), and `bound`, a
   * where-condition on the ordering column and id to AND with the list's filter (absent on the first
   * page of a column that cannot be NULL).
   */
  findMany(query: PageQuery, planned: object, bound: Record<string, unknown> | undefined): Promise<T[]>;
  /** The row `id`'s value of the ordering column `field` (which may be null), or null when there is no such row. */
  orderValue(id: string, field: string): Promise<{ value: unknown } | null>;
  /** The total under the same filter. */
  count(): Promise<number>;
}

interface PageQuery {
  take: number;
  orderBy: Record<string, Direction>[];
}

export interface PageOrder {
  field: string;
  direction: Direction;
  /** The column can be NULL: rows without a value come after the others, in either direction. */
  nullable?: boolean;
}

/** Loads one page of `source`, ordered by `orderBy` and then by id. */
export async function loadPage<T extends { id: string }>(
  context: object,
  info: GraphQLResolveInfo,
  args: PageArgs,
  orderBy: PageOrder,
  source: PageSource<T>,
): Promise<Page<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_PAGE_SIZE) throw validationError([fieldError('first', 'out_of_range', 'pageSize', { max: MAX_PAGE_SIZE })]);
  const planned = queryFromInfo({ context, info, path: ['nodes'] });
  const { field, direction } = orderBy;
  const page = (rows: T[]): Page<T> => {
    const nodes = rows.slice(0, first);
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.at(-1)?.id ?? null }, totalCount: () => source.count() };
  };

  const cursorRow = args.after ? await source.orderValue(args.after, field) : undefined;
  if (cursorRow === null) return page([]);
  const cursor = args.after && cursorRow ? { id: args.after, value: cursorRow.value } : undefined;
  const beyond = (value: unknown) => (direction === 'asc' ? { gt: value } : { lt: value });
  // After the cursor row (value v, id c): from v on, and past v or past c. Within `f >= v`, that is
  // exactly `f > v OR (f = v AND id > c)`; the range is what the index is read from.
  const afterCursor = ({ id, value }: { id: string; value: unknown }) => ({
    [field]: direction === 'asc' ? { gte: value } : { lte: value },
    OR: [{ [field]: beyond(value) }, { id: beyond(id) }],
  });
  const byValue = { take: first + 1, orderBy: [{ [field]: direction }, { id: direction }] };
  if (!orderBy.nullable) return page(await source.findMany(byValue, planned, cursor && afterCursor(cursor)));

  // The rows with a value (none are left after a cursor row without one), then those without.
  const fromNull = cursor?.value === null;
  const withValue = fromNull ? [] : await source.findMany(byValue, planned, cursor ? afterCursor(cursor) : { [field]: { not: null } });
  if (withValue.length > first) return page(withValue);
  const withoutValue = await source.findMany(
    { take: first - withValue.length + 1, orderBy: [{ id: direction }] },
    planned,
    // A range on id from the block's start too: with `email IS NULL` alone, SQLite takes the unique
    // email index (expecting one row) and sorts every row without an address.
    { [field]: null, id: cursor && fromNull ? beyond(cursor.id) : { gte: '' } },
  );
  return page([...withValue, ...withoutValue]);
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The `<Node>Page` object type of a node type. */
export function pageType<T extends { id: string }>(name: string, node: ObjectRef<Types, T>) {
  return builder.objectRef<Page<T>>(name).implement({
    fields: (t) => ({
      nodes: t.field({
        type: [node],
        extensions: listSize({ max: MAX_PAGE_SIZE, cost: DEFAULT_PAGE_SIZE, fromParentArg: 'first' }),
        resolve: (page) => page.nodes,
      }),
      pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
      totalCount: t.int({ description: 'Rows matching the filter, over all pages.', resolve: (page) => page.totalCount() }),
    }),
  });
}
