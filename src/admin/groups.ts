/**
 * Group management. Root (seeded, holding every built-in permission) cannot be renamed or deleted,
 * and its built-in permissions cannot be taken away. Only superusers rename groups.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import { recordAudit } from '../audit/record.js';
import { BUILT_IN_PERMISSIONS, ROOT_GROUP } from '../auth/permissions/builtin.js';
import { isUniqueViolation } from '../db/errors.js';
import { serializable, type Tx } from '../db/transaction.js';
import { fieldError, GatehouseError, validationError, type FieldError } from '../errors.js';
import type { Group } from '../generated/sqlite/client.js';
import type { Deps } from '../deps.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { webhookGroup } from '../webhooks/group-events.js';
import { auditBy, webhookActor, type Actor } from './actor.js';
import { assertCanRevoke } from './guards.js';
import { replacePermissions, unique } from './user-access.js';

type AdminDeps = Pick<Deps, 'prisma' | 'clock' | 'authCache' | 'config'>;

const MAX_NAME = 150;
const MAX_DESCRIPTION = 1000;

export interface GroupInput {
  name?: string | null;
  description?: string | null;
}

function validateGroup(input: GroupInput): { name?: string; description?: string } {
  const problems: FieldError[] = [];
  const out: { name?: string; description?: string } = {};
  if (input.name !== undefined) {
    const name = (input.name ?? '').normalize('NFKC').trim();
    if (!name || name.length > MAX_NAME) problems.push(fieldError('name', 'invalid_name', 'nameLength', { max: MAX_NAME }));
    out.name = name;
  }
  if (input.description !== undefined) {
    const description = (input.description ?? '').trim();
    if (description.length > MAX_DESCRIPTION) problems.push(fieldError('description', 'too_long', 'tooLong', { max: MAX_DESCRIPTION }));
    out.description = description;
  }
  if (problems.length) throw validationError(problems);
  return out;
}

const nameTaken = () =>
  new GatehouseError('CONFLICT', {
    message: 'A group with this name already exists.',
    fields: [fieldError('name', 'name_taken', 'groupNameTaken')],
  });

async function loadGroup(tx: Pick<Tx, 'group'>, id: string): Promise<Group> {
  const group = await tx.group.findUnique({ where: { id } });
  if (!group) throw new GatehouseError('NOT_FOUND', { message: 'No such group.' });
  return group;
}

/** Creates a group, optionally with permissions (which the actor must hold). */
export async function createGroup(deps: AdminDeps, actor: Actor, input: GroupInput & { permissions?: string[] | null }): Promise<Group> {
  const { name, description } = validateGroup({ name: input.name ?? null, description: input.description ?? '' });
  const wanted = unique(input.permissions ?? [], 'permissions');
  try {
    return await serializable(deps.prisma, async (tx) => {
      const group = await tx.group.create({ data: { name: name!, description: description ?? '' } });
      const { added } = await replacePermissions(tx, actor, wanted, {
        current: async () => [],
        remove: async () => undefined,
        add: (permissionId) => tx.groupPermission.create({ data: { groupId: group.id, permissionId } }),
      });
      if (added.length) await authStateChanged(deps, tx, { permissions: true });
      await recordAudit(
        tx,
        { type: 'admin.group_created', ...auditBy(actor), metadata: { groupId: group.id, name: group.name, permissions: added } },
        deps.clock.now(),
      );
      await enqueueWebhook(tx, 'group.created', { group: await webhookGroup(tx, group.id), actor: webhookActor(actor) }, deps.clock.now());
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateGroup(deps: AdminDeps, actor: Actor, id: string, input: GroupInput): Promise<Group> {
  const data = validateGroup(input);
  try {
    return await serializable(deps.prisma, async (tx) => {
      const before = await loadGroup(tx, id);
      const renamed = data.name !== undefined && data.name !== before.name;
      if (before.name === ROOT_GROUP && renamed) {
        throw new GatehouseError('FORBIDDEN', { message: 'The Root group cannot be renamed.' });
      }
      // Apps check groups by name (hasGroup, the `groups` claim): renaming "editors" to "admins"
      // would hand its members the admins' role, so only a superuser renames.
      if (renamed && !actor.isSuperuser) {
        throw new GatehouseError('FORBIDDEN', {
          message: 'Only a superuser can rename a group (apps check groups by name).',
          details: { required: ['superuser'] },
        });
      }
      const after = await tx.group.update({ where: { id }, data });
      const changed = (['name', 'description'] as const).filter((key) => before[key] !== after[key]);
      // Members' group names are part of their cached access.
      if (changed.includes('name')) await authStateChanged(deps, tx, { permissions: true });
      if (changed.length) {
        await recordAudit(
          tx,
          {
            type: 'admin.group_updated',
            ...auditBy(actor),
            metadata: { groupId: id, name: after.name, changed, ...(changed.includes('name') ? { previousName: before.name } : {}) },
          },
          deps.clock.now(),
        );
        await enqueueWebhook(tx, 'group.updated', { group: await webhookGroup(tx, id), changedFields: changed, actor: webhookActor(actor) }, deps.clock.now());
      }
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function deleteGroup(deps: AdminDeps, actor: Actor, id: string): Promise<string> {
  return serializable(deps.prisma, async (tx) => {
    const group = await loadGroup(tx, id);
    if (group.name === ROOT_GROUP) throw new GatehouseError('FORBIDDEN', { message: 'The Root group cannot be deleted.' });
    // Deleting takes the group's permissions from every member: only for one who holds them all.
    const held = await tx.groupPermission.findMany({ where: { groupId: id }, select: { permission: { select: { codename: true } } } });
    assertCanRevoke(
      actor,
      held.map((p) => p.permission.codename),
    );
    // The members lose the group with it: the event names them, rather than one user.groups_changed each.
    const memberIds = (await tx.userGroup.findMany({ where: { groupId: id }, select: { userId: true }, orderBy: { userId: 'asc' } })).map((r) => r.userId);
    const members = memberIds.length;
    await tx.group.delete({ where: { id } });
    await authStateChanged(deps, tx, { permissions: true });
    await recordAudit(tx, { type: 'admin.group_deleted', ...auditBy(actor), metadata: { groupId: id, name: group.name, members } }, deps.clock.now());
    await enqueueWebhook(tx, 'group.deleted', { groupId: id, name: group.name, memberIds, actor: webhookActor(actor) }, deps.clock.now());
    return id;
  });
}

/** Replaces the group's permissions; added ones must be held by the actor. */
export async function setGroupPermissions(deps: AdminDeps, actor: Actor, id: string, codenames: string[]): Promise<Group> {
  const wanted = unique(codenames, 'permissions');
  return serializable(deps.prisma, async (tx) => {
    const group = await loadGroup(tx, id);
    if (group.name === ROOT_GROUP) {
      const missing = BUILT_IN_PERMISSIONS.map((p) => p.codename).filter((codename) => !wanted.includes(codename));
      if (missing.length)
        throw new GatehouseError('FORBIDDEN', { message: `The Root group keeps every built-in permission (missing: ${missing.join(', ')}).` });
    }
    const { added, removed } = await replacePermissions(tx, actor, wanted, {
      current: async () =>
        (await tx.groupPermission.findMany({ where: { groupId: id }, select: { permission: { select: { id: true, codename: true } } } })).map(
          (r) => r.permission,
        ),
      remove: (ids) => tx.groupPermission.deleteMany({ where: { groupId: id, permissionId: { in: ids } } }),
      add: (permissionId) => tx.groupPermission.create({ data: { groupId: id, permissionId } }),
    });
    if (added.length || removed.length) {
      await authStateChanged(deps, tx, { permissions: true });
      await recordAudit(
        tx,
        { type: 'admin.group_permissions_set', ...auditBy(actor), metadata: { groupId: id, name: group.name, added, removed } },
        deps.clock.now(),
      );
      await enqueueWebhook(
        tx,
        'group.updated',
        { group: await webhookGroup(tx, id), changedFields: ['permissions'], actor: webhookActor(actor) },
        deps.clock.now(),
      );
    }
    return group;
  });
}
