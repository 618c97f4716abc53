/** The name a user gives a passkey ("Laptop", "YubiKey"): shown in myPasskeys and in emails. */
import { fieldError, validationError } from '../../errors.js';

export const MAX_PASSKEY_NAME = 64;
const DEFAULT_NAME = 'Passkey';

/**
 * The trimmed name, or the default when none is given.
 * @throws GatehouseError VALIDATION_FAILED (`name`: required when given empty, too_long, invalid for control characters)
 */
export function passkeyName(raw: string | null | undefined, required = false): string {
  if (raw === null || raw === undefined) {
    if (required) throw validationError([fieldError('name', 'required', 'passkeyNameRequired')]);
    return DEFAULT_NAME;
  }
  const name = raw.trim();
  if (!name) throw validationError([fieldError('name', 'required', 'passkeyNameRequired')]);
  if (name.length > MAX_PASSKEY_NAME) throw validationError([fieldError('name', 'too_long', 'tooLong', { max: MAX_PASSKEY_NAME })]);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw validationError([fieldError('name', 'invalid', 'printableOnly')]);
  return name;
}

/** How emails name it: the passkey “Laptop”. */
export function describePasskey(name: string): string {
  return `the passkey “${name}”`;
}
