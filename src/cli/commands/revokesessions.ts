/** revokesessions --email E: ends every live session of a user at once. */
import { recordAudit } from '../../audit/record.js';
import { revokeSessions } from '../../auth/sessions/revoke.js';
import { withDeps } from '../cli-deps.js';
import type { Command } from '../command.js';
import { parseOptions, userByEmail } from '../user-input.js';

const usage = 'npm run gatehouse -- revokesessions --email E';

export const revokesessions: Command = {
  name: 'revokesessions',
  summary: 'End every live session of a user (their refresh and access tokens stop working).',
  usage,
  async run(args) {
    const flags = parseOptions(args, { email: { type: 'string' } }, usage);
    return withDeps(async (deps) => {
      const user = await userByEmail(deps, flags.email);
      const now = deps.clock.now();
      const count = await deps.prisma.$transaction(async (tx) => {
        const revoked = await revokeSessions(deps, { userId: user.id }, 'revoked_by_admin', tx);
        await recordAudit(tx, { type: 'cli.revokesessions', userId: user.id, metadata: { count: revoked } }, now);
        return revoked;
      });
      console.log(`${count} session(s) of ${user.email} ended.`);
      return 0;
    });
  },
};
