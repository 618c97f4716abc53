/**
 * The one way writers tell the authentication cache (./auth-cache.ts) that what it holds changed:
 * a session revoked, a user changed or deactivated, permissions or memberships changed, a webhook
 * endpoint created, changed or deleted.
 *
 * On this instance the entries go at once, and again when the writing transaction ends (nothing
 * is cached while it is open), so the revoking request's own instance never answers from the old
 * state after the write commits. Other PostgreSQL instances hear of it by NOTIFY, sent in the same
 * transaction (PostgreSQL delivers it on commit, and not at all on rollback); see ./listener.ts.
 */
import type { Deps } from '../../deps.js';
import type { PrismaClient } from '../../db/client.js';
import { onTransactionEnd } from '../../db/after-transaction.js';
import type { AuthChange } from './auth-cache.js';
import type { Provider } from '../../config/provider.js';

/** The PostgreSQL channel instances announce changes on. */
export const AUTH_CHANGES_CHANNEL = 'gatehouse_auth_changes';

/** What the writers need: the cache, and which database (NOTIFY is PostgreSQL's). */
export type InvalidationDeps = Pick<Deps, 'authCache' | 'config'>;

/**
 * Call after the write, with the client or transaction the write went through.
 * @param db the same client or transaction as the write, so the NOTIFY commits with it.
 */
export async function authStateChanged(deps: InvalidationDeps, db: Pick<PrismaClient, '$executeRawUnsafe'>, change: AuthChange): Promise<void> {
  deps.authCache.apply(change);
  const release = deps.authCache.hold();
  if (!onTransactionEnd(db, () => (deps.authCache.apply(change), release()))) release();
  await announceAuthChange(deps.config.database.provider, db, change);
}

/**
 * For a write that carried its own NOTIFY (payload `encodeChange(change)`, committed with it in one
 * statement, as the PostgreSQL sign-in's): call after it committed; only this instance is left to tell.
 */
export function authStateChangedInStatement(deps: InvalidationDeps, change: AuthChange): void {
  deps.authCache.apply(change);
}

/** Tells the other PostgreSQL instances (in `db`'s transaction, if it is one); nothing on SQLite. */
export async function announceAuthChange(provider: Provider, db: Pick<PrismaClient, '$executeRawUnsafe'>, change: AuthChange): Promise<void> {
  if (provider !== 'postgresql') return;
  await db.$executeRawUnsafe(`SELECT pg_notify('${AUTH_CHANGES_CHANNEL}', $1)`, encodeChange(change));
}

/**
 * The NOTIFY payload: `u:<user id>`, `p` (permissions), `w` (webhook endpoints) or `*` (everything).
 * An instance that does not know a payload reads it as everything (decodeChange).
 */
export function encodeChange(change: AuthChange): string {
  if ('userId' in change) return `u:${change.userId}`;
  if ('webhooks' in change) return 'w';
  return 'permissions' in change ? 'p' : '*';
}

/** The change a payload names; anything unrecognised means everything, the safe reading. */
export function decodeChange(payload: string | undefined): AuthChange {
  if (payload?.startsWith('u:') && payload.length > 2) return { userId: payload.slice(2) };
  if (payload === 'p') return { permissions: true };
  if (payload === 'w') return { webhooks: true };
  return { everything: true };
}
