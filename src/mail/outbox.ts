/**
 * Queuing an email: a row in OutboxEmail, written with the caller's transaction so the email exists
 * if and only if the change that causes it committed. The sender (sender.ts) delivers it, in the
 * language recorded on the row.
 */
import type { PrismaClient } from '../db/client.js';
import type { EmailMessage } from './templates.js';
import { isLocale } from '../config/locales.js';

/**
 * Queues `message`. Its language is `message.locale` when given (null: DEFAULT_LOCALE at sending),
 * otherwise the `locale` of the account the address belongs to.
 */
export async function enqueueEmail(db: Pick<PrismaClient, 'outboxEmail' | 'user'>, message: EmailMessage, now: Date): Promise<void> {
  const stored = message.locale !== undefined ? message.locale : (await db.user.findUnique({ where: { email: message.to }, select: { locale: true } }))?.locale;
  const locale = isLocale(stored) ? stored : null;
  await db.outboxEmail.create({ data: outboxRow({ ...message, locale }, now) });
}

/** The OutboxEmail row of `message`, for callers that write it in a batch of their own (they pass `locale`). */
export function outboxRow(message: EmailMessage, now: Date) {
  return {
    to: message.to,
    template: message.template,
    payload: JSON.stringify(message.payload),
    locale: message.locale ?? null,
    nextAttemptAt: now,
    createdAt: now,
  };
}
