/**
 * Validation of the user fields an admin (or the CLI) can set, Django's limits where Django has
 * them. Returns normalised values and every problem at once.
 */
import type { FieldError } from '../errors.js';
import { isValidEmail, normalizeEmail } from './email.js';


/** Django's username rule: letters, digits and @ . + - _ ; at most 150 characters. */
const USERNAME = /^[\p{L}\p{N}@.+_-]{1,150}$/u;
const MAX_NAME = 150;
const MAX_TEXT = 255;
const MAX_NOTES = 10_000;
const MAX_URL = 2048;

/** Normalised values, ready for Prisma's create or update. */
export interface UserFieldsData {
  email?: string;
  username?: string | null;
  firstName?: string;
  lastName?: string;
  pictureUrl?: string | null;
  organizationName?: string | null;
  organizationType?: string | null;
  country?: string | null;
  signatureName?: string | null;
  signatureRole?: string | null;
  notes?: string | null;
}

/** What a caller may pass: any of the fields, null clearing an optional one. */
export type UserFieldsInput = { [K in keyof UserFieldsData]?: UserFieldsData[K] | null };

/** Normalises and checks the fields present in `input`; absent (undefined) fields are left out. */
export function validateUserFields(input: UserFieldsInput): { data: UserFieldsData; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => problems.push({ field, code, message });
  const data: UserFieldsData = {};
  if (input.email !== undefined) {
    const email = normalizeEmail(input.email ?? '');
    if (!isValidEmail(email)) fail('email', 'invalid_email', 'Enter a valid email address.');
    data.email = email;
  }
  if (input.username !== undefined) {
    const username = input.username?.normalize('NFKC').trim() || null;
    if (username !== null && !USERNAME.test(username)) {
      fail('username', 'invalid_username', 'Use at most 150 letters, digits and @ . + - _ characters.');
    }
    data.username = username;
  }
  for (const field of ['firstName', 'lastName'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const trimmed = (value ?? '').trim();
    if (trimmed.length > MAX_NAME) fail(field, 'too_long', `At most ${MAX_NAME} characters.`);
    data[field] = trimmed;
  }
  for (const field of ['organizationName', 'organizationType', 'country', 'signatureName', 'signatureRole', 'pictureUrl', 'notes'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const trimmed = value?.trim() || null;
    const max = field === 'notes' ? MAX_NOTES : field === 'pictureUrl' ? MAX_URL : MAX_TEXT;
    if (trimmed && trimmed.length > max) fail(field, 'too_long', `At most ${max} characters.`);
    if (field === 'pictureUrl' && trimmed && !/^https:\/\/\S+$/i.test(trimmed)) fail(field, 'invalid_url', 'Use an https:// URL.');
    data[field] = trimmed;
  }
  return { data, problems };
}
