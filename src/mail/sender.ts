/**
 * The outbox sender: claims due OutboxEmail rows, sends them, and records the outcome.
 *
 * A claim is a conditional update (PENDING -> SENDING, guarded by the attempt count the sender
 * read), so two instances never send the same row; a claim carries `lockedUntil`, and a row whose
 * claim expired (its sender died) is claimed again. Failures are retried with exponential back-off
 * until MAIL_MAX_ATTEMPTS, then the row is FAILED. A SENT row is never sent again. Once a row is
 * SENT or FAILED its payload (which may hold a code or a reset link) is erased.
 */
import type { OutboxEmail } from '../generated/sqlite/client.js';
import type { Deps } from '../deps.js';
import { renderEmail, type EmailTemplates, type TemplateName } from './templates.js';
import { isLocale } from '../config/locales.js';
import { startRepeatingPass, type RepeatingPass } from '../jobs/repeating-pass.js';

type SenderDeps = Pick<Deps, 'prisma' | 'clock' | 'config' | 'logger' | 'mailer'> & Partial<Pick<Deps, 'translator'>>;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** Longest back-off between two attempts. */
const MAX_BACKOFF_MS = 6 * 3600 * 1000;
/** Rows claimed per pass. */
const BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 500;

/** How long a claim lasts: well beyond the SMTP timeouts, so a live sender never loses its row. */
function claimMs(config: SenderDeps['config']): number {
  return Math.max(60_000, 4 * (config.mail.smtp?.timeoutMs ?? 0));
}

/** One pass over the due rows. Tests call it directly; the loop below calls it on a timer. */
export async function deliverPendingEmails(deps: SenderDeps): Promise<DeliveryReport> {
  return (await deliveryPass(deps)).report;
}

/** A pass, and whether it took a full batch (more may be due: the loop runs the next at once). */
async function deliveryPass(deps: SenderDeps): Promise<{ report: DeliveryReport; full: boolean }> {
  const { prisma, clock } = deps;
  const now = clock.now();
  const due = await prisma.outboxEmail.findMany({
    where: {
      OR: [
        { status: 'PENDING', nextAttemptAt: { lte: now } },
        { status: 'SENDING', lockedUntil: { lt: now } },
      ],
    },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH_SIZE,
    // The whole message now, not after the claim: what is sent never changes while the row is
    // PENDING or SENDING (the payload is erased only with SENT or FAILED, which fail the claim), so
    // a claim that succeeds vouches for what was read here; one SELECT per mail less (issue 12).
    select: { id: true, status: true, attempts: true, to: true, template: true, payload: true, locale: true },
  });
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const row of due) {
    const outcome = await deliverOne(deps, row);
    if (outcome) report[outcome] += 1;
  }
  // Every row taken is now SENT, FAILED, rescheduled or another sender's: none is due again at once.
  return { report, full: due.length === BATCH_SIZE };
}

type DueEmail = Pick<OutboxEmail, 'id' | 'status' | 'attempts' | 'to' | 'template' | 'payload' | 'locale'>;

async function deliverOne(deps: SenderDeps, seen: DueEmail): Promise<keyof DeliveryReport | null> {
  const { prisma, clock, config, logger } = deps;
  const attempts = seen.attempts + 1;
  const claimed = await prisma.outboxEmail.updateMany({
    where: { id: seen.id, status: seen.status, attempts: seen.attempts },
    data: { status: 'SENDING', attempts, lockedUntil: new Date(clock.now().getTime() + claimMs(config)) },
  });
  if (claimed.count !== 1) return null; // another sender has it
  const mine = { id: seen.id, status: 'SENDING' as const, attempts };
  const row = seen;
  try {
    // In the language recorded when the email was queued, so a later change of locale does not matter.
    const locale = isLocale(row.locale) ? row.locale : config.i18n.defaultLocale;
    const rendered = renderEmail(row.template as TemplateName, JSON.parse(row.payload) as EmailTemplates[TemplateName], {
      locale,
      translator: deps.translator,
    });
    await deps.mailer.send({ to: row.to, ...rendered });
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    const now = clock.now();
    if (attempts >= config.mail.maxAttempts) {
      await prisma.outboxEmail.updateMany({ where: mine, data: { status: 'FAILED', lockedUntil: null, lastError, payload: '{}' } });
      logger.error({ outboxId: row.id, template: row.template, attempts, error: lastError }, 'email failed for good');
      return 'failed';
    }
    const backoff = Math.min(MAX_BACKOFF_MS, config.mail.retryBaseSeconds * 1000 * 2 ** (attempts - 1));
    const nextAttemptAt = new Date(now.getTime() + backoff);
    await prisma.outboxEmail.updateMany({ where: mine, data: { status: 'PENDING', lockedUntil: null, lastError, nextAttemptAt } });
    logger.warn({ outboxId: row.id, template: row.template, attempts, nextAttemptAt, error: lastError }, 'email not sent; will retry');
    return 'retrying';
  }
  await prisma.outboxEmail.updateMany({ where: mine, data: { status: 'SENT', sentAt: clock.now(), lockedUntil: null, lastError: null, payload: '{}' } });
  logger.info({ outboxId: row.id, template: row.template }, 'email sent');
  return 'sent';
}

export type OutboxSender = RepeatingPass;

/**
 * Runs a pass at once, then MAIL_SEND_INTERVAL_MS after each pass, or at once after a full one,
 * until stopped.
 */
export function startOutboxSender(deps: SenderDeps): OutboxSender {
  return startRepeatingPass({
    pass: async () => (await deliveryPass(deps)).full,
    intervalMs: deps.config.mail.sendIntervalMs,
    onError: (error) => deps.logger.error({ err: error }, 'outbox pass failed'),
  });
}
