/**
 * The profile-field table: the one definition of the fields a user fills in about themself. It
 * drives validation (src/users/profile-fields.ts), the GraphQL User type and inputs
 * (src/schema/), the REGISTRATION_REQUIRED_FIELDS enum (src/config/env-schema.ts) and the Django
 * import mapping (src/import/django/options.ts). It lives in config/ because config, the lowest
 * layer, needs the list of fields a registration may require; it is plain data and imports nothing.
 */

/** How a value is checked beyond trimming, the length bound and "a single line". */
export type ProfileFieldKind = 'text' | 'username' | 'url' | 'locale';

/** Who may edit a field: the user through register/updateProfile, staff through the admin API and CLI. */
export type ProfileFieldEditor = 'self' | 'admin';

export interface ProfileFieldDefinition {
  /** Characters after trimming and NFC normalisation. */
  readonly maxLength: number;
  readonly kind: ProfileFieldKind;
  readonly editableBy: readonly ProfileFieldEditor[];
  /**
   * `always`: every registration gives it (a non-null column, never cleared);
   * `configurable`: optional, unless REGISTRATION_REQUIRED_FIELDS names it.
   */
  readonly registration: 'always' | 'configurable';
  /** The column of Django's `auth.user` it is imported from; null when Django's model lacks it. */
  readonly djangoField: string | null;
}

/** Names: Django's max_length for first_name / last_name / username. */
export const NAME_MAX_LENGTH = 150;
export const PROFILE_FIELD_MAX_LENGTH = 255;
export const PICTURE_URL_MAX_LENGTH = 2048;

const BOTH = ['self', 'admin'] as const satisfies readonly ProfileFieldEditor[];

/** In the order problems are reported. */
export const PROFILE_FIELDS = {
  firstName: { maxLength: NAME_MAX_LENGTH, kind: 'text', editableBy: BOTH, registration: 'always', djangoField: 'first_name' },
  lastName: { maxLength: NAME_MAX_LENGTH, kind: 'text', editableBy: BOTH, registration: 'always', djangoField: 'last_name' },
  username: { maxLength: NAME_MAX_LENGTH, kind: 'username', editableBy: BOTH, registration: 'configurable', djangoField: 'username' },
  pictureUrl: { maxLength: PICTURE_URL_MAX_LENGTH, kind: 'url', editableBy: BOTH, registration: 'configurable', djangoField: null },
  organizationName: { maxLength: PROFILE_FIELD_MAX_LENGTH, kind: 'text', editableBy: BOTH, registration: 'configurable', djangoField: null },
  organizationType: { maxLength: PROFILE_FIELD_MAX_LENGTH, kind: 'text', editableBy: BOTH, registration: 'configurable', djangoField: null },
  country: { maxLength: PROFILE_FIELD_MAX_LENGTH, kind: 'text', editableBy: BOTH, registration: 'configurable', djangoField: null },
  signatureName: { maxLength: PROFILE_FIELD_MAX_LENGTH, kind: 'text', editableBy: BOTH, registration: 'configurable', djangoField: null },
  signatureRole: { maxLength: PROFILE_FIELD_MAX_LENGTH, kind: 'text', editableBy: BOTH, registration: 'configurable', djangoField: null },
  /** The language of the user's emails and error messages (src/config/locales.ts); null: Accept-Language or DEFAULT_LOCALE. */
  locale: { maxLength: 8, kind: 'locale', editableBy: BOTH, registration: 'configurable', djangoField: null },
} as const satisfies Record<string, ProfileFieldDefinition>;

export type ProfileFieldName = keyof typeof PROFILE_FIELDS;

/** Fields every registration gives (non-null columns). */
export type AlwaysRequiredField = { [K in ProfileFieldName]: (typeof PROFILE_FIELDS)[K]['registration'] extends 'always' ? K : never }[ProfileFieldName];

/** Fields the given editor may edit. */
export type EditableField<E extends ProfileFieldEditor> = {
  [K in ProfileFieldName]: E extends (typeof PROFILE_FIELDS)[K]['editableBy'][number] ? K : never;
}[ProfileFieldName];

/** Fields REGISTRATION_REQUIRED_FIELDS may name (nullable columns). */
export type RequirableField = Exclude<ProfileFieldName, AlwaysRequiredField>;

export const PROFILE_FIELD_NAMES = Object.keys(PROFILE_FIELDS) as ProfileFieldName[];

export const ALWAYS_REQUIRED_FIELDS = PROFILE_FIELD_NAMES.filter((name) => PROFILE_FIELDS[name].registration === 'always') as AlwaysRequiredField[];

/** As a non-empty tuple, the shape z.enum takes. */
export const REQUIRABLE_FIELDS = PROFILE_FIELD_NAMES.filter((name) => PROFILE_FIELDS[name].registration === 'configurable') as [
  RequirableField,
  ...RequirableField[],
];

/** Fields Django's `auth.user` lacks: an import fills them only from a custom model's columns. */
export type NonDjangoField = { [K in ProfileFieldName]: (typeof PROFILE_FIELDS)[K]['djangoField'] extends null ? K : never }[ProfileFieldName];

export const NON_DJANGO_FIELDS = PROFILE_FIELD_NAMES.filter((name) => PROFILE_FIELDS[name].djangoField === null) as NonDjangoField[];
