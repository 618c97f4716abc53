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

/** Loads a user's groups and permissions in one query (through a transaction client too). */
export async function loadEffectiveAccess(
  prisma: Pick<PrismaClient, 'user'>,
  user: { id: string; isActive: boolean; isSuperuser: boolean },
): Promise<EffectiveAccess> {
  if (!user.isActive) return NO_ACCESS;
  const row = await prisma.user.findUnique({
    where: { id: user.id },
    select: {
      permissions: { select: { permission: { select: { codename: true } } } },
      groups: { select: { group: { select: { name: true, permissions: { select: { permission: { select: { codename: true } } } } } } } },
    },
  });
  const permissions = new Set<string>(row?.permissions.map((p) => p.permission.codename) ?? []);
  const groups = new Set<string>();
  for (const { group } of row?.groups ?? []) {
    groups.add(group.name);
    for (const p of group.permissions) permissions.add(p.permission.codename);
  }
  const isSuperuser = user.isSuperuser;
  return { isSuperuser, permissions, groups, has: (codename) => isSuperuser || permissions.has(codename) };
}
