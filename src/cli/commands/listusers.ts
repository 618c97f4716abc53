/** listusers: the accounts, oldest first, as a plain table. */
import { userWhere } from '../../admin/user-search.js';
import { withDeps } from '../cli-deps.js';
import type { Command } from '../command.js';
import { parseOptions } from '../user-input.js';

const usage = 'npm run gatehouse -- listusers [--staff] [--search TEXT]';

export const listusers: Command = {
  name: 'listusers',
  summary: 'List users: email, role, active, verified, created, username (--staff: staff only; --search: part of the email, username or name).',
  usage,
  async run(args) {
    const flags = parseOptions(args, { staff: { type: 'boolean' }, search: { type: 'string' } }, usage);
    return withDeps(async (deps) => {
      // The admin API's search (users(filter:)), so both find the same accounts.
      const users = await deps.prisma.user.findMany({
        where: userWhere({ isStaff: flags.staff ? true : null, search: flags.search }, deps.config.database.provider),
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { email: true, role: true, isActive: true, emailVerifiedAt: true, createdAt: true, username: true },
      });
      const rows = [
        // USERNAME last, so scripts reading the first five columns keep working; '-' for no address (usernames sign in) or no username.
        ['EMAIL', 'ROLE', 'ACTIVE', 'VERIFIED', 'CREATED', 'USERNAME'],
        ...users.map((u) => [
          u.email ?? '-',
          u.role,
          u.isActive ? 'yes' : 'no',
          u.emailVerifiedAt ? 'yes' : 'no',
          u.createdAt.toISOString(),
          u.username ?? '-',
        ]),
      ];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
      for (const row of rows)
        console.log(
          row
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
      console.log(`${users.length} user(s)`);
      return 0;
    });
  },
};
