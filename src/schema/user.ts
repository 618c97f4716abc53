/**
 * The User type as a user sees themself. Admin-only fields are added by the admin schema files,
 * each with its own rule.
 */
import { PROFILE_FIELD_NAMES, PROFILE_FIELDS, type AlwaysRequiredField, type RequirableField } from '../config/profile-fields.js';
import { builder } from './builder.js';
import { readAttributes } from '../users/attributes.js';
import { selectsOnlyColumns } from './user-row.js';

/**
 * Who may read a User: the user themself, or staff allowed to view, add or change users (the
 * admin operations return users). Every field of User is behind this rule.
 */
export const USER_READERS = ['users.view_user', 'users.add_user', 'users.change_user'] as const;

export const Role = builder.enumType('Role', {
  description: 'What clients read to tell ordinary users, staff and administrators apart; kept in step with isStaff/isSuperuser.',
  values: ['USER', 'STAFF', 'ADMIN'] as const,
});

/**
 * The staff half of User's rule, one object for every row: scope-auth caches a map's result per
 * request by its identity, so on a page of users it is evaluated once, not once per field of each
 * row.
 */
const STAFF_USER_READER = { $all: { staff: true, anyPermission: USER_READERS } } as const;

export const UserType = builder.prismaObject('User', {
  // Select mode: a planned query reads only the columns the selected fields need (a page of users
  // is 50 rows of about 25 columns otherwise, password hashes and notes among them). Every field
  // that reads the row declares what it reads (`t.expose*` does so itself); a User that was not
  // loaded by a planned field goes through plannedUser (src/schema/user-row.ts).
  select: { id: true },
  // The user themself, staff allowed to read users, or a field granting `ownAccount` (those that
  // hand a caller their own account before the request is signed in as it: register, login,
  // refresh). scope-auth tries `$any` before `$all`, so the staff half (cached) comes first and
  // `self` and the grant (per row and per response path) are only looked at when it fails.
  authScopes: (user) => ({ $any: STAFF_USER_READER, $all: { $any: { self: user.id, $granted: 'ownAccount' } } }),
  fields: (t) => ({
    // Always selected (the type's own select): no need for the plan lookup exposing costs per row.
    id: t.id({ resolve: (user) => user.id }),
    email: t.exposeString('email', {
      nullable: true,
      description: 'The address, normalised. Null: an account without one (possible only when usernames sign in, LOGIN_IDENTIFIERS username or both).',
    }),
    // The profile fields, from the table: non-null for those every account has.
    ...Object.fromEntries(
      PROFILE_FIELD_NAMES.map((name) => [
        name,
        PROFILE_FIELDS[name].registration === 'always'
          ? t.exposeString(name as AlwaysRequiredField)
          : t.exposeString(name as RequirableField, { nullable: true }),
      ]),
    ),
    role: t.expose('role', { type: Role }),
    isActive: t.exposeBoolean('isActive'),
    isStaff: t.exposeBoolean('isStaff'),
    isSuperuser: t.exposeBoolean('isSuperuser'),
    attributes: t.field({
      type: 'JSON',
      description: 'The custom attributes USER_ATTRIBUTES_SCHEMA declares (an object; {} when none are set).',
      select: { attributes: true },
      resolve: (user) => readAttributes(user.attributes),
    }),
    emailVerified: t.boolean({ select: { emailVerifiedAt: true }, resolve: (user) => user.emailVerifiedAt !== null }),
    emailVerifiedAt: t.expose('emailVerifiedAt', { type: 'DateTime', nullable: true }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null when anonymous.',
    authScopes: { public: true },
    resolve: (query, _root, _args, context) => {
      if (!context.viewer) return null;
      // The row authentication loaded for this request serves when no relation is selected.
      const { user } = context.viewer;
      return selectsOnlyColumns(query) ? user : context.deps.prisma.user.findUnique({ ...query, where: { id: user.id } });
    },
  }),
);
