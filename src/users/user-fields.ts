/**
 * Validation of the user fields an admin (or the CLI) can set, Django's limits where Django has
 * them. Returns normalised values and every problem at once.
 */
import { fieldError, type FieldError } from '../errors.js';
import { isValidEmail, normalizeEmail } from './email.js';
import { cleanProfile, type ProfileData } from './profile-fields.js';

/** Staff notes are free text, longer than profile fields. */
const MAX_NOTES = 10_000;

/** Normalised values, ready for Prisma's create or update: the profile fields, the email and staff notes. */
export type UserFieldsData = ProfileData & {
  email?: string;
  notes?: string | null;
};

/** What a caller may pass: any of the fields, null clearing an optional one. */
export type UserFieldsInput = { [K in keyof UserFieldsData]?: UserFieldsData[K] | null };

/**
 * Normalises and checks the fields present in `input`; absent (undefined) fields are left out.
 * The profile fields follow exactly the rules of self-service (cleanProfile), so an admin cannot
 * store what a user could not; the email and staff notes are checked here.
 */
export function validateUserFields(input: UserFieldsInput): { data: UserFieldsData; problems: FieldError[] } {
  const { email, notes, ...profile } = input;
  const { data: cleaned, problems } = cleanProfile(profile, [], false);
  const data: UserFieldsData = { ...cleaned };
  if (email === null) {
    // An address may be changed (and, on an account without one, added) but never removed: the
    // owner would silently lose the notices and the reset link that reach them there.
    problems.push(fieldError('email', 'required', 'emailNotRemovable'));
  } else if (email !== undefined) {
    const normalized = normalizeEmail(email);
    if (!isValidEmail(normalized)) problems.push(fieldError('email', 'invalid_email', 'invalidEmail'));
    data.email = normalized;
  }
  if (notes !== undefined) {
    const trimmed = notes?.trim() || null;
    if (trimmed && trimmed.length > MAX_NOTES) problems.push(fieldError('notes', 'too_long', 'tooLong', { max: MAX_NOTES }));
    data.notes = trimmed;
  }
  return { data, problems };
}
