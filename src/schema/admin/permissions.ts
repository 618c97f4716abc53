/** Admin API for permission codenames. */
import { createPermission, deletePermission, updatePermission } from '../../admin/permissions.js';
import { builder, staffWith } from '../builder.js';
import { actorOf } from './actor.js';
import { PermissionType } from './types.js';
import { firstDescription, LIST_SIZES, listSize, takeOf } from '../list-size.js';

builder.queryFields((t) => ({
  permissions: t.prismaField({
    type: [PermissionType],
    description: `Every permission, by codename (at most ${LIST_SIZES.allPermissions.max}; narrow with search).`,
    authScopes: staffWith('permissions.view_permission'),
    args: {
      builtIn: t.arg.boolean(),
      search: t.arg.string({ description: 'Part of the codename or name.' }),
      first: t.arg.int({ description: firstDescription(LIST_SIZES.allPermissions) }),
    },
    extensions: listSize(LIST_SIZES.allPermissions),
    resolve: (query, _root, { builtIn, search, first }, context) =>
      context.deps.prisma.permission.findMany({
        ...query,
        where: {
          ...(builtIn == null ? {} : { builtIn }),
          ...(search ? { OR: [{ codename: { contains: search } }, { name: { contains: search } }] } : {}),
        },
        orderBy: { codename: 'asc' },
        take: takeOf(first, LIST_SIZES.allPermissions),
      }),
  }),
}));

builder.mutationFields((t) => ({
  createPermission: t.prismaField({
    type: PermissionType,
    description: 'Adds a codename for your apps (`app.action_model`).',
    authScopes: staffWith('permissions.add_permission'),
    args: { codename: t.arg.string({ required: true }), name: t.arg.string(), description: t.arg.string() },
    resolve: async (query, _root, args, context) => {
      const permission = await createPermission(context.deps, await actorOf(context), args);
      return context.deps.prisma.permission.findUniqueOrThrow({ ...query, where: { id: permission.id } });
    },
  }),
  updatePermission: t.prismaField({
    type: PermissionType,
    description: "Changes a permission's name or description. Codenames are fixed; built-in permissions cannot be changed.",
    authScopes: staffWith('permissions.change_permission'),
    args: { id: t.arg.id({ required: true }), name: t.arg.string(), description: t.arg.string() },
    resolve: async (query, _root, { id, ...input }, context) => {
      await updatePermission(context.deps, await actorOf(context), id, input);
      return context.deps.prisma.permission.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deletePermission: t.id({
    description: 'Deletes a permission (not a built-in one); returns its id.',
    authScopes: staffWith('permissions.delete_permission'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => deletePermission(context.deps, await actorOf(context), id),
  }),
}));
