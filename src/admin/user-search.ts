/**
 * The one user search: the admin API's `users(filter:)` and the `listusers` command both turn
 * their filter into a Prisma where clause here, so a search finds the same accounts either way.
 */
import type { Provider } from '../config/provider.js';
import type { Prisma } from '../generated/sqlite/client.js';
import type { UserAttributesConfig } from '../config/user-attributes.js';
import { fieldError, validationError } from '../errors.js';
import { serializeValue } from '../users/attributes.js';

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
  /** A custom attribute equal to a string, number or boolean. */
  attribute?: { key: string; value?: unknown } | null;
}

/**
 * The where clause of `filter`; every condition given must hold.
 * @throws GatehouseError VALIDATION_FAILED for an attribute filter on an undeclared key or a non-scalar value.
 */
export function userWhere(filter: UserFilter | null | undefined, provider: Provider, attributes: UserAttributesConfig | null = null): Prisma.UserWhereInput {
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
  if (filter.attribute) and.push(attributeWhere(filter.attribute, provider, attributes));
  return { AND: and };
}

/**
 * Equality on a top-level attribute, portable because the stored text is canonical
 * (src/users/attributes.ts): the key and its value as JSON, compact, between `{` or `,` and `,` or
 * `}`, occur only as that top-level pair. A LIKE on the text on both databases; strings match in
 * any ASCII case on both (SQLite's LIKE; PostgreSQL's ILIKE through mode: insensitive).
 */
function attributeWhere(filter: { key: string; value?: unknown }, provider: Provider, config: UserAttributesConfig | null): Prisma.UserWhereInput {
  const { key, value } = filter;
  if (!config || !Object.hasOwn(config.editors, key)) throw validationError([fieldError('attribute.key', 'unknown', 'unknownAttribute')]);
  if (!['string', 'number', 'boolean'].includes(typeof value)) throw validationError([fieldError('attribute.value', 'invalid', 'scalarValue')]);
  // The stored text has no `_` or `%` (serializeValue); PostgreSQL's LIKE also takes `\\` as its escape.
  const pair = `${serializeValue(key)}:${serializeValue(value)}`.replace(/\\/g, provider === 'postgresql' ? '\\\\' : '\\');
  const filters = ['{', ','].flatMap((before) => [',', '}'].map((after) => `${before}${pair}${after}`));
  const contains = (text: string) => (provider === 'postgresql' ? { contains: text, mode: 'insensitive' } : { contains: text }) as Prisma.StringFilter;
  return { OR: filters.map((text) => ({ attributes: contains(text) })) };
}
