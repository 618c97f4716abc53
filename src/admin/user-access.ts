/**
 * Setting a user's groups and direct permissions. A staff member may only grant what they hold:
 * every permission newly reaching the user (directly or through an added group) must be theirs,
 * and adding to a group also takes groups.change_group (guards.ts). The target itself must hold
 * nothing the actor lacks (loadTarget).
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import { recordAudit } from '../audit/record.js';
import { serializable, type Tx } from '../db/transaction.js';
import { GatehouseError } from '../errors.js';
import type { User } from '../generated/sqlite/client.js';
import type { Deps } from '../deps.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { userGroupNames, userPermissionCodenames } from '../webhooks/group-events.js';
import { auditBy, webhookActor, type Actor } from './actor.js';
import { assertCanAddToGroups, assertCanGrant, assertCanRevoke } from './guards.js';
import { loadTarget } from './update-user.js';

type AdminDeps = Pick<Deps, 'prisma' | 'clock' | 'authCache' | 'config'>;

/** Most groups or permissions one call may set. */
export const MAX_ITEMS = 500;

/** Replaces the user's groups with the named ones. */
export async function setUserGroups(deps: AdminDeps, actor: Actor, id: string, names: string[]): Promise<User> {
  const wanted = unique(names, 'groups');
  return serializable(deps.prisma, async (tx) => {
    const user = await loadTarget(tx, actor, id);
    const groups = await tx.group.findMany({
      where: { name: { in: wanted } },
      select: { id: true, name: true, permissions: { select: { permission: { select: { codename: true } } } } },
    });
    assertAllFound(
      wanted,
      groups.map((g) => g.name),
      'groups',
      'group',
    );
    const current = new Set((await tx.userGroup.findMany({ where: { userId: id }, select: { groupId: true } })).map((r) => r.groupId));
    const added = groups.filter((g) => !current.has(g.id));
    assertCanAddToGroups(
      actor,
      added.map((g) => ({ name: g.name, permissions: g.permissions.map((p) => p.permission.codename) })),
    );
    const keep = new Set(groups.map((g) => g.id));
    const removed = [...current].filter((groupId) => !keep.has(groupId));
    await tx.userGroup.deleteMany({ where: { userId: id, groupId: { in: removed } } });
    for (const group of added) await tx.userGroup.create({ data: { userId: id, groupId: group.id } });
    if (added.length || removed.length) {
      await authStateChanged(deps, tx, { userId: id });
      const removedNames = (await tx.group.findMany({ where: { id: { in: removed } }, select: { name: true } })).map((g) => g.name);
      await recordAudit(
        tx,
        { type: 'admin.user_groups_set', userId: id, ...auditBy(actor), metadata: { added: added.map((g) => g.name), removed: removedNames } },
        deps.clock.now(),
      );
      const change = { added: added.map((g) => g.name).sort(), removed: removedNames.sort() };
      await enqueueWebhook(
        tx,
        'user.groups_changed',
        { userId: id, groups: await userGroupNames(tx, id), ...change, actor: webhookActor(actor) },
        deps.clock.now(),
      );
    }
    return user;
  });
}

/** Replaces the user's direct permissions with the given codenames. */
export async function setUserPermissions(deps: AdminDeps, actor: Actor, id: string, codenames: string[]): Promise<User> {
  const wanted = unique(codenames, 'permissions');
  return serializable(deps.prisma, async (tx) => {
    const user = await loadTarget(tx, actor, id);
    const { added, removed } = await replacePermissions(tx, actor, wanted, {
      current: async () =>
        (await tx.userPermission.findMany({ where: { userId: id }, select: { permission: { select: { id: true, codename: true } } } })).map(
          (r) => r.permission,
        ),
      remove: (ids) => tx.userPermission.deleteMany({ where: { userId: id, permissionId: { in: ids } } }),
      add: (permissionId) => tx.userPermission.create({ data: { userId: id, permissionId } }),
    });
    if (added.length || removed.length) {
      await authStateChanged(deps, tx, { userId: id });
      await recordAudit(tx, { type: 'admin.user_permissions_set', userId: id, ...auditBy(actor), metadata: { added, removed } }, deps.clock.now());
      await enqueueWebhook(
        tx,
        'user.permissions_changed',
        { userId: id, permissions: await userPermissionCodenames(tx, id), added, removed, actor: webhookActor(actor) },
        deps.clock.now(),
      );
    }
    return user;
  });
}

interface PermissionLinks {
  current(): Promise<{ id: string; codename: string }[]>;
  remove(ids: string[]): Promise<unknown>;
  add(permissionId: string): Promise<unknown>;
}

/** Replaces a set of permission links (of a user or a group), adding and removing only what the actor holds; returns the codenames added and removed. */
export async function replacePermissions(
  tx: Pick<Tx, 'permission'>,
  actor: Actor,
  wanted: string[],
  links: PermissionLinks,
): Promise<{ added: string[]; removed: string[] }> {
  const permissions = await tx.permission.findMany({ where: { codename: { in: wanted } }, select: { id: true, codename: true } });
  assertAllFound(
    wanted,
    permissions.map((p) => p.codename),
    'permissions',
    'permission',
  );
  const current = await links.current();
  const have = new Set(current.map((p) => p.id));
  const added = permissions.filter((p) => !have.has(p.id));
  assertCanGrant(
    actor,
    added.map((p) => p.codename),
  );
  const keep = new Set(permissions.map((p) => p.id));
  const removed = current.filter((p) => !keep.has(p.id));
  assertCanRevoke(
    actor,
    removed.map((p) => p.codename),
  );
  if (removed.length) await links.remove(removed.map((p) => p.id));
  for (const permission of added) await links.add(permission.id);
  return { added: added.map((p) => p.codename).sort(), removed: removed.map((p) => p.codename).sort() };
}

export function unique(values: string[], field: string): string[] {
  if (values.length > MAX_ITEMS)
    throw new GatehouseError('VALIDATION_FAILED', { fields: [{ field, code: 'too_many', message: `At most ${MAX_ITEMS} items.` }] });
  return [...new Set(values.map((v) => v.trim()))];
}

function assertAllFound(wanted: string[], found: string[], field: string, noun: string): void {
  const have = new Set(found);
  const missing = wanted.filter((name) => !have.has(name));
  if (missing.length) {
    throw new GatehouseError('VALIDATION_FAILED', { fields: [{ field, code: `unknown_${noun}`, message: `No such ${noun}: ${missing.join(', ')}.` }] });
  }
}
