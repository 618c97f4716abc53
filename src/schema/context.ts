/**
 * The per-request GraphQL context: who is asking (resolved once, before any resolver, by
 * src/server/context.ts) and a lazy, request-cached view of their permissions. The Prisma client is deliberately not on it (it slows
 * type-checking of the Pothos types); resolvers reach the database through `deps`.
 */
import type { Viewer } from '../auth/sessions/authenticate.js';
import type { EffectiveAccess } from '../auth/permissions/effective.js';
import type { GatehouseError } from '../errors.js';
import type { Deps } from '../deps.js';

export interface Context {
  deps: Deps;
  request: Request;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The signed-in user and session, or null when anonymous. */
  viewer: Viewer | null;
  /** Why a presented token was not accepted; reported by the `authenticated` scope. */
  authError: GatehouseError | null;
  /** Effective groups and permissions of the viewer, loaded at most once per request. */
  access(): Promise<EffectiveAccess>;
}
