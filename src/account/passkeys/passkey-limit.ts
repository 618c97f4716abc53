/** How many passkeys one account may hold: bounds myPasskeys and the allow-list a sign-in sends. */
import type { Deps } from '../../deps.js';
import { fieldError, validationError } from '../../errors.js';

export const MAX_PASSKEYS_PER_USER = 20;

/** @throws GatehouseError VALIDATION_FAILED (field `passkeys`, code `limit_reached`) */
export async function requireRoomForPasskey(deps: Pick<Deps, 'prisma'>, userId: string): Promise<void> {
  if ((await deps.prisma.passkey.count({ where: { userId } })) < MAX_PASSKEYS_PER_USER) return;
  throw validationError([fieldError('passkeys', 'limit_reached', 'passkeyLimit', { max: MAX_PASSKEYS_PER_USER })]);
}
