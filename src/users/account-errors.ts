/**
 * Turning a unique-constraint race on User into the typed error a client handles: the check
 * before the write is for the common case; the constraint is what makes it true under concurrency.
 */
import { GatehouseError } from '../errors.js';
import { uniqueViolationField } from '../db/unique-violation.js';

/** Rethrows a User unique violation as EMAIL_TAKEN / USERNAME_TAKEN; any other error unchanged. */
export function rethrowTaken(error: unknown): never {
  const field = uniqueViolationField(error, 'User');
  if (field === 'email') throw new GatehouseError('EMAIL_TAKEN', { fields: [{ field: 'email', code: 'email_taken', message: 'An account with this email already exists.' }] });
  if (field === 'username') throw new GatehouseError('USERNAME_TAKEN', { fields: [{ field: 'username', code: 'username_taken', message: 'This username is taken.' }] });
  throw error;
}
