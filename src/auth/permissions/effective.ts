/**
 * A user's effective permissions, as Django computes them: direct permissions and those of their
 * groups; a superuser has every permission; an inactive user has none.
 */
import type { PrismaClient } from '../../db/client.js';

export interface EffectiveAccess {
  isSuperuser: boolean;
  /** Permission codenames held directly or through a group. */
  permissions: ReadonlySet<string>;
  /** Names of the user's groups. */
  groups: ReadonlySet<string>;
  /** True when the codename is held (a superuser holds them all). */
  has(codename: string): boolean;
}

export const NO_ACCESS: EffectiveAccess = {
  isSuperuser: false,
  permissions: new Set(),
  groups: new Set(),
  has: () => false,
};

/**
 * Loads a user's permissions and group names in two flat queries (through a transaction client
 * too): the permission query reaches group permissions through subqueries, where a nested select
 * would cost one statement per relation level (seven in all).
 */
export async function loadEffectiveAccess(
  prisma: Pick<PrismaClient, 'permission' | 'group'>,
  user: { id: string; isActive: boolean; isSuperuser: boolean },
): Promise<EffectiveAccess> {
  if (!user.isActive) return NO_ACCESS;
  const memberOf = { users: { some: { userId: user.id } } };
  const permissionRows = await prisma.permission.findMany({
    where: { OR: [memberOf, { groups: { some: { group: memberOf } } }] },
    select: { codename: true },
  });
  const groupRows = await prisma.group.findMany({ where: memberOf, select: { name: true } });
  const permissions = new Set(permissionRows.map((p) => p.codename));
  const groups = new Set(groupRows.map((g) => g.name));
  const isSuperuser = user.isSuperuser;
  return { isSuperuser, permissions, groups, has: (codename) => isSuperuser || permissions.has(codename) };
}
