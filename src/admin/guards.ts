/**
 * The rules that keep staff from raising privileges, and the instance from losing its last
 * superuser. Scope rules decide who may call an operation; these decide what the call may do.
 */
import { GatehouseError } from '../errors.js';
import type { Tx } from '../db/transaction.js';
import type { Actor } from './actor.js';

/**
 * A staff member cannot grant a permission they do not hold themselves (directly, or through a
 * group they assign, or to a group).
 */
export function assertCanGrant(actor: Actor, codenames: Iterable<string>): void {
  const missing = [...new Set(codenames)].filter((codename) => !actor.access.has(codename)).sort();
  if (missing.length) {
    throw new GatehouseError('FORBIDDEN', {
      message: `You cannot grant permissions you do not hold: ${missing.join(', ')}.`,
      details: { required: missing.map((codename) => `permission:${codename}`) },
    });
  }
}

/** Only a superuser may make someone a superuser. */
export function assertCanMakeSuperuser(actor: Actor): void {
  if (!actor.isSuperuser) throw new GatehouseError('FORBIDDEN', { message: 'Only a superuser can make someone a superuser.', details: { required: ['superuser'] } });
}

/**
 * Only a superuser may change a superuser: otherwise a staff member allowed to change users could
 * set a superuser's password or email and sign in as them.
 */
export function assertCanManage(actor: Actor, target: { id: string; isSuperuser: boolean }): void {
  if (target.isSuperuser && !actor.isSuperuser && target.id !== actor.id) {
    throw new GatehouseError('FORBIDDEN', { message: 'Only a superuser can change a superuser.', details: { required: ['superuser'] } });
  }
}

/** Nobody changes their own isActive, isStaff, isSuperuser or role; another admin must. */
export function assertNotOwnFlags(actor: Actor, targetId: string, changed: readonly string[]): void {
  if (targetId === actor.id && changed.length) {
    throw new GatehouseError('FORBIDDEN', { message: `You cannot change your own ${changed.join(', ')}.` });
  }
}

/**
 * Call after the write, inside the same serializable transaction: fails (rolling the write back)
 * when no active superuser would remain. Writing first and counting after means two concurrent
 * demotions cannot both see "one other superuser left".
 */
export async function assertActiveSuperuserRemains(tx: Tx): Promise<void> {
  const remaining = await tx.user.count({ where: { isSuperuser: true, isActive: true } });
  if (remaining === 0) throw new GatehouseError('LAST_SUPERUSER');
}
