/**
 * Validation of the profile fields a user fills in themself (at registration and in
 * updateProfile), driven by the profile-field table (src/config/profile-fields.ts): trimmed,
 * length-bounded, single-line, then the check of the field's kind; which ones are mandatory is
 * configuration.
 */
import type { RegistrationField } from '../config/index.js';
import {
  PROFILE_FIELD_NAMES,
  PROFILE_FIELDS,
  type AlwaysRequiredField,
  type ProfileFieldKind,
  type ProfileFieldName,
  type RequirableField,
} from '../config/profile-fields.js';
import { fieldError, type FieldError } from '../errors.js';
import { normalizeUsername, USERNAME_PATTERN } from './username.js';
import { isLocale, LOCALES } from '../config/locales.js';

export { PROFILE_FIELD_NAMES, PROFILE_FIELDS, type ProfileFieldName } from '../config/profile-fields.js';

/** The profile a user may edit. `undefined`: unchanged; `null` or blank: cleared. */
export type ProfileInput = { [K in ProfileFieldName]?: string | null };

/** Cleaned values: the always-given fields are never null (blank is ''), the others null when cleared. */
export type ProfileData = { [K in AlwaysRequiredField]?: string } & { [K in RequirableField]?: string | null };

/** The check each kind adds, as a problem's code and message; null when the value passes. */
const KIND_CHECKS: Record<ProfileFieldKind, (field: string, value: string) => FieldError | null> = {
  text: () => null,
  // Django's UnicodeUsernameValidator: letters, digits and @ . + - _ (any script).
  username: (field, value) => (USERNAME_PATTERN.test(value) ? null : fieldError(field, 'invalid', 'usernameCharacters')),
  url: (field, value) => (isHttpUrl(value) ? null : fieldError(field, 'invalid', 'httpUrl')),
  locale: (field, value) => (isLocale(value) ? null : fieldError(field, 'invalid', 'oneOf', { values: LOCALES.join(', ') })),
};

/**
 * Cleans `input`; `problems` lists every invalid field.
 * @param required fields that must not be blank (those present in `input`, or all of them when `creating`).
 */
export function cleanProfile(
  input: ProfileInput,
  required: readonly (RegistrationField | AlwaysRequiredField)[],
  creating: boolean,
): { data: ProfileData; problems: FieldError[] } {
  const data: Record<string, string | null> = {};
  const problems: FieldError[] = [];

  for (const field of PROFILE_FIELD_NAMES) {
    const { maxLength, kind, registration } = PROFILE_FIELDS[field];
    const raw = input[field];
    if (raw === undefined && !creating) continue;
    // Usernames get Django's NFKC (so "ｊｏｈｎ" and "john" are one name); other text keeps NFC.
    const value = (raw && (kind === 'username' ? normalizeUsername(raw) : raw.normalize('NFC').trim())) || null;
    if (value === null) {
      if (required.includes(field)) problems.push(fieldError(field, 'required', 'required'));
    } else {
      if (value.length > maxLength) problems.push(fieldError(field, 'too_long', 'tooLong', { max: maxLength }));
      else if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(value)) problems.push(fieldError(field, 'invalid', 'singleLine'));
      // Checked whatever the above found, so a client sees every reason at once.
      const problem = KIND_CHECKS[kind](field, value);
      if (problem) problems.push(problem);
    }
    // Non-null columns store a blank as ''.
    data[field] = registration === 'always' ? (value ?? '') : value;
  }
  return { data, problems };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
