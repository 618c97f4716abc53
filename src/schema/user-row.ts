/**
 * A User row the server already holds (the viewer's, or one a use case returned), handed to a
 * `t.prismaField` that plans the selection beneath it. User is in select mode (src/schema/user.ts):
 * its fields read only the columns they declare, and only a planned field tells them those
 * columns are there. A held row has every column, so it serves unless a relation is selected;
 * then the planned query is run for it (what the plugin's fallback query did before).
 */
import type { Prisma, User } from '../generated/sqlite/client.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { Context } from './context.js';

/** User's columns: every field of the model that is not a relation. */
const USER_COLUMNS: ReadonlySet<string> = new Set(
  getDatamodel()
    .datamodel.models.User!.fields.filter((field) => field.kind !== 'object')
    .map((field) => field.name),
);

/** The planned query of a User field reads nothing but columns of the row itself. */
export function selectsOnlyColumns(query: { select?: Prisma.UserSelect; include?: Prisma.UserInclude }): boolean {
  if (query.include && Object.keys(query.include).length > 0) return false;
  return !query.select || Object.keys(query.select).every((key) => USER_COLUMNS.has(key));
}

/** `user` itself when the plan needs only its columns, otherwise the planned query for it. */
export function plannedUser(context: Context, query: { select?: Prisma.UserSelect; include?: Prisma.UserInclude }, user: User): User | Promise<User> {
  if (selectsOnlyColumns(query)) return user;
  return context.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
}
