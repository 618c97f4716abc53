import { recordAudit } from '../audit/record.js';
import { fieldError, GatehouseError, messageText } from '../errors.js';
import type { Deps } from '../deps.js';
import type { DeviceInfo } from './sessions/create-session.js';

/**
 * Re-authentication for sensitive changes: the user's password must match. Every check counts
 * against a limit per user and per client IP before any hashing, so a stolen access token does
 * not buy online guessing of the password; a wrong password is audited.
 * @param device the request's address and user agent, for the per-IP limit and the audit row
 *   (required: a caller that left it out would silently skip the per-IP limit).
 * @throws GatehouseError RATE_LIMITED, INVALID_CREDENTIALS naming `field`, SERVICE_UNAVAILABLE (hashing queue full)
 */
export async function requirePassword(deps: Deps, userId: string, password: string, device: DeviceInfo, field = 'password'): Promise<void> {
  // Counted right or wrong, and before hashing: concurrent guesses cannot all slip past a check-then-count.
  await deps.rateLimits.consume('passwordCheck', { ip: device.ip, userId });
  const row = await deps.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  const ok = row.passwordHash && password.length <= deps.config.passwords.policy.maxLength ? await deps.passwords.verify(row.passwordHash, password) : false;
  if (ok) return;
  await recordAudit(deps.prisma, { type: 'auth.password_check_failed', userId, ...device, metadata: { field } }, deps.clock.now());
  throw new GatehouseError('INVALID_CREDENTIALS', {
    message: messageText('wrongPassword'),
    fields: [fieldError(field, 'wrong_password', 'wrongPassword')],
  });
}
