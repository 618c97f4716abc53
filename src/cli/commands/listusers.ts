/** listusers: the accounts, oldest first, as a plain table. */
import { withDeps } from '../cli-deps.js';
import type { Command } from '../command.js';
import { parseOptions } from '../user-input.js';

const usage = 'npm run gatehouse -- listusers [--staff] [--search TEXT]';

export const listusers: Command = {
  name: 'listusers',
  summary: 'List users: email, role, active, verified, created (--staff: staff only; --search: email or name).',
  usage,
  async run(args) {
    const flags = parseOptions(args, { staff: { type: 'boolean' }, search: { type: 'string' } }, usage);
    return withDeps(async (deps) => {
      const search = flags.search?.trim();
      const users = await deps.prisma.user.findMany({
        where: {
          ...(flags.staff ? { isStaff: true } : {}),
          ...(search ? { OR: [{ email: { contains: search.toLowerCase() } }, { firstName: { contains: search } }, { lastName: { contains: search } }] } : {}),
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { email: true, role: true, isActive: true, emailVerifiedAt: true, createdAt: true },
      });
      const rows = [
        ['EMAIL', 'ROLE', 'ACTIVE', 'VERIFIED', 'CREATED'],
        ...users.map((u) => [u.email, u.role, u.isActive ? 'yes' : 'no', u.emailVerifiedAt ? 'yes' : 'no', u.createdAt.toISOString()]),
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
