/**
 * Queuing an email: a row in OutboxEmail, written with the caller's transaction so the email exists
 * if and only if the change that causes it committed. The sender (sender.ts) delivers it.
 */
import type { PrismaClient } from '../db/client.js';
import type { EmailMessage } from './templates.js';

export async function enqueueEmail(db: Pick<PrismaClient, 'outboxEmail'>, message: EmailMessage, now: Date): Promise<void> {
  await db.outboxEmail.create({ data: outboxRow(message, now) });
}

/** The OutboxEmail row of `message`, for callers that write it in a batch of their own. */
export function outboxRow(message: EmailMessage, now: Date) {
  return { to: message.to, template: message.template, payload: JSON.stringify(message.payload), nextAttemptAt: now, createdAt: now };
}
