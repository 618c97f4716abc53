/**
 * The options file of `import-django --options FILE`: which model holds the users and which of
 * its fields feed which Gatehouse field, for custom user models (e.g. email as the username).
 *
 * ```json
 * { "userModel": "accounts.user",
 *   "fields": { "username": null, "firstName": "given_name", "lastName": "family_name" },
 *   "emailVerified": false }
 * ```
 */
import { z } from 'zod';

/** Gatehouse field -> the Django field it is read from (Django's own names by default). */
export const DEFAULT_FIELDS = {
  email: 'email',
  username: 'username',
  firstName: 'first_name',
  lastName: 'last_name',
  password: 'password',
  isActive: 'is_active',
  isStaff: 'is_staff',
  isSuperuser: 'is_superuser',
  lastLogin: 'last_login',
  dateJoined: 'date_joined',
  groups: 'groups',
  userPermissions: 'user_permissions',
  // Profile fields Django's model lacks; map them from a custom model's columns if it has them.
  pictureUrl: null,
  organizationName: null,
  organizationType: null,
  country: null,
  signatureName: null,
  signatureRole: null,
} as const satisfies Record<string, string | null>;

export type GatehouseField = keyof typeof DEFAULT_FIELDS;

const fieldName = z.string().min(1).nullable();

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
  })
  .strict();

export interface ImportOptions {
  userModel: string;
  fields: Record<GatehouseField, string | null>;
  emailVerified: boolean;
}

/** Validates an options object. @throws Error with a one-line reason. */
export function parseImportOptions(raw: unknown): ImportOptions {
  const parsed = importOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid options: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { userModel, fields, emailVerified } = parsed.data;
  const merged = { ...DEFAULT_FIELDS } as Record<GatehouseField, string | null>;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) merged[key as GatehouseField] = value;
  if (!merged.email) throw new Error('invalid options: fields.email: the email field is required (Gatehouse signs in by email)');
  return { userModel: userModel.toLowerCase(), fields: merged, emailVerified };
}
