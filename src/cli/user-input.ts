/**
 * Shared pieces of the user commands: options, the password asked twice (or read from
 * GATEHOUSE_PASSWORD), and operator-readable errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { validatePassword, type UserAttributes } from '../auth/passwords/validators.js';
import { GatehouseError } from '../errors.js';
import type { Deps } from '../deps.js';
import { isValidEmail, normalizeEmail } from '../users/email.js';
import { normalizeUsername } from '../users/username.js';
import { CommandError } from './command.js';
import { askSecret } from './prompt.js';

/** Parses `args`, turning unknown or malformed options into a usage error (exit code 2). */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : String(error)}\nusage: ${usage}`, 2);
  }
}

export function checkEmail(value: string): string | true {
  return isValidEmail(normalizeEmail(value)) ? true : 'Enter a valid email address.';
}

/** How many times a mistyped or rejected password is asked again before giving up. */
const PASSWORD_TRIES = 3;

/**
 * The new password: asked twice, masked, until it matches and passes the same rules as the API;
 * with --no-input, GATEHOUSE_PASSWORD (null when unset: the account gets no password).
 */
export async function newPassword(deps: Deps, interactive: boolean, user: UserAttributes): Promise<string | null> {
  const policy = deps.config.passwords.policy;
  if (!interactive) {
    const password = deps.config.cli.password ?? null;
    if (password !== null) {
      const problems = validatePassword(policy, password, user);
      if (problems.length) throw new CommandError(`GATEHOUSE_PASSWORD is not acceptable: ${problems.map((p) => p.message).join(' ')}`);
    }
    return password;
  }
  for (let attempt = 1; attempt <= PASSWORD_TRIES; attempt++) {
    const first = await askSecret('Password:');
    const second = await askSecret('Password (again):');
    if (first !== second) {
      console.error("Error: the two passwords didn't match.");
      continue;
    }
    const problems = validatePassword(policy, first, user);
    if (!problems.length) return first;
    for (const problem of problems) console.error(`Error: ${problem.message}`);
  }
  throw new CommandError('no acceptable password given');
}

/** A use-case failure as one or more lines for the operator. */
export function commandErrorOf(error: unknown): unknown {
  if (!(error instanceof GatehouseError)) return error;
  const fields = (error.extensions.fields as { field: string; message: string }[] | undefined) ?? [];
  return new CommandError([error.message, ...fields.map((f) => `  ${f.field}: ${f.message}`)].join('\n'));
}

/**
 * The user named by --email or --username (exactly one: an account without an address has only
 * its username), or a CommandError.
 */
export async function userByFlags(deps: Deps, flags: { email?: string; username?: string }) {
  if (flags.email !== undefined && flags.username !== undefined) throw new CommandError('--email and --username exclude each other', 2);
  if (flags.username === undefined) return userByEmail(deps, flags.email);
  const username = normalizeUsername(flags.username);
  const user = await deps.prisma.user.findUnique({ where: { username } });
  if (!user) throw new CommandError(`no user with username ${username}`);
  return user;
}

/** The user with this email, or a CommandError. */
export async function userByEmail(deps: Deps, email: string | undefined) {
  if (!email) throw new CommandError('--email (or --username) is required', 2);
  const user = await deps.prisma.user.findUnique({ where: { email: normalizeEmail(email) } });
  if (!user) throw new CommandError(`no user with email ${normalizeEmail(email)}`);
  return user;
}
