/**
 * Turning a unique-constraint race on User into the typed error a client handles: the check
 * before the write is for the common case; the constraint is what makes it true under concurrency.
 */
import { fieldErrorAsCode, GatehouseError } from '../errors.js';
import { uniqueViolationField } from '../db/unique-violation.js';

/**
 * The one shape of EMAIL_TAKEN / USERNAME_TAKEN, whether the check before the write or the
 * constraint found the clash: the code, and `fields` naming the argument (`email`, `newEmail`...).
 */
export function takenError(column: 'email' | 'username', argument: string = column): GatehouseError {
  const code = column === 'email' ? 'EMAIL_TAKEN' : 'USERNAME_TAKEN';
  return new GatehouseError(code, { fields: [fieldErrorAsCode(argument, `${column}_taken`, code)] });
}

/** Rethrows a User unique violation as takenError(); any other error unchanged. */
export function rethrowTaken(error: unknown, argument?: { email?: string; username?: string }): never {
  const column = uniqueViolationField(error, 'User');
  if (column === 'email' || column === 'username') throw takenError(column, argument?.[column]);
  throw error;
}
