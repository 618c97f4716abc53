/**
 * The Pothos schema builder: scope-auth first (every field's rule lives beside the field), then
 * the Prisma plugin, which plans one query per request for `t.prismaField` / `t.relation`.
 */
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import { Kind, valueFromASTUntyped } from 'graphql';
import { GatehouseError } from '../errors.js';
import { requireIntrospectionClient } from '../auth/tokens/introspection-client.js';
import { mfaEnrollmentPending } from '../auth/mfa/policy.js';
import type { Context } from './context.js';
import type { EffectiveAccess } from '../auth/permissions/effective.js';

export interface AuthScopes {
  /** Anyone, signed in or not. Stated explicitly so every root field carries a rule. */
  public: boolean;
  /** A signed-in user with a live session. */
  authenticated: boolean;
  /**
   * A signed-in user, also one whom MFA_REQUIRED_FOR holds to enrolment (no second factor yet):
   * only `me`, the enrolment fields and `logout` use it.
   */
  enrolling: boolean;
  /** A trusted service presenting an INTROSPECTION_SECRETS value in X-Introspection-Secret. */
  introspection: boolean;
  /** A signed-in user whose email address is verified. */
  verified: boolean;
  /** A signed-in staff member (superusers are staff). Admin fields pair it with a permission. */
  staff: boolean;
  /** A signed-in superuser. */
  superuser: boolean;
  /** The viewer holds this codename, directly or through a group (superusers hold all). */
  permission: string;
  /** The viewer holds at least one of these codenames. */
  anyPermission: readonly string[];
  /** The viewer is a member of the group with this name. */
  group: string;
  /** The viewer is the user with this id (the user a field belongs to). */
  self: string;
}

/** The rule of an admin field: a staff member holding `codename` (superusers pass). */
export function staffWith(codename: string) {
  return { $all: { staff: true, permission: codename } } as const;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    treatErrorsAsUnauthorized: true,
    // Parameters are strings or lists of strings, one kind per scope (the cache is per scope), so a
    // string is its own key and JSON is a stable key for a list. (`self` is asked on every field.)
    cacheKey: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
    authScopes: (context) => {
      const user = context.viewer?.user ?? null;
      // Inactive users never get here (authenticate rejects them); checked again for safety.
      const signedIn = user !== null && user.isActive;
      // MFA_REQUIRED_FOR: a covered user without a second factor passes `enrolling` (and may read
      // their own account through `self`, for `me`) and nothing else until they enrol. mfaEnabled
      // comes from the user row; enrolling invalidates the cached row, so access opens at once.
      const active = signedIn && !mfaEnrollmentPending(context.deps.config.mfa.requiredFor, user);
      // Once the request's access has loaded, the permission scopes answer synchronously: a scope
      // first asked after that is cached as a plain result, so a type rule checked on every field
      // of every row of a list (User's) does not turn each of those fields into a promise.
      let loaded: EffectiveAccess | undefined;
      const withAccess = (check: (access: EffectiveAccess) => boolean): boolean | Promise<boolean> =>
        loaded ? check(loaded) : context.access().then((access) => check((loaded = access)));
      return {
        public: true,
        authenticated: active,
        enrolling: signedIn,
        verified: active && user.emailVerifiedAt !== null,
        staff: active && (user.isStaff || user.isSuperuser),
        superuser: active && user.isSuperuser,
        // context.access() loads groups and permissions once per request, on first use.
        permission: (codename) => active && withAccess((access) => access.has(codename)),
        anyPermission: (codenames) => active && withAccess((access) => codenames.some((codename) => access.has(codename))),
        group: (name) => active && withAccess((access) => access.groups.has(name)),
        self: (userId) => signedIn && user.id === userId,
        // Evaluated only for fields that ask for it; throws a FORBIDDEN naming the header.
        introspection: () => requireIntrospectionClient(context.deps.config, context.request),
      };
    },
    unauthorizedError: (_parent, context, _info, result) => toAuthError(context, result.failure),
  },
  prisma: {
    // The client is resolved per request from deps, keeping it out of the Context type.
    client: (context: Context) => context.deps.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

/** Scope failures reach clients as UNAUTHENTICATED (or why the token failed) or FORBIDDEN. */
function toAuthError(context: Context, failure: AuthFailure): GatehouseError {
  const thrown = firstError(failure);
  if (thrown instanceof GatehouseError) return thrown;
  if (!context.viewer) return context.authError ?? new GatehouseError('UNAUTHENTICATED');
  // Held to enrolment (MFA_REQUIRED_FOR): say what to do, not that the field is forbidden.
  if (mfaEnrollmentPending(context.deps.config.mfa.requiredFor, context.viewer.user)) return new GatehouseError('MFA_ENROLLMENT_REQUIRED');
  const missing = missingScopes(failure);
  return new GatehouseError('FORBIDDEN', {
    message: missing.length ? `You are not allowed to do this (requires ${missing.join(' or ')}).` : undefined,
    details: missing.length ? { required: missing } : undefined,
  });
}

function firstError(failure: AuthFailure): Error | null {
  if ('error' in failure && failure.error) return failure.error;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const child of failure.failures) {
      const error = firstError(child);
      if (error) return error;
    }
  }
  return null;
}

/** Names of the scopes that failed, e.g. `permission:users.view_user`, for the error message. */
function missingScopes(failure: AuthFailure): string[] {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      // `self` is parameterised by a user id, which names nobody useful to the client.
      if (failure.scope === 'self' || failure.parameter === true || failure.parameter === undefined) return [failure.scope];
      return [`${failure.scope}:${String(failure.parameter)}`];
    case AuthScopeFailureType.AnyAuthScopes:
    case AuthScopeFailureType.AllAuthScopes:
      return failure.failures.flatMap(missingScopes);
    case AuthScopeFailureType.GrantedScope:
      return [failure.scope];
    default:
      return [];
  }
}

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date-time in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('JSON', {
  description: 'Any JSON value, passed through as is (the WebAuthn options and answers of the passkey fields).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

builder.queryType({});
builder.mutationType({});

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new GatehouseError('BAD_REQUEST', { message: 'DateTime must be an ISO-8601 string.' });
  return date;
}
