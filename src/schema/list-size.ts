/**
 * Bounded lists. Every list field of objects takes `first` (1 to its maximum; omitted: the
 * maximum, so existing queries keep their answers) and declares its size in the field's
 * extensions, where the query-cost rule (src/server/limits/list-cost.ts) reads it: a list counts
 * as `first` items when the query gives it, else as the field's typical size.
 */
import { MAX_PASSKEYS_PER_USER } from '../account/passkeys/passkey-limit.js';
import { fieldError, validationError } from '../errors.js';

export interface ListSize {
  /** Most items the field ever returns. */
  max: number;
  /** Items the query cost assumes when `first` is not given: what the list typically holds. */
  cost: number;
  /** The argument of the parent field that sizes this list (a page's `nodes`), instead of `first`. */
  fromParentArg?: string;
}

export const LIST_SIZE_EXTENSION = 'gatehouseListSize';

/** The field extensions declaring `size`. */
export function listSize(size: ListSize): Record<string, ListSize> {
  return { [LIST_SIZE_EXTENSION]: size };
}

/** The description of a list's `first` argument. */
export function firstDescription(size: Pick<ListSize, 'max'>): string {
  return `At most this many items, 1 to ${size.max}. @default ${size.max}`;
}

/** How many rows to load for `first`, clamped (for Prisma selections planned before the resolver runs). */
export function clampedTake(first: number | null | undefined, size: Pick<ListSize, 'max'>): number {
  return Math.min(Math.max(first ?? size.max, 1), size.max);
}

/**
 * How many rows to load for `first`.
 * @throws GatehouseError VALIDATION_FAILED (field first, code out_of_range)
 */
export function takeOf(first: number | null | undefined, size: Pick<ListSize, 'max'>): number {
  if (first != null && (first < 1 || first > size.max)) {
    throw validationError([fieldError('first', 'out_of_range', 'pageSize', { max: size.max })]);
  }
  return first ?? size.max;
}

/** The sizes of the bounded lists, one place to read and tune them. */
export const LIST_SIZES = {
  /** Query.webhookEndpoints and Query.webhookDeliveries (newest first). */
  webhookEndpoints: { max: 200, cost: 20 },
  webhookDeliveries: { max: 200, cost: 50 },
  /** A user's live sessions (grows with every sign-in; MAX_SESSIONS_PER_USER may cap it lower). */
  sessions: { max: 100, cost: 20 },
  /** A group's members; beyond it, page through users(filter: { group }). */
  members: { max: 100, cost: 100 },
  /** A user's groups. */
  userGroups: { max: 100, cost: 10 },
  /** Permissions of a user or a group. */
  permissions: { max: 200, cost: 20 },
  /** Query.groups and Query.permissions. */
  allGroups: { max: 500, cost: 50 },
  allPermissions: { max: 500, cost: 100 },
  /** A user's passkeys (registration stops at MAX_PASSKEYS_PER_USER). */
  passkeys: { max: MAX_PASSKEYS_PER_USER, cost: 3 },
  /** A user's linked sign-in identities (Google, GitHub...). */
  identities: { max: 50, cost: 3 },
  /** Query.oauthProviders: the configured providers. */
  oauthProviders: { max: 100, cost: 5 },
} as const satisfies Record<string, ListSize>;
