/**
 * Changing one's password: the current one is checked, the new one validated; every other device
 * is signed out and a notice is emailed.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import { recordAudit } from '../audit/record.js';
import { validationError } from '../errors.js';
import { consumeOutstandingTokens } from '../auth/outstanding-tokens.js';
import { enqueueNotice } from '../mail/outbox.js';
import type { Deps } from '../deps.js';
import { validatePassword } from '../auth/passwords/validators.js';
import type { Viewer } from '../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { requirePasswordOrFreshProof } from './step-up.js';

/**
 * An account without a password (passwordless sign-in) sets its first one with a fresh proof instead
 * of the current password (./step-up.ts).
 * @returns how many other sessions were signed out.
 * @throws GatehouseError INVALID_CREDENTIALS (wrong current password), VALIDATION_FAILED (field newPassword), REAUTHENTICATION_REQUIRED
 */
export async function changePassword(
  deps: Deps,
  viewer: Viewer,
  input: { currentPassword?: string | null; newPassword: string; code?: string | null },
  device: DeviceInfo,
): Promise<number> {
  await requirePasswordOrFreshProof(deps, viewer, { password: input.currentPassword, code: input.code }, device, 'currentPassword');
  const user = viewer.user;
  const problems = validatePassword(deps.config.passwords.policy, input.newPassword, user, 'newPassword');
  if (problems.length) throw validationError(problems);
  const passwordHash = await deps.passwords.hash(input.newPassword);
  return deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    await authStateChanged(deps, tx, { userId: user.id });
    await consumeOutstandingTokens(tx, user.id, now);
    const revoked = await revokeSessions(deps, { userId: user.id, exceptId: viewer.session.id }, 'password_changed', tx);
    await enqueueWebhook(tx, 'user.password_changed', { userId: user.id, actor: { kind: 'user', id: user.id }, via: 'change' }, now);
    await recordAudit(tx, { type: 'auth.password_changed', userId: user.id, ...device, metadata: { otherSessionsRevoked: revoked } }, now);
    await enqueueNotice(tx, { to: user.email, template: 'password_changed', payload: { firstName: user.firstName } }, now);
    return revoked;
  });
}
