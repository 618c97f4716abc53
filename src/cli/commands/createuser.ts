/**
 * createuser, createstaffuser, createsuperuser: like Django's createsuperuser. Interactive by
 * default; with --no-input every value comes from flags and the password from GATEHOUSE_PASSWORD.
 */
import { cliActor } from '../../admin/actor.js';
import { createUser } from '../../admin/create-user.js';
import { withDeps } from '../cli-deps.js';
import type { Command } from '../command.js';
import { CommandError } from '../command.js';
import { ask } from '../prompt.js';
import { checkEmail, commandErrorOf, newPassword, parseOptions } from '../user-input.js';
import { accountLabel } from '../../users/account-label.js';

type Kind = 'user' | 'staff' | 'superuser';

const FLAGS = {
  email: { type: 'string' },
  username: { type: 'string' },
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  'no-input': { type: 'boolean' },
} as const;

function createCommand(name: string, kind: Kind, summary: string): Command {
  const usage = `npm run gatehouse -- ${name} [--email E] [--username U] [--first-name F] [--last-name L] [--no-input]`;
  return {
    name,
    summary,
    usage,
    async run(args) {
      const flags = parseOptions(args, FLAGS, usage);
      const interactive = !flags['no-input'];
      // Without --email, createUser decides: an account without an address where usernames sign in, else VALIDATION_FAILED.
      if (!interactive && !flags.email && !flags.username)
        throw new CommandError('--email (or --username, where usernames sign in) is required with --no-input', 2);
      if (flags.email !== undefined && checkEmail(flags.email) !== true) throw new CommandError(`--email: ${checkEmail(flags.email)}`, 2);
      return withDeps(async (deps) => {
        // Where usernames sign in (LOGIN_IDENTIFIERS username or both) the address may be left blank.
        const optionalEmail = deps.config.accounts.loginIdentifiers !== 'email';
        const email =
          flags.email ??
          (interactive
            ? (await ask(optionalEmail ? 'Email address (optional):' : 'Email address:', {
                validate: (value) => (optionalEmail && value.trim() === '') || checkEmail(value),
              })) || null
            : null);
        const optional = async (flag: string | undefined, question: string) => flag ?? (interactive ? (await ask(question)) || null : null);
        const username = await optional(flags.username, email === null ? 'Username:' : 'Username (optional):');
        const firstName = (await optional(flags['first-name'], 'First name (optional):')) ?? '';
        const lastName = (await optional(flags['last-name'], 'Last name (optional):')) ?? '';
        const password = await newPassword(deps, interactive, { email, username, firstName, lastName });
        try {
          const user = await createUser(deps, cliActor(name), {
            email,
            username,
            firstName,
            lastName,
            password,
            isStaff: kind !== 'user',
            isSuperuser: kind === 'superuser',
            // The operator vouches for the address they typed; an account without one has nothing to verify.
            emailVerified: email !== null,
          });
          console.log(`${kind === 'superuser' ? 'Superuser' : kind === 'staff' ? 'Staff user' : 'User'} created: ${accountLabel(user)} (${user.role})`);
          if (password === null) console.log('The account has no password yet: set one with changepassword or a password reset.');
          return 0;
        } catch (error) {
          throw commandErrorOf(error);
        }
      });
    },
  };
}

export const createuser = createCommand('createuser', 'user', 'Create a user (prompts, or flags with --no-input and GATEHOUSE_PASSWORD).');
export const createstaffuser = createCommand('createstaffuser', 'staff', 'Create a staff user (may use the admin API within their permissions).');
export const createsuperuser = createCommand('createsuperuser', 'superuser', 'Create a superuser (every permission; put in the Root group).');
