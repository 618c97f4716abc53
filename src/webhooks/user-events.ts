/**
 * The webhook events of a change to an account's row, shared by the self-service and admin paths:
 * user.updated with the names of the changed fields (isActive excluded), and user.deactivated or
 * user.reactivated when the active flag flipped, and user.email_changed (with the previous address,
 * so a receiver keyed on email can follow the account) when the email changed.
 */
import type { PrismaClient } from '../db/client.js';
import { enqueueWebhook } from './enqueue.js';
import { webhookUser, type WebhookActor } from './events.js';

type UserRow = Parameters<typeof webhookUser>[0];

export async function enqueueUserChanges(
  db: Pick<PrismaClient, 'webhookEndpoint' | 'webhookDelivery'>,
  before: UserRow,
  after: UserRow,
  changedFields: string[],
  actor: WebhookActor,
  now: Date,
): Promise<void> {
  const fields = changedFields.filter((field) => field !== 'isActive');
  if (fields.length) await enqueueWebhook(db, 'user.updated', { user: webhookUser(after), changedFields: fields, actor }, now);
  if (before.email !== after.email) await enqueueWebhook(db, 'user.email_changed', { user: webhookUser(after), previousEmail: before.email, actor }, now);
  if (before.isActive !== after.isActive) {
    await enqueueWebhook(db, after.isActive ? 'user.reactivated' : 'user.deactivated', { user: webhookUser(after), actor }, now);
  }
}
