/**
 * revokesessions --email E | --username U: ends every live session of a user at once.
 * revokesessions --all [--reason TEXT]: ends every live session of every user (after a key leak).
 * Both are the admin API's use cases, run as the operator (cliActor).
 */
import { cliActor } from '../../admin/actor.js';
import { revokeAllSessions } from '../../admin/revoke-all-sessions.js';
import { revokeUserSessions } from '../../admin/user-password.js';
import { withDeps } from '../cli-deps.js';
import { CommandError, type Command } from '../command.js';
import { commandErrorOf, parseOptions, userByFlags } from '../user-input.js';
import { accountLabel } from '../../users/account-label.js';

const usage = 'npm run gatehouse -- revokesessions --email E | --username U | --all [--reason TEXT]';

export const revokesessions: Command = {
  name: 'revokesessions',
  summary: 'End every live session of a user, or of every user with --all (their refresh and access tokens stop working).',
  usage,
  async run(args) {
    const flags = parseOptions(args, { email: { type: 'string' }, username: { type: 'string' }, all: { type: 'boolean' }, reason: { type: 'string' } }, usage);
    if (flags.all && (flags.email || flags.username)) throw new CommandError(`--all and --email/--username exclude each other\nusage: ${usage}`, 2);
    if (!flags.all && flags.reason !== undefined) throw new CommandError(`--reason goes with --all\nusage: ${usage}`, 2);
    return withDeps(async (deps) => {
      if (flags.all) {
        const count = await revokeAllSessions(deps, cliActor('revokesessions_all'), flags.reason ?? null).catch((error: unknown) => {
          throw commandErrorOf(error);
        });
        console.log(`${count} session(s) of all users ended.`);
        return 0;
      }
      const user = await userByFlags(deps, flags);
      const count = await revokeUserSessions(deps, cliActor('revokesessions'), user.id, null).catch((error: unknown) => {
        throw commandErrorOf(error);
      });
      console.log(`${count} session(s) of ${accountLabel(user)} ended.`);
      return 0;
    });
  },
};
