/**
 * Who performs an admin operation: the signed-in staff member with their effective access, and
 * where the request came from (for the audit trail); or an operator at the command line, who
 * holds the server's own powers (cliActor).
 */
import type { AuditEventType } from '../audit/record.js';
import type { WebhookActor } from '../webhooks/events.js';
import type { EffectiveAccess } from '../auth/permissions/effective.js';

export interface Actor {
  /** The staff member's user id; null for the command line, which is no account. */
  id: string | null;
  isSuperuser: boolean;
  access: EffectiveAccess;
  ip: string | null;
  userAgent: string | null;
  /** Set for the command line: its audit rows are typed `cli.<cliCommand>` instead of the API's type. */
  cliCommand?: string;
}

/** Everything, as a superuser holds it. */
const ALL_ACCESS: EffectiveAccess = { isSuperuser: true, permissions: new Set(), groups: new Set(), has: () => true };

/**
 * The operator running a management command: whoever can run it already holds the database and
 * the secrets, so it acts as a superuser; its audit rows have no actor, address or user agent.
 * @param command names the audit event, `cli.<command>` (e.g. `changepassword`).
 */
export function cliActor(command: string): Actor {
  return { id: null, isSuperuser: true, access: ALL_ACCESS, ip: null, userAgent: null, cliCommand: command };
}

/** The audit fields every admin change records. */
export function auditBy(actor: Actor): { actorId: string | null; ip: string | null; userAgent: string | null } {
  return { actorId: actor.id, ip: actor.ip, userAgent: actor.userAgent };
}

/** Who a webhook names as the cause: the staff member, or the system for the command line. */
export function webhookActor(actor: Actor): WebhookActor {
  return actor.id === null ? { kind: 'system' } : { kind: 'admin', id: actor.id };
}

/** The audit event type of a change: the API's `type`, or `cli.<command>` from the command line. */
export function auditType(actor: Actor, type: AuditEventType): AuditEventType {
  return actor.cliCommand === undefined ? type : `cli.${actor.cliCommand}`;
}
