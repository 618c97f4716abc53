/**
 * Who performs an admin operation: the signed-in staff member with their effective access, and
 * where the request came from (for the audit trail).
 */
import type { EffectiveAccess } from '../auth/permissions/effective.js';

export interface Actor {
  id: string;
  isSuperuser: boolean;
  access: EffectiveAccess;
  ip: string | null;
  userAgent: string | null;
}

/** The audit fields every admin change records. */
export function auditBy(actor: Actor): { actorId: string; ip: string | null; userAgent: string | null } {
  return { actorId: actor.id, ip: actor.ip, userAgent: actor.userAgent };
}
