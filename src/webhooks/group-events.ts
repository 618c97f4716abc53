/**
 * The payload pieces of group and permission events, read inside the caller's transaction so they
 * show the state the change committed: a group with its permissions, and a user's groups and
 * direct permissions, by name and codename (sorted), never ids a receiver cannot resolve.
 */
import type { PrismaClient } from '../db/client.js';
import type { WebhookGroup } from './events.js';

type Db = Pick<PrismaClient, 'group' | 'userGroup' | 'userPermission'>;

export async function webhookGroup(db: Pick<Db, 'group'>, id: string): Promise<WebhookGroup> {
  const group = await db.group.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, description: true, permissions: { select: { permission: { select: { codename: true } } } } },
  });
  const permissions = group.permissions.map((link) => link.permission.codename).sort();
  return { id: group.id, name: group.name, description: group.description, permissions };
}

/** The names of the user's groups, sorted. */
export async function userGroupNames(db: Pick<Db, 'userGroup'>, userId: string): Promise<string[]> {
  const rows = await db.userGroup.findMany({ where: { userId }, select: { group: { select: { name: true } } } });
  return rows.map((row) => row.group.name).sort();
}

/** The codenames of the user's direct permissions (not those through groups), sorted. */
export async function userPermissionCodenames(db: Pick<Db, 'userPermission'>, userId: string): Promise<string[]> {
  const rows = await db.userPermission.findMany({ where: { userId }, select: { permission: { select: { codename: true } } } });
  return rows.map((row) => row.permission.codename).sort();
}
