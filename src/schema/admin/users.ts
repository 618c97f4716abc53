/**
 * Admin API for users. Every field is behind its own permission; the guards (what a staff member
 * may grant, superuser-only changes, the last superuser) live in the use-cases.
 */
import { setUserPassword, revokeUserSessions, sendUserPasswordReset } from '../../admin/user-password.js';
import { createUser } from '../../admin/create-user.js';
import { deleteUser, setUserActive, updateUser } from '../../admin/update-user.js';
import { setUserGroups, setUserPermissions } from '../../admin/user-access.js';
import { revokeAllSessions } from '../../admin/revoke-all-sessions.js';
import { userWhere } from '../../admin/user-search.js';
import { GatehouseError } from '../../errors.js';
import { builder, staffWith } from '../builder.js';
import { Role, UserType } from '../user.js';
import { profileInputFields } from '../profile-fields.js';
import { actorOf } from './actor.js';
import { loadPage, pageType, SortDirection } from './page.js';

const UserOrderField = builder.enumType('UserOrderField', {
  description:
    'Users without a value (no address for EMAIL, never signed in for LAST_LOGIN_AT) come after the others in either direction; ties are ordered by id, in the same direction.',
  values: ['CREATED_AT', 'EMAIL', 'LAST_LOGIN_AT'] as const,
});
const ORDER_COLUMNS = { CREATED_AT: 'createdAt', EMAIL: 'email', LAST_LOGIN_AT: 'lastLoginAt' } as const;

const AttributeFilter = builder.inputType('AttributeFilter', {
  description: 'Equality on a top-level custom attribute (a string, number or boolean; strings match in any ASCII case).',
  fields: (t) => ({
    key: t.string({ required: true }),
    value: t.field({ type: 'JSON', required: true }),
  }),
});

const UserFilter = builder.inputType('UserFilter', {
  fields: (t) => ({
    isActive: t.boolean(),
    isStaff: t.boolean(),
    isSuperuser: t.boolean(),
    emailVerified: t.boolean(),
    group: t.string({ description: 'Members of the group with this name.' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Created strictly before.' }),
    search: t.string({ description: 'Part of the email, username, first or last name.' }),
    attribute: t.field({ type: AttributeFilter, description: 'Users whose custom attribute `key` equals `value`.' }),
  }),
});

const UserOrder = builder.inputType('UserOrder', {
  fields: (t) => ({
    field: t.field({ type: UserOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC' }),
  }),
});

const UserPage = pageType('UserPage', UserType);

const userFieldsOf = (
  t: PothosSchemaTypes.InputFieldBuilder<
    Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0] extends PothosSchemaTypes.InputFieldBuilder<infer T, 'InputObject'> ? T : never,
    'InputObject'
  >,
) => ({
  ...profileInputFields(t, 'admin'),
  notes: t.string(),
  isActive: t.boolean(),
  isStaff: t.boolean(),
  isSuperuser: t.boolean(),
  role: t.field({ type: Role, description: 'Sets isStaff/isSuperuser to match (USER: neither, STAFF: staff, ADMIN: both).' }),
  emailVerified: t.boolean(),
  attributes: t.field({ type: 'JSON', description: 'A patch of custom attributes, admin-only ones included: a null value removes a key.' }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({
      description:
        'Omit for an account without an address: only when usernames sign in (LOGIN_IDENTIFIERS username or both; VALIDATION_FAILED otherwise), and then `username` is required.',
    }),
    password: t.string({ description: 'Validated like every password. Omit to create an account without one.' }),
    sendInvite: t.boolean({ description: 'Request an invitation / verification email. EMAIL_REQUIRED without `email`.' }),
    ...userFieldsOf(t),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Only the fields given change. A changed email is unverified unless emailVerified is true.',
  fields: (t) => ({
    email: t.string({ description: 'A new address (or a first one for an account without). It cannot be removed: null is VALIDATION_FAILED.' }),
    ...userFieldsOf(t),
  }),
});

builder.queryFields((t) => ({
  users: t.field({
    type: UserPage,
    description: 'Users, filtered and ordered, a page at a time.',
    authScopes: staffWith('users.view_user'),
    args: {
      filter: t.arg({ type: UserFilter }),
      orderBy: t.arg({ type: UserOrder }),
      first: t.arg.int({ description: 'Page size, 1 to 100. @default 50' }),
      after: t.arg.string({ description: "The previous page's endCursor." }),
    },
    resolve: (_root, args, context, info) => {
      const where = userWhere(args.filter, context.deps.config.database.provider, context.deps.config.accounts.attributes);
      const order = args.orderBy ?? { field: 'CREATED_AT' as const, direction: 'ASC' as const };
      return loadPage(
        context,
        info,
        args,
        { field: ORDER_COLUMNS[order.field], direction: order.direction === 'DESC' ? 'desc' : 'asc', nullable: order.field !== 'CREATED_AT' },
        {
          findMany: (query, planned, bound) => context.deps.prisma.user.findMany({ ...planned, ...query, where: bound ? { AND: [where, bound] } : where }),
          orderValue: async (id, field) => {
            const row = await context.deps.prisma.user.findUnique({ where: { id }, select: { [field]: true } });
            return row && { value: (row as Record<string, unknown>)[field] };
          },
          count: () => context.deps.prisma.user.count({ where }),
        },
      );
    },
  }),
  user: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'One user by id, or null.',
    authScopes: staffWith('users.view_user'),
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, context) => context.deps.prisma.user.findUnique({ ...query, where: { id } }),
  }),
}));

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: 'User',
    description: 'Creates an account. Making a superuser requires being one.',
    authScopes: staffWith('users.add_user'),
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const user = await createUser(context.deps, await actorOf(context), input);
      return context.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  updateUser: t.prismaField({
    type: 'User',
    description:
      'Changes any field of an account, including email, flags and role. The account must hold no permission or group you lack (superusers: only superusers).',
    authScopes: staffWith('users.change_user'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      await updateUser(context.deps, await actorOf(context), id, input);
      return context.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setUserActive: t.prismaField({
    type: 'User',
    description: 'Activates or deactivates an account; deactivation ends its sessions at once.',
    authScopes: staffWith('users.change_user'),
    args: { id: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, { id, active }, context) => {
      await setUserActive(context.deps, await actorOf(context), id, active);
      return context.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteUser: t.id({
    description: 'Deletes an account with its sessions and memberships; returns its id. Audit events are kept.',
    authScopes: staffWith('users.delete_user'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => deleteUser(context.deps, await actorOf(context), id),
  }),
  setUserGroups: t.prismaField({
    type: 'User',
    description: "Replaces the user's groups. Adding one takes groups.change_group and every permission it holds. The user must hold nothing you lack.",
    authScopes: staffWith('users.change_user'),
    args: { id: t.arg.id({ required: true }), groups: t.arg.stringList({ required: true, description: 'Group names.' }) },
    resolve: async (query, _root, { id, groups }, context) => {
      await setUserGroups(context.deps, await actorOf(context), id, groups);
      return context.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setUserPermissions: t.prismaField({
    type: 'User',
    description: "Replaces the user's direct permissions. You can only grant permissions you hold.",
    authScopes: staffWith('users.change_user'),
    args: { id: t.arg.id({ required: true }), permissions: t.arg.stringList({ required: true, description: 'Codenames.' }) },
    resolve: async (query, _root, { id, permissions }, context) => {
      await setUserPermissions(context.deps, await actorOf(context), id, permissions);
      return context.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setUserPassword: t.prismaField({
    type: 'User',
    description: "Sets a user's password (validated like any password) and, by default, signs them out everywhere.",
    authScopes: staffWith('users.change_user'),
    args: {
      id: t.arg.id({ required: true }),
      password: t.arg.string({ required: true }),
      revokeSessions: t.arg.boolean({ defaultValue: true }),
    },
    resolve: async (query, _root, { id, password, revokeSessions }, context) => {
      await setUserPassword(context.deps, await actorOf(context), id, password, { revokeSessions: revokeSessions ?? true });
      return context.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  sendPasswordReset: t.boolean({
    description: 'Emails the user a password-reset link, as if they had asked for one.',
    authScopes: staffWith('users.change_user'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      await sendUserPasswordReset(context.deps, await actorOf(context), id);
      return true;
    },
  }),
  revokeUserSessions: t.int({
    description: 'Revokes one session (sessionId) or all live sessions of a user; returns how many were live.',
    authScopes: staffWith('sessions.delete_session'),
    args: { userId: t.arg.id({ required: true }), sessionId: t.arg.id() },
    resolve: async (_root, { userId, sessionId }, context) => {
      if (sessionId === '') throw new GatehouseError('BAD_REQUEST', { message: 'sessionId must not be empty.' });
      return revokeUserSessions(context.deps, await actorOf(context), userId, sessionId ?? null);
    },
  }),
  revokeAllSessions: t.int({
    description:
      'Ends every live session of every user, yours included (e.g. after a signing key leaked): every refresh and access token stops working. Returns how many were live. Superusers only; the reason goes to the audit trail.',
    authScopes: { superuser: true },
    args: { reason: t.arg.string({ required: true, description: 'Why, for the audit trail (1 to 500 characters).' }) },
    resolve: async (_root, { reason }, context) => revokeAllSessions(context.deps, await actorOf(context), reason),
  }),
}));
