/** Admin API for groups. */
import { createGroup, deleteGroup, setGroupPermissions, updateGroup } from '../../admin/groups.js';
import { builder, staffWith } from '../builder.js';
import { actorOf } from './actor.js';
import { GroupType } from './types.js';
import { firstDescription, LIST_SIZES, listSize, takeOf } from '../list-size.js';

builder.queryFields((t) => ({
  groups: t.prismaField({
    type: [GroupType],
    description: `Every group, by name (at most ${LIST_SIZES.allGroups.max}; narrow with search).`,
    authScopes: staffWith('groups.view_group'),
    args: { search: t.arg.string({ description: 'Part of the name.' }), first: t.arg.int({ description: firstDescription(LIST_SIZES.allGroups) }) },
    extensions: listSize(LIST_SIZES.allGroups),
    resolve: (query, _root, { search, first }, context) =>
      context.deps.prisma.group.findMany({
        ...query,
        where: search ? { name: { contains: search } } : {},
        orderBy: { name: 'asc' },
        take: takeOf(first, LIST_SIZES.allGroups),
      }),
  }),
  group: t.prismaField({
    type: GroupType,
    nullable: true,
    description: 'One group by id or by name, or null.',
    authScopes: staffWith('groups.view_group'),
    args: { id: t.arg.id(), name: t.arg.string() },
    resolve: (query, _root, { id, name }, context) =>
      id
        ? context.deps.prisma.group.findUnique({ ...query, where: { id } })
        : name
          ? context.deps.prisma.group.findUnique({ ...query, where: { name } })
          : null,
  }),
}));

const GroupInput = builder.inputType('GroupInput', {
  fields: (t) => ({ name: t.string(), description: t.string() }),
});

builder.mutationFields((t) => ({
  createGroup: t.prismaField({
    type: GroupType,
    description: 'Creates a group, optionally with permissions (only ones you hold).',
    authScopes: staffWith('groups.add_group'),
    args: { name: t.arg.string({ required: true }), description: t.arg.string(), permissions: t.arg.stringList({ description: 'Codenames.' }) },
    resolve: async (query, _root, args, context) => {
      const group = await createGroup(context.deps, await actorOf(context), args);
      return context.deps.prisma.group.findUniqueOrThrow({ ...query, where: { id: group.id } });
    },
  }),
  updateGroup: t.prismaField({
    type: GroupType,
    description: "Changes a group's description, or renames it (superusers only: apps check groups by name). Root cannot be renamed.",
    authScopes: staffWith('groups.change_group'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: GroupInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      await updateGroup(context.deps, await actorOf(context), id, input);
      return context.deps.prisma.group.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteGroup: t.id({
    description: 'Deletes a group (its members lose its permissions, so you must hold them all); returns its id. Root cannot be deleted.',
    authScopes: staffWith('groups.delete_group'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => deleteGroup(context.deps, await actorOf(context), id),
  }),
  setGroupPermissions: t.prismaField({
    type: GroupType,
    description: "Replaces the group's permissions. You can only add or take away permissions you hold.",
    authScopes: staffWith('groups.change_group'),
    args: { id: t.arg.id({ required: true }), permissions: t.arg.stringList({ required: true, description: 'Codenames.' }) },
    resolve: async (query, _root, { id, permissions }, context) => {
      await setGroupPermissions(context.deps, await actorOf(context), id, permissions);
      return context.deps.prisma.group.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
