/**
 * The permissions Gatehouse itself checks, in one table. They are seeded with `builtIn = true`
 * (so they cannot be deleted through the API) together with the `Root` group that holds them all.
 * Codenames follow Django's `app.action_model`.
 */

export interface BuiltInPermission {
  codename: string;
  name: string;
}

export const BUILT_IN_PERMISSIONS = [
  { codename: 'users.view_user', name: 'Can view users' },
  { codename: 'users.add_user', name: 'Can add users' },
  { codename: 'users.change_user', name: 'Can change users (profile, flags, groups, permissions, password)' },
  { codename: 'users.delete_user', name: 'Can delete users' },
  { codename: 'groups.view_group', name: 'Can view groups' },
  { codename: 'groups.add_group', name: 'Can add groups' },
  { codename: 'groups.change_group', name: 'Can change groups and their permissions' },
  { codename: 'groups.delete_group', name: 'Can delete groups' },
  { codename: 'permissions.view_permission', name: 'Can view permissions' },
  { codename: 'permissions.add_permission', name: 'Can add permissions' },
  { codename: 'permissions.change_permission', name: 'Can change permissions' },
  { codename: 'permissions.delete_permission', name: 'Can delete permissions' },
  { codename: 'sessions.view_session', name: "Can view users' sessions" },
  { codename: 'sessions.delete_session', name: "Can revoke users' sessions" },
  { codename: 'audit.view_auditevent', name: 'Can view the audit trail' },
  { codename: 'webhooks.view_webhookendpoint', name: 'Can view webhook endpoints and their deliveries' },
  { codename: 'webhooks.change_webhookendpoint', name: 'Can add, change, delete webhook endpoints, rotate their secrets and redeliver' },
] as const satisfies readonly BuiltInPermission[];

export type BuiltInCodename = (typeof BUILT_IN_PERMISSIONS)[number]['codename'];

/** The group that holds every built-in permission; superusers are put in it. */
export const ROOT_GROUP = 'Root';

/** Django's codename shape: `app.action_model`, lower-case letters, digits and underscores. */
export const CODENAME_PATTERN = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
export const MAX_CODENAME_LENGTH = 100;
