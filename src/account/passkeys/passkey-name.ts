/** The name a user gives a passkey ("Laptop", "YubiKey"): shown in myPasskeys and in emails. */
import { validationError } from '../../errors.js';

export const MAX_PASSKEY_NAME = 64;
const DEFAULT_NAME = 'Passkey';

/**
 * The trimmed name, or the default when none is given.
 * @throws GatehouseError VALIDATION_FAILED (`name`: required when given empty, too_long, invalid for control characters)
 */
export function passkeyName(raw: string | null | undefined, required = false): string {
  if (raw === null || raw === undefined) {
    if (required) throw validationError([{ field: 'name', code: 'required', message: 'Give the passkey a name.' }]);
    return DEFAULT_NAME;
  }
  const name = raw.trim();
  if (!name) throw validationError([{ field: 'name', code: 'required', message: 'Give the passkey a name.' }]);
  if (name.length > MAX_PASSKEY_NAME) throw validationError([{ field: 'name', code: 'too_long', message: `At most ${MAX_PASSKEY_NAME} characters.` }]);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw validationError([{ field: 'name', code: 'invalid', message: 'Use printable characters only.' }]);
  return name;
}

/** How emails name it: the passkey “Laptop”. */
export function describePasskey(name: string): string {
  return `the passkey “${name}”`;
}
