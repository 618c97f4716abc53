/**
 * The instance never loses its last active superuser: an invariant both the admin use cases and
 * self-service deactivation enforce, so it lives below both.
 */
import { GatehouseError } from '../errors.js';
import type { Tx } from '../db/transaction.js';

/**
 * Call after the write, inside the same serializable transaction: fails (rolling the write back)
 * when no active superuser would remain. Writing first and counting after means two concurrent
 * demotions cannot both see "one other superuser left".
 */
export async function assertActiveSuperuserRemains(tx: Tx): Promise<void> {
  const remaining = await tx.user.count({ where: { isSuperuser: true, isActive: true } });
  if (remaining === 0) throw new GatehouseError('LAST_SUPERUSER');
}
