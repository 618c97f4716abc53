/**
 * Admin API for a user's second factors: resetting them all for someone who lost them.
 */
import { resetUserMfa } from '../../admin/user-mfa.js';
import { builder, staffWith } from '../builder.js';
import { actorOf } from './actor.js';

builder.mutationField('resetUserMfa', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'Removes every second factor of a user (authenticator app, recovery codes, passkeys) and signs them out everywhere; the user is emailed. Only on an account holding nothing you do not hold (only superusers reset superusers); never your own.',
    authScopes: staffWith('users.change_user'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      await resetUserMfa(context.deps, await actorOf(context), id);
      return context.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
