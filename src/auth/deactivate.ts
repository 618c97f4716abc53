/**
 * Closing one's own account: it is disabled (kept, not deleted) and every session ends at once.
 */
import { recordAudit } from '../audit/record.js';
import type { Deps } from '../server/deps.js';
import { requirePassword } from './require-password.js';
import type { Viewer } from './sessions/authenticate.js';
import type { DeviceInfo } from './sessions/create-session.js';
import { revokeSessions } from './sessions/revoke.js';

/** @throws GatehouseError INVALID_CREDENTIALS */
export async function deactivateAccount(deps: Deps, viewer: Viewer, input: { password: string }, device: DeviceInfo): Promise<void> {
  await requirePassword(deps, viewer.user.id, input.password, 'password', device);
  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    await tx.user.update({ where: { id: viewer.user.id }, data: { isActive: false } });
    const revoked = await revokeSessions(deps, { userId: viewer.user.id }, 'account_deactivated', tx);
    await recordAudit(tx, { type: 'auth.account_deactivated', userId: viewer.user.id, ...device, metadata: { sessionsRevoked: revoked } }, now);
  });
}
