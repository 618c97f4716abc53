import { GatehouseError } from '../errors.js';
import type { Deps } from '../deps.js';

/**
 * Re-authentication for sensitive changes: the user's password must match.
 * @throws GatehouseError INVALID_CREDENTIALS naming `field`
 */
export async function requirePassword(deps: Deps, userId: string, password: string, field = 'password'): Promise<void> {
  const row = await deps.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  const ok = row.passwordHash && password.length <= deps.config.passwords.policy.maxLength ? await deps.passwords.verify(row.passwordHash, password) : false;
  if (!ok) throw new GatehouseError('INVALID_CREDENTIALS', { message: 'The password is wrong.', fields: [{ field, code: 'wrong_password', message: 'The password is wrong.' }] });
}
