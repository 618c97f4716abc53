import { validationError } from '../errors.js';
import { isValidEmail, MAX_EMAIL_LENGTH, normalizeEmail } from './email.js';

/** The normalised address, or VALIDATION_FAILED naming `field`. */
export function requireEmail(raw: string, field = 'email'): string {
  if (raw.length > MAX_EMAIL_LENGTH * 2) throw validationError([{ field, code: 'invalid', message: 'Enter a valid email address.' }]);
  const email = normalizeEmail(raw);
  if (!isValidEmail(email)) throw validationError([{ field, code: 'invalid', message: 'Enter a valid email address.' }]);
  return email;
}

/** A normalised address for a look-up, or null when it cannot belong to any account. */
export function lookupEmail(raw: string): string | null {
  if (raw.length > MAX_EMAIL_LENGTH * 2) return null;
  const email = normalizeEmail(raw);
  return isValidEmail(email) ? email : null;
}
