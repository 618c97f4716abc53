/** changepassword --email E | --username U: sets a user's password (asked twice, masked) and signs them out everywhere. */
import { cliActor } from '../../admin/actor.js';
import { setUserPassword } from '../../admin/user-password.js';
import { withDeps } from '../cli-deps.js';
import { CommandError, type Command } from '../command.js';
import { commandErrorOf, newPassword, parseOptions, userByFlags } from '../user-input.js';
import { accountLabel } from '../../users/account-label.js';

const usage = 'npm run gatehouse -- changepassword --email E | --username U [--no-input]';

export const changepassword: Command = {
  name: 'changepassword',
  summary: "Change a user's password (prompts; or GATEHOUSE_PASSWORD with --no-input) and end their sessions.",
  usage,
  async run(args) {
    const flags = parseOptions(args, { email: { type: 'string' }, username: { type: 'string' }, 'no-input': { type: 'boolean' } }, usage);
    return withDeps(async (deps) => {
      const user = await userByFlags(deps, flags);
      const password = await newPassword(deps, !flags['no-input'], user);
      if (password === null) throw new CommandError('GATEHOUSE_PASSWORD is not set');
      // The admin API's use case, as the operator: the same rules, outstanding links voided, audited as cli.changepassword.
      const revoked = await setUserPassword(deps, cliActor('changepassword'), user.id, password, { revokeSessions: true }).catch((error: unknown) => {
        throw commandErrorOf(error);
      });
      console.log(`Password changed for ${accountLabel(user)}; ${revoked.sessionsRevoked} session(s) ended.`);
      return 0;
    });
  },
};
