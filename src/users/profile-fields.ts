/**
 * Validation of the profile fields a user fills in themself (at registration and in
 * updateProfile): trimmed, length-bounded, single-line; which ones are mandatory is configuration.
 */
import type { RegistrationField } from '../config/index.js';
import type { FieldError } from '../errors.js';

/** Names: Django's max_length for first_name / last_name / username. */
export const NAME_MAX_LENGTH = 150;
export const PROFILE_FIELD_MAX_LENGTH = 255;
export const PICTURE_URL_MAX_LENGTH = 2048;

/** The profile a user may edit. `undefined`: unchanged; `null` or blank: cleared. */
export interface ProfileInput {
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  pictureUrl?: string | null;
  organizationName?: string | null;
  organizationType?: string | null;
  country?: string | null;
  signatureName?: string | null;
  signatureRole?: string | null;
}

export type ProfileData = { firstName?: string; lastName?: string } & {
  [K in Exclude<keyof ProfileInput, 'firstName' | 'lastName'>]?: string | null;
};

const OPTIONAL_FIELDS = ['organizationName', 'organizationType', 'country', 'signatureName', 'signatureRole'] as const;

/**
 * Cleans `input`; `problems` lists every invalid field.
 * @param required fields that must not be blank (those present in `input`, or all of them when `creating`).
 */
export function cleanProfile(
  input: ProfileInput,
  required: readonly (RegistrationField | 'firstName' | 'lastName')[],
  creating: boolean,
): { data: ProfileData; problems: FieldError[] } {
  const data: ProfileData = {};
  const problems: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => problems.push({ field, code, message });

  const text = (field: keyof ProfileInput, max: number): string | null | undefined => {
    const raw = input[field];
    if (raw === undefined && !creating) return undefined;
    const value = raw?.normalize('NFC').trim() || null;
    if (value === null) {
      if (required.includes(field as RegistrationField)) fail(field, 'required', 'This field is required.');
      return null;
    }
    if (value.length > max) fail(field, 'too_long', `At most ${max} characters.`);
    else if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(value)) fail(field, 'invalid', 'Must be a single line of text.');
    return value;
  };

  for (const field of ['firstName', 'lastName'] as const) {
    const value = text(field, NAME_MAX_LENGTH);
    if (value !== undefined) data[field] = value ?? '';
  }
  const username = text('username', NAME_MAX_LENGTH);
  // Django's UnicodeUsernameValidator: letters, digits and @ . + - _ (any script).
  if (username && !/^[\p{L}\p{N}\p{M}_.@+-]+$/u.test(username)) fail('username', 'invalid', 'Letters, digits and @ . + - _ only.');
  if (username !== undefined) data.username = username;

  const pictureUrl = text('pictureUrl', PICTURE_URL_MAX_LENGTH);
  if (pictureUrl && !isHttpUrl(pictureUrl)) fail('pictureUrl', 'invalid', 'Must be an http(s) URL.');
  if (pictureUrl !== undefined) data.pictureUrl = pictureUrl;

  for (const field of OPTIONAL_FIELDS) {
    const value = text(field, PROFILE_FIELD_MAX_LENGTH);
    if (value !== undefined) data[field] = value;
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
