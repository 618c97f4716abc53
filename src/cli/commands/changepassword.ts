/** changepassword --email E: sets a user's password (asked twice, masked) and signs them out everywhere. */
import { authStateChanged } from '../../auth/cache/invalidate.js';
import { recordAudit } from '../../audit/record.js';
import { consumeOutstandingTokens } from '../../auth/outstanding-tokens.js';
import { revokeSessions } from '../../auth/sessions/revoke.js';
import { withDeps } from '../cli-deps.js';
import { CommandError, type Command } from '../command.js';
import { newPassword, parseOptions, userByEmail } from '../user-input.js';

const usage = 'npm run gatehouse -- changepassword --email E [--no-input]';

export const changepassword: Command = {
  name: 'changepassword',
  summary: "Change a user's password (prompts; or GATEHOUSE_PASSWORD with --no-input) and end their sessions.",
  usage,
  async run(args) {
    const flags = parseOptions(args, { email: { type: 'string' }, 'no-input': { type: 'boolean' } }, usage);
    return withDeps(async (deps) => {
      const user = await userByEmail(deps, flags.email);
      const password = await newPassword(deps, !flags['no-input'], user);
      if (password === null) throw new CommandError('GATEHOUSE_PASSWORD is not set');
      const passwordHash = await deps.passwords.hash(password);
      const now = deps.clock.now();
      const revoked = await deps.prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
        await authStateChanged(deps, tx, { userId: user.id });
        await consumeOutstandingTokens(tx, user.id, now);
        const count = await revokeSessions(deps, { userId: user.id }, 'password_changed', tx);
        await recordAudit(tx, { type: 'cli.changepassword', userId: user.id, metadata: { sessionsRevoked: count } }, now);
        return count;
      });
      console.log(`Password changed for ${user.email}; ${revoked} session(s) ended.`);
      return 0;
    });
  },
};
