/**
 * Signing out, token refresh, and the signed-in devices of the viewer (signing in: ./sign-in.ts).
 */
import { logout, logoutAll, mySessions, revokeSession } from '../account/my-sessions.js';
import { refresh } from '../account/refresh.js';
import { GatehouseError, messageText } from '../errors.js';
import { clearAuthCookies, readCookie, setAuthCookies } from './auth-cookies.js';
import { builder } from './builder.js';
import { deviceOf } from './device.js';
import { AuthPayload } from './sign-in-result.js';
import { SessionType } from './session-type.js';
import { plannedUser } from './user-row.js';
import { firstDescription, LIST_SIZES, listSize, takeOf } from './list-size.js';

builder.mutationField('refreshToken', (t) =>
  t.field({
    type: AuthPayload,
    description:
      'Trades a refresh token for a new access token and a new refresh token (the old one stops working; presenting it again after a short grace window ends the session). In cookie mode the argument may be omitted: the refresh cookie is used.',
    authScopes: { public: true },
    args: { refreshToken: t.arg.string({ required: false }) },
    resolve: async (_root, args, context) => {
      const { cookies } = context.deps.config;
      const token = args.refreshToken ?? (cookies.enabled ? readCookie(context.request, cookies.refreshName) : null);
      if (!token) throw new GatehouseError('TOKEN_INVALID', { message: messageText('refreshMissing') });
      try {
        const result = await refresh(context.deps, token, deviceOf(context));
        setAuthCookies(cookies, context.request, result, context.deps.clock.now());
        return result;
      } catch (error) {
        if (error instanceof GatehouseError && !args.refreshToken) clearAuthCookies(cookies, context.request);
        throw error;
      }
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Revokes the current session; its access and refresh tokens stop working at once. Clears the auth cookies in cookie mode.',
    // Open to a user MFA_REQUIRED_FOR holds to enrolment too: signing out must always work.
    authScopes: { enrolling: true },
    resolve: async (_root, _args, context) => {
      await logout(context.deps, context.viewer!, deviceOf(context));
      clearAuthCookies(context.deps.config.cookies, context.request);
      return true;
    },
  }),
);

builder.mutationField('logoutAll', (t) =>
  t.int({
    description: 'Revokes every session of mine, this one included; returns how many were signed out. Needs my current password.',
    authScopes: { authenticated: true },
    args: { password: t.arg.string({ required: true, description: 'My current password (INVALID_CREDENTIALS when wrong).' }) },
    resolve: async (_root, args, context) => {
      const count = await logoutAll(context.deps, context.viewer!, args.password, deviceOf(context));
      clearAuthCookies(context.deps.config.cookies, context.request);
      return count;
    },
  }),
);

builder.mutationField('revokeSession', (t) =>
  t.boolean({
    description: 'Signs one of my devices out (NOT_FOUND unless it is one of my live sessions). Another device than this one needs my current password.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true }),
      password: t.arg.string({ required: false, description: 'My current password; required unless `id` is the current session.' }),
    },
    resolve: async (_root, args, context) => {
      await revokeSession(context.deps, context.viewer!, String(args.id), args.password ?? null, deviceOf(context));
      return true;
    },
  }),
);

builder.queryField('mySessions', (t) =>
  t.field({
    type: [SessionType],
    description: `My signed-in devices, most recently used first (at most ${LIST_SIZES.sessions.max}).`,
    authScopes: { authenticated: true },
    args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.sessions) }) },
    extensions: listSize(LIST_SIZES.sessions),
    resolve: (_root, args, context) => mySessions(context.deps, context.viewer!, takeOf(args.first, LIST_SIZES.sessions)),
  }),
);

interface AuthStatusShape {
  isAuthenticated: boolean;
}

const AuthStatus = builder.objectRef<AuthStatusShape>('AuthStatus').implement({
  fields: (t) => ({
    isAuthenticated: t.exposeBoolean('isAuthenticated'),
    user: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, _status, _args, context) => (context.viewer ? plannedUser(context, query, context.viewer.user) : null),
    }),
    session: t.field({ type: SessionType, nullable: true, resolve: (_status, _args, context) => context.viewer?.session ?? null }),
  }),
});

builder.queryField('authStatus', (t) =>
  t.field({
    type: AuthStatus,
    description: 'Whether this request is signed in, as whom and in which session. Never fails: a bad token reads as signed out.',
    authScopes: { public: true },
    resolve: (_root, _args, context) => ({ isAuthenticated: context.viewer !== null }),
  }),
);
