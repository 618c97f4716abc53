/**
 * Closing one's own account: it is disabled (kept, not deleted) and every session ends at once.
 * The last active superuser cannot close theirs (LAST_SUPERUSER).
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import { recordAudit } from '../audit/record.js';
import type { Deps } from '../deps.js';
import type { Viewer } from '../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { serializable } from '../db/transaction.js';
import { assertActiveSuperuserRemains } from '../users/superusers.js';
import { enqueueUserChanges } from '../webhooks/user-events.js';
import { requirePasswordOrFreshProof } from './step-up.js';

/** @throws GatehouseError INVALID_CREDENTIALS, LAST_SUPERUSER, REAUTHENTICATION_REQUIRED (an account without a password) */
export async function deactivateAccount(
  deps: Deps,
  viewer: Viewer,
  input: { password?: string | null; code?: string | null },
  device: DeviceInfo,
): Promise<void> {
  await requirePasswordOrFreshProof(deps, viewer, input, device, 'password');
  await serializable(deps.prisma, async (tx) => {
    const now = deps.clock.now();
    const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.user.id } });
    const user = await tx.user.update({ where: { id: viewer.user.id }, data: { isActive: false } });
    await enqueueUserChanges(tx, before, user, [], { kind: 'user', id: user.id }, now);
    await authStateChanged(deps, tx, { userId: user.id });
    // The same check as the admin path, after the write in one serializable transaction: the last
    // active superuser closing their account would leave nobody able to administer the instance.
    if (user.isSuperuser) await assertActiveSuperuserRemains(tx);
    const revoked = await revokeSessions(deps, { userId: viewer.user.id }, 'account_deactivated', tx);
    await recordAudit(tx, { type: 'auth.account_deactivated', userId: viewer.user.id, ...device, metadata: { sessionsRevoked: revoked } }, now);
  });
}
