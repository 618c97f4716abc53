/**
 * Queuing an email: a row in OutboxEmail, written with the caller's transaction so the email exists
 * if and only if the change that causes it committed. The sender (sender.ts) delivers it, in the
 * language recorded on the row.
 */
import type { PrismaClient } from '../db/client.js';
import type { EmailMessage, NoticeMessage } from './templates.js';
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

/**
 * Queues a notice to an account's owner (a change they should hear of), or skips it when the
 * account has no address (`to` null, possible when usernames sign in). The change itself is
 * audited by the caller either way. Flows that cannot work without an address (codes, links,
 * invitations) use enqueueEmail after refusing with EMAIL_REQUIRED instead.
 * @returns whether a notice was queued
 */
export async function enqueueNotice(db: Pick<PrismaClient, 'outboxEmail' | 'user'>, message: NoticeMessage, now: Date): Promise<boolean> {
  if (message.to === null) return false;
  // Only `to` differs between the two types, and it is a string here.
  await enqueueEmail(db, message as EmailMessage, now);
  return true;
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

/**
 * The OutboxEmail rows of a notice for callers that write it in a batch of their own: none when
 * the account has no address (see enqueueNotice), else outboxRow's one.
 */
export function noticeRows(message: NoticeMessage, now: Date): ReturnType<typeof outboxRow>[] {
  // Only `to` differs between the two types, and it is a string here.
  return message.to === null ? [] : [outboxRow(message as EmailMessage, now)];
}
