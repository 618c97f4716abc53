/**
 * Forward cursor pagination for admin lists: `first` (at most 100) items after the opaque cursor
 * `after` (an id). Rows are ordered by the chosen field and then by id, so pages never skip or
 * repeat rows that share a value. Related data of the nodes is planned by the Prisma plugin
 * (queryFromInfo on the `nodes` path): one query per relation, not one per row.
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

/**
 * Loads one page. `findMany` receives Prisma arguments (the planned include/select, cursor, take,
 * orderBy); `count` the total under the same filter.
 */
export async function loadPage<T extends { id: string }>(
  context: object,
  info: GraphQLResolveInfo,
  args: PageArgs,
  orderBy: { field: string; direction: Direction },
  findMany: (query: { take: number; skip?: number; cursor?: { id: string }; orderBy: Record<string, Direction>[] }, planned: object) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_PAGE_SIZE) throw validationError([fieldError('first', 'out_of_range', 'pageSize', { max: MAX_PAGE_SIZE })]);
  const planned = queryFromInfo({ context, info, path: ['nodes'] });
  const rows = await findMany(
    {
      take: first + 1,
      ...(args.after ? { cursor: { id: args.after }, skip: 1 } : {}),
      orderBy: orderBy.field === 'id' ? [{ id: orderBy.direction }] : [{ [orderBy.field]: orderBy.direction }, { id: orderBy.direction }],
    },
    planned,
  );
  const nodes = rows.slice(0, first);
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.at(-1)?.id ?? null }, totalCount: count };
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
