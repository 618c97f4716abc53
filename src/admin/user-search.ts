/**
 * The one user search: the admin API's `users(filter:)` and the `listusers` command both turn
 * their filter into a Prisma where clause here, so a search finds the same accounts either way.
 */
import type { Provider } from '../config/provider.js';
import type { Prisma } from '../generated/sqlite/client.js';

export interface UserFilter {
  isActive?: boolean | null;
  isStaff?: boolean | null;
  isSuperuser?: boolean | null;
  emailVerified?: boolean | null;
  /** Members of the group with this name. */
  group?: string | null;
  /** Created at or after. */
  createdAfter?: Date | null;
  /** Created strictly before. */
  createdBefore?: Date | null;
  /** Part of the email, username, first or last name, in any case. */
  search?: string | null;
}

/** The where clause of `filter`; every condition given must hold. */
export function userWhere(filter: UserFilter | null | undefined, provider: Provider): Prisma.UserWhereInput {
  if (!filter) return {};
  const and: Prisma.UserWhereInput[] = [];
  if (filter.isActive != null) and.push({ isActive: filter.isActive });
  if (filter.isStaff != null) and.push({ isStaff: filter.isStaff });
  if (filter.isSuperuser != null) and.push({ isSuperuser: filter.isSuperuser });
  if (filter.emailVerified != null) and.push({ emailVerifiedAt: filter.emailVerified ? { not: null } : null });
  if (filter.group) and.push({ groups: { some: { group: { name: filter.group } } } });
  if (filter.createdAfter) and.push({ createdAt: { gte: filter.createdAfter } });
  if (filter.createdBefore) and.push({ createdAt: { lt: filter.createdBefore } });
  const search = filter.search?.trim();
  if (search) {
    // SQLite's LIKE is case-insensitive for ASCII already; PostgreSQL needs mode: insensitive,
    // which the SQLite client's types do not know. Emails are stored lower-case.
    const contains = (provider === 'postgresql' ? { contains: search, mode: 'insensitive' } : { contains: search }) as Prisma.StringFilter;
    and.push({ OR: [{ email: { contains: search.toLowerCase() } }, { username: contains }, { firstName: contains }, { lastName: contains }] });
  }
  return { AND: and };
}
