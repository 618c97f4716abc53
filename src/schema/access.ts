/**
 * What the signed-in user may do, for clients and apps: `hasPermission` & co. They answer from
 * the same per-request cache the scope rules use (context.access()).
 */
import { fieldError, validationError } from '../errors.js';
import { builder } from './builder.js';

/** Most codenames one `hasPermissions` call may ask about. */
const MAX_CODENAMES = 100;

interface MyPermissionsShape {
  isSuperuser: boolean;
  permissions: string[];
  groups: string[];
}

const MyPermissions = builder.objectRef<MyPermissionsShape>('MyPermissions').implement({
  description: "The signed-in user's effective access.",
  fields: (t) => ({
    isSuperuser: t.exposeBoolean('isSuperuser', { description: 'Superusers hold every permission implicitly.' }),
    permissions: t.exposeStringList('permissions', {
      description: 'Codenames held directly or through a group, sorted. For a superuser, every codename that exists.',
    }),
    groups: t.exposeStringList('groups', { description: 'Names of the groups the user is in, sorted.' }),
  }),
});

builder.queryFields((t) => ({
  hasPermission: t.boolean({
    description: 'Whether the signed-in user holds the permission (directly, through a group, or as a superuser).',
    authScopes: { authenticated: true },
    args: { codename: t.arg.string({ required: true }) },
    resolve: async (_root, { codename }, context) => (await context.access()).has(codename),
  }),
  hasPermissions: t.boolean({
    description: 'Whether the signed-in user holds every one of the permissions.',
    authScopes: { authenticated: true },
    args: { codenames: t.arg.stringList({ required: true }) },
    resolve: async (_root, { codenames }, context) => {
      if (codenames.length > MAX_CODENAMES) {
        throw validationError([fieldError('codenames', 'too_many', 'tooManyCodenames', { max: MAX_CODENAMES })]);
      }
      const access = await context.access();
      return codenames.every((codename) => access.has(codename));
    },
  }),
  hasGroup: t.boolean({
    description: 'Whether the signed-in user is a member of the named group.',
    authScopes: { authenticated: true },
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, { name }, context) => (await context.access()).groups.has(name),
  }),
  myPermissions: t.field({
    type: MyPermissions,
    description: "The signed-in user's groups and effective permissions.",
    authScopes: { authenticated: true },
    resolve: async (_root, _args, context) => {
      const access = await context.access();
      // A superuser holds every permission; list the ones that exist so clients can show them.
      const permissions = access.isSuperuser
        ? (await context.deps.prisma.permission.findMany({ select: { codename: true } })).map((p) => p.codename)
        : [...access.permissions];
      return { isSuperuser: access.isSuperuser, permissions: permissions.sort(), groups: [...access.groups].sort() };
    },
  }),
}));
