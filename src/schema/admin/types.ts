/**
 * The objects of the admin API: groups, permissions, audit events, sessions, and the fields of
 * User only an admin (or the user themself) reads.
 */
import { SessionType } from '../sessions.js';
import { builder, staffWith } from '../builder.js';
import { USER_READERS, UserType } from '../user.js';

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
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    permissions: t.field({
      type: [PermissionType],
      description: "The group's permissions, by codename.",
      select: (_args, _context, nestedSelection) => ({
        permissions: { select: { permission: nestedSelection(true) }, orderBy: { permission: { codename: 'asc' } } },
      }),
      resolve: (group) => group.permissions.map(({ permission }) => permission),
    }),
    members: t.field({
      type: [UserType],
      description: 'Users in the group, oldest membership first.',
      authScopes: staffWith('users.view_user'),
      select: (_args, _context, nestedSelection) => ({ users: { select: { user: nestedSelection(true) }, orderBy: { createdAt: 'asc' } } }),
      resolve: (group) => group.users.map(({ user }) => user),
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
    description: 'Groups the user is in, by name.',
    select: (_args, _context, nestedSelection) => ({ groups: { select: { group: nestedSelection(true) }, orderBy: { group: { name: 'asc' } } } }),
    resolve: (user) => user.groups.map(({ group }) => group),
  }),
  directPermissions: t.field({
    type: [PermissionType],
    description: 'Permissions given to the user directly (not through groups).',
    select: (_args, _context, nestedSelection) => ({
      permissions: { select: { permission: nestedSelection(true) }, orderBy: { permission: { codename: 'asc' } } },
    }),
    resolve: (user) => user.permissions.map(({ permission }) => permission),
  }),
  hasPassword: t.boolean({ description: 'False for accounts that cannot sign in with a password yet.', select: { passwordHash: true }, resolve: (user) => user.passwordHash !== null }),
  passwordChangedAt: t.expose('passwordChangedAt', { type: 'DateTime', nullable: true }),
  notes: t.exposeString('notes', { nullable: true, description: 'Staff notes; not shown to the user.', authScopes: { $all: { staff: true, anyPermission: USER_READERS } } }),
  sessions: t.relation('sessions', {
    description: 'Live sessions (not revoked, not expired), newest first.',
    authScopes: (user) => ({ $any: { self: user.id, ...staffWith('sessions.view_session') } }),
    query: (_args, context) => ({ where: { revokedAt: null, expiresAt: { gt: context.deps.clock.now() } }, orderBy: { createdAt: 'desc' } }),
  }),
}));

export { SessionType };
