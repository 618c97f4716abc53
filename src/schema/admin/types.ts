/**
 * The objects of the admin API: groups, permissions, audit events, sessions, and the fields of
 * User only an admin (or the user themself) reads.
 */
import { SessionType } from '../session-type.js';
import { builder, staffWith } from '../builder.js';
import { USER_READERS, UserType } from '../user.js';
import { clampedTake, firstDescription, LIST_SIZES, listSize, takeOf } from '../list-size.js';

export const PermissionType = builder.prismaObject('Permission', {
  fields: (t) => ({
    id: t.exposeID('id'),
    codename: t.exposeString('codename', { description: '`app.action_model`, e.g. `users.view_user`.' }),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    builtIn: t.exposeBoolean('builtIn', { description: 'Checked by Gatehouse itself; cannot be changed or deleted.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const GroupType = builder.prismaObject('Group', {
  // Select mode, like User: a user's `groups { name }` reads the name, not every column. Every
  // Group is loaded by a planned field (the group fields and mutations, User.groups).
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    permissions: t.field({
      type: [PermissionType],
      description: `The group's permissions, by codename (at most ${LIST_SIZES.permissions.max}).`,
      args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.permissions) }) },
      extensions: listSize(LIST_SIZES.permissions),
      select: (args, _context, nestedSelection) => ({
        permissions: {
          select: { permission: nestedSelection(true) },
          orderBy: { permission: { codename: 'asc' } },
          take: clampedTake(args.first, LIST_SIZES.permissions),
        },
      }),
      resolve: (group, args) => group.permissions.slice(0, takeOf(args.first, LIST_SIZES.permissions)).map(({ permission }) => permission),
    }),
    members: t.field({
      type: [UserType],
      description: `Users in the group, oldest membership first (at most ${LIST_SIZES.members.max}; memberCount tells how many, users(filter: { group }) pages through them all).`,
      authScopes: staffWith('users.view_user'),
      args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.members) }) },
      extensions: listSize(LIST_SIZES.members),
      select: (args, _context, nestedSelection) => ({
        users: {
          select: { user: nestedSelection(true) },
          orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
          take: clampedTake(args.first, LIST_SIZES.members),
        },
      }),
      resolve: (group, args) => group.users.slice(0, takeOf(args.first, LIST_SIZES.members)).map(({ user }) => user),
    }),
    memberCount: t.relationCount('users'),
  }),
});

export const AuditEventType = builder.prismaObject('AuditEvent', {
  authScopes: staffWith('audit.view_auditevent'),
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.exposeString('type', { description: 'Dotted event name, e.g. `auth.login_failed`, `admin.user_updated`.' }),
    userId: t.exposeID('userId', { nullable: true, description: 'The account the event is about (null once deleted).' }),
    actorId: t.exposeID('actorId', { nullable: true, description: 'Who did it, when not the user themself.' }),
    user: t.relation('user', { nullable: true }),
    actor: t.relation('actor', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    metadata: t.exposeString('metadata', { description: 'JSON text: what changed. Never holds secrets.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

// Readable by the user themself (User's type rule) or by staff allowed to read users.
builder.prismaObjectFields('User', (t) => ({
  groups: t.field({
    type: [GroupType],
    description: `Groups the user is in, by name (at most ${LIST_SIZES.userGroups.max}).`,
    args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.userGroups) }) },
    extensions: listSize(LIST_SIZES.userGroups),
    select: (args, _context, nestedSelection) => ({
      groups: { select: { group: nestedSelection(true) }, orderBy: { group: { name: 'asc' } }, take: clampedTake(args.first, LIST_SIZES.userGroups) },
    }),
    resolve: (user, args) => user.groups.slice(0, takeOf(args.first, LIST_SIZES.userGroups)).map(({ group }) => group),
  }),
  directPermissions: t.field({
    type: [PermissionType],
    description: `Permissions given to the user directly (not through groups), by codename (at most ${LIST_SIZES.permissions.max}).`,
    args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.permissions) }) },
    extensions: listSize(LIST_SIZES.permissions),
    select: (args, _context, nestedSelection) => ({
      permissions: {
        select: { permission: nestedSelection(true) },
        orderBy: { permission: { codename: 'asc' } },
        take: clampedTake(args.first, LIST_SIZES.permissions),
      },
    }),
    resolve: (user, args) => user.permissions.slice(0, takeOf(args.first, LIST_SIZES.permissions)).map(({ permission }) => permission),
  }),
  hasPassword: t.boolean({
    description: 'False for accounts that cannot sign in with a password yet.',
    select: { passwordHash: true },
    resolve: (user) => user.passwordHash !== null,
  }),
  passwordChangedAt: t.expose('passwordChangedAt', { type: 'DateTime', nullable: true }),
  notes: t.exposeString('notes', {
    nullable: true,
    description: 'Staff notes; not shown to the user.',
    authScopes: { $all: { staff: true, anyPermission: USER_READERS } },
  }),
  sessions: t.relation('sessions', {
    description: `Live sessions (not revoked, not expired), newest first (at most ${LIST_SIZES.sessions.max}).`,
    authScopes: (user) => ({ $any: { self: user.id, ...staffWith('sessions.view_session') } }),
    args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.sessions) }) },
    extensions: listSize(LIST_SIZES.sessions),
    query: (args, context) => ({
      where: { revokedAt: null, expiresAt: { gt: context.deps.clock.now() } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: takeOf(args.first, LIST_SIZES.sessions),
    }),
  }),
}));

export { SessionType };
