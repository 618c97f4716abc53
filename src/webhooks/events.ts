/**
 * The outgoing webhook events: their names, and the versioned payload each one carries
 * (docs/webhooks.md). A payload holds ids, public account fields and the names of changed fields;
 * never a password hash, token, code or secret. Adding a field is compatible; changing or removing
 * one means a new `version`.
 */
import { randomUUID } from 'node:crypto';

export const WEBHOOK_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'user.password_changed',
  'session.created',
  'session.revoked',
  'user.email_changed',
  'user.mfa_changed',
  'identity.linked',
  'identity.unlinked',
  'group.created',
  'group.updated',
  'group.deleted',
  'user.groups_changed',
  'user.permissions_changed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The account fields a payload may show: public profile and status, nothing secret. */
export interface WebhookUser {
  id: string;
  email: string | null;
  username: string | null;
  firstName: string;
  lastName: string;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  emailVerified: boolean;
  createdAt: string;
}

interface UserRow {
  id: string;
  email: string | null;
  username: string | null;
  firstName: string;
  lastName: string;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  emailVerifiedAt: Date | null;
  createdAt: Date;
}

/** Picks the payload's fields by name, so a new column on User never leaks into a webhook. */
export function webhookUser(user: UserRow): WebhookUser {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    isActive: user.isActive,
    isStaff: user.isStaff,
    isSuperuser: user.isSuperuser,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Who caused the change: the user themself, an administrator (by id), or the system. */
export type WebhookActor = { kind: 'user' | 'admin'; id: string } | { kind: 'system' };

/** Which second factor changed and how (user.mfa_changed); `all` is an administrator's reset. */
export type MfaChange =
  | { factor: 'totp'; action: 'enabled' | 'disabled' }
  | { factor: 'recovery_codes'; action: 'regenerated' }
  | { factor: 'passkey'; action: 'added' | 'removed'; passkeyId: string }
  | { factor: 'all'; action: 'reset' };

/** How an identity came to be linked: by the signed-in owner, at a sign-in by a verified email, or at registration. */
export type IdentityLinkVia = 'link' | 'verified_email' | 'registration';

/** A group as payloads show it: its permissions by codename, sorted. */
export interface WebhookGroup {
  id: string;
  name: string;
  description: string;
  permissions: string[];
}

export interface WebhookEventData {
  'user.created': { user: WebhookUser; actor: WebhookActor };
  'user.updated': { user: WebhookUser; changedFields: string[]; actor: WebhookActor };
  'user.deactivated': { user: WebhookUser; actor: WebhookActor };
  'user.reactivated': { user: WebhookUser; actor: WebhookActor };
  'user.deleted': { userId: string; actor: WebhookActor };
  'user.password_changed': { userId: string; actor: WebhookActor; via: 'change' | 'reset' | 'admin' };
  'session.created': { userId: string; sessionId: string; authMethods: string[] };
  'session.revoked': { userId: string; sessionIds: string[]; reason: string };
  'user.email_changed': { user: WebhookUser; previousEmail: string | null; actor: WebhookActor };
  'user.mfa_changed': { userId: string; actor: WebhookActor } & MfaChange;
  'identity.linked': { userId: string; identityId: string; provider: string; via: IdentityLinkVia; actor: WebhookActor };
  'identity.unlinked': { userId: string; identityId: string; provider: string; actor: WebhookActor };
  'group.created': { group: WebhookGroup; actor: WebhookActor };
  'group.updated': { group: WebhookGroup; changedFields: string[]; actor: WebhookActor };
  'group.deleted': { groupId: string; name: string; memberIds: string[]; actor: WebhookActor };
  'user.groups_changed': { userId: string; groups: string[]; added: string[]; removed: string[]; actor: WebhookActor };
  'user.permissions_changed': { userId: string; permissions: string[]; added: string[]; removed: string[]; actor: WebhookActor };
}

/** What is sent: the body of the POST, signed as it stands. */
export interface WebhookEvent<T extends WebhookEventType = WebhookEventType> {
  /** Unique per event, the same for every endpoint (the `webhook-id` header); receivers dedupe on it. */
  id: string;
  type: T;
  version: 1;
  /** When the change happened (ISO 8601). */
  timestamp: string;
  data: WebhookEventData[T];
}

/** The user an event is about (its `user.id` or `userId`), the key of per-user order; null for group events. */
export function eventUserId(data: WebhookEventData[WebhookEventType]): string | null {
  if ('user' in data) return data.user.id;
  if ('userId' in data) return data.userId;
  return null;
}

export function webhookEvent<T extends WebhookEventType>(type: T, data: WebhookEventData[T], now: Date): WebhookEvent<T> {
  return { id: `evt_${randomUUID()}`, type, version: 1, timestamp: now.toISOString(), data };
}
