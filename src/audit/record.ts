/**
 * The audit trail: one row per security-relevant event. Metadata must never hold secrets
 * (passwords, tokens, codes); callers pass only what an investigator needs.
 */
import type { PrismaClient } from '../db/client.js';

export type AuditEventType =
  | 'auth.login_succeeded'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.logout_all'
  | 'auth.session_revoked'
  | 'auth.refresh_token_reused'
  | 'auth.registered'
  | 'auth.email_verified'
  | 'auth.password_changed'
  | 'auth.password_reset_requested'
  | 'auth.password_reset'
  | 'auth.email_change_requested'
  | 'auth.email_changed'
  | 'auth.profile_updated'
  | 'auth.account_deactivated'
  | 'auth.password_rehashed'
  | 'auth.password_check_failed'
  | `mfa.${string}`
  | `passkey.${string}`
  | `sign_in_code.${string}`
  | `oauth.${string}`
  | `webhook.${string}`
  | `admin.${string}`
  | `cli.${string}`;

export interface AuditEntry {
  type: AuditEventType;
  /** The account the event is about. */
  userId?: string | null;
  /** Who did it, when not the user themself (an admin, the CLI). */
  actorId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  metadata?: Record<string, unknown>;
}

/** Longest user agent kept (audit trail and session records); longer ones are truncated, not refused. */
export const MAX_USER_AGENT = 512;

/** Records an audit event, inside the caller's transaction when `db` is one. */
export async function recordAudit(db: Pick<PrismaClient, 'auditEvent'>, entry: AuditEntry, now: Date): Promise<void> {
  await db.auditEvent.create({ data: auditRow(entry, now) });
}

/** The row of an audit event, for callers that write it in a batch of their own. */
export function auditRow(entry: AuditEntry, now: Date) {
  return {
    type: entry.type,
    userId: entry.userId ?? null,
    actorId: entry.actorId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    metadata: JSON.stringify(entry.metadata ?? {}),
    createdAt: now,
  };
}
