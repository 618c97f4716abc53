/**
 * initdefaultadmin: creates a superuser from DEFAULT_ADMIN_EMAIL / DEFAULT_ADMIN_PASSWORD only when
 * no superuser exists, so it can run on every deployment. Idempotent.
 */
import { cliActor } from '../../admin/actor.js';
import { createUser } from '../../admin/create-user.js';
import { withDeps } from '../cli-deps.js';
import { CommandError, type Command } from '../command.js';
import { commandErrorOf } from '../user-input.js';

export const initdefaultadmin: Command = {
  name: 'initdefaultadmin',
  summary: 'Create a superuser from DEFAULT_ADMIN_EMAIL and DEFAULT_ADMIN_PASSWORD if none exists.',
  async run() {
    return withDeps(async (deps) => {
      if (await deps.prisma.user.count({ where: { isSuperuser: true } })) {
        console.log('A superuser already exists; nothing to do.');
        return 0;
      }
      const { defaultAdminEmail: email, defaultAdminPassword: password } = deps.config.cli;
      if (!email || !password) throw new CommandError('set DEFAULT_ADMIN_EMAIL and DEFAULT_ADMIN_PASSWORD');
      try {
        const user = await createUser(deps, cliActor('initdefaultadmin'), { email, password, isSuperuser: true, emailVerified: true });
        console.log(`Superuser created: ${user.email}`);
        console.warn('WARNING: change this password after the first sign-in, and remove DEFAULT_ADMIN_PASSWORD from the environment.');
        return 0;
      } catch (error) {
        // Another instance running the same command at the same moment got there first.
        if (await deps.prisma.user.count({ where: { isSuperuser: true } })) {
          console.log('A superuser already exists; nothing to do.');
          return 0;
        }
        throw commandErrorOf(error);
      }
    });
  },
};
