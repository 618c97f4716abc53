import { fieldError, GatehouseError, validationError } from '../errors.js';
import { isValidEmail, MAX_EMAIL_LENGTH, normalizeEmail } from './email.js';

/** The normalised address, or VALIDATION_FAILED naming `field`. */
export function requireEmail(raw: string, field = 'email'): string {
  if (raw.length > MAX_EMAIL_LENGTH * 2) throw validationError([fieldError(field, 'invalid', 'invalidEmail')]);
  const email = normalizeEmail(raw);
  if (!isValidEmail(email)) throw validationError([fieldError(field, 'invalid', 'invalidEmail')]);
  return email;
}

/** A normalised address for a look-up, or null when it cannot belong to any account. */
export function lookupEmail(raw: string): string | null {
  if (raw.length > MAX_EMAIL_LENGTH * 2) return null;
  const email = normalizeEmail(raw);
  return isValidEmail(email) ? email : null;
}

/**
 * The address of an account, for a flow that cannot work without one (a code, a link, an
 * invitation); EMAIL_REQUIRED for an account without one (possible when usernames sign in).
 */
export function requireAddress(user: { email: string | null }): string {
  if (user.email === null) throw new GatehouseError('EMAIL_REQUIRED');
  return user.email;
}
