/**
 * The options file of `import-django --options FILE`: which model holds the users and which of
 * its fields feed which Gatehouse field, for custom user models (e.g. email as the username).
 *
 * ```json
 * { "userModel": "accounts.user",
 *   "fields": { "username": null, "firstName": "given_name", "lastName": "family_name" },
 *   "emailVerified": false }
 * ```
 *
 * Extra columns go into the user's attributes (USER_ATTRIBUTES_SCHEMA) with `attributes`
 * (attribute -> column), and `valueMaps` turns a column's values into what Gatehouse stores, for
 * a flag (`isActive`, `isStaff`, `isSuperuser`) or an attribute, keyed by the value as text:
 * `"valueMaps": { "isActive": { "1": true, "0": false, "3": false } }`.
 */
import { z } from 'zod';
import { PROFILE_FIELD_NAMES, PROFILE_FIELDS, type ProfileFieldName } from '../../config/profile-fields.js';

/** The profile fields' Django columns, from the profile-field table. */
const PROFILE_DEFAULTS = Object.fromEntries(PROFILE_FIELD_NAMES.map((name) => [name, PROFILE_FIELDS[name].djangoField])) as {
  [K in ProfileFieldName]: (typeof PROFILE_FIELDS)[K]['djangoField'];
};

/** Gatehouse field -> the Django field it is read from (Django's own names by default). */
export const DEFAULT_FIELDS = {
  email: 'email',
  // username, first_name, last_name; the profile fields Django's model lacks are null: map them
  // from a custom model's columns if it has them.
  ...PROFILE_DEFAULTS,
  password: 'password',
  isActive: 'is_active',
  isStaff: 'is_staff',
  isSuperuser: 'is_superuser',
  lastLogin: 'last_login',
  dateJoined: 'date_joined',
  groups: 'groups',
  userPermissions: 'user_permissions',
} as const satisfies Record<string, string | null>;

export type GatehouseField = keyof typeof DEFAULT_FIELDS;

const fieldName = z.string().min(1).nullable();

/** The flags a value map may feed; an unmapped non-boolean value is read as false. */
export const FLAG_FIELDS = ['isActive', 'isStaff', 'isSuperuser'] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];

/** An attribute's name: an identifier, so `__proto__`-style keys never reach an object. */
const attributeName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'an attribute name is a letter then letters, digits or _ (at most 64)');
const jsonValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const importOptionsSchema = z
  .object({
    /** `app_label.model` of the user rows, lower-case as dumpdata writes it. @default "auth.user" */
    userModel: z
      .string()
      .regex(/^[a-z0-9_]+\.[a-z0-9_]+$/i)
      .default('auth.user'),
    /** Overrides of DEFAULT_FIELDS; null: the model has no such field. */
    fields: z
      .object(Object.fromEntries(Object.keys(DEFAULT_FIELDS).map((k) => [k, fieldName.optional()])) as Record<GatehouseField, z.ZodOptional<typeof fieldName>>)
      .strict()
      .default({}),
    /**
     * Count imported addresses as verified. Django does not verify addresses, so by default an
     * imported address is not taken as proven: with REQUIRE_EMAIL_VERIFICATION its owner verifies
     * it (or resets the password by the emailed link) before signing in. Set it (or pass
     * `--email-verified`) when the Django site did verify its addresses.
     * @default false
     */
    emailVerified: z.boolean().default(false),
    /** Attribute -> the Django column it is read from. @default {} */
    attributes: z.record(attributeName, z.string().min(1)).default({}),
    /** Flag or attribute -> (the column's value as text -> the value stored). @default {} */
    valueMaps: z.record(attributeName, z.record(z.string(), jsonValue)).default({}),
  })
  .strict()
  .superRefine((options, ctx) => {
    for (const [name, map] of Object.entries(options.valueMaps)) {
      const flag = (FLAG_FIELDS as readonly string[]).includes(name);
      if (!flag && !(name in options.attributes))
        ctx.addIssue({ code: 'custom', path: ['valueMaps', name], message: 'neither a flag (isActive, isStaff, isSuperuser) nor a mapped attribute' });
      if (flag && Object.values(map).some((value) => typeof value !== 'boolean'))
        ctx.addIssue({ code: 'custom', path: ['valueMaps', name], message: 'a flag maps values to true or false' });
    }
  });

export interface ImportOptions {
  userModel: string;
  fields: Record<GatehouseField, string | null>;
  emailVerified: boolean;
  attributes: Record<string, string>;
  valueMaps: Record<string, Record<string, string | number | boolean | null>>;
}

/** Validates an options object. @throws Error with a one-line reason. */
export function parseImportOptions(raw: unknown): ImportOptions {
  const parsed = importOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid options: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { userModel, fields, emailVerified, attributes, valueMaps } = parsed.data;
  const merged = { ...DEFAULT_FIELDS } as Record<GatehouseField, string | null>;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) merged[key as GatehouseField] = value;
  if (!merged.email) throw new Error('invalid options: fields.email: the email field is required (Gatehouse signs in by email)');
  // Null-prototype copies: keys come from a file, and a lookup must never reach Object.prototype.
  const maps = Object.fromEntries(Object.entries(valueMaps).map(([name, map]) => [name, Object.assign(Object.create(null) as object, map)]));
  return {
    userModel: userModel.toLowerCase(),
    fields: merged,
    emailVerified,
    attributes: Object.assign(Object.create(null) as object, attributes),
    valueMaps: Object.assign(Object.create(null) as object, maps),
  };
}
