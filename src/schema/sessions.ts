/**
 * Signing out. Sign-in and refresh live with the account flows.
 */
import { revokeSessions } from '../auth/sessions/revoke.js';
import { builder } from './builder.js';

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Revokes the current session; its access and refresh tokens stop working at once.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, { deps, viewer }) => {
      await revokeSessions(deps, { userId: viewer!.user.id, id: viewer!.session.id }, 'logout');
      return true;
    },
  }),
);
