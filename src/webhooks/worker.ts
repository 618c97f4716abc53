/**
 * The webhook worker: claims due WebhookDelivery rows, signs and posts them, and records the
 * outcome, like the mail sender (mail/sender.ts). A claim is a conditional update (PENDING ->
 * SENDING guarded by the attempt count read), so several instances never post one row at the same
 * time; an expired claim (its worker died) is taken again. Failures are retried with exponential
 * back-off (capped) until WEBHOOK_MAX_ATTEMPTS. An endpoint that fails WEBHOOK_DISABLE_AFTER_FAILURES
 * attempts in a row is disabled, audited and its administrators emailed; its pending rows wait
 * until it is enabled again.
 */
import type { Deps } from '../deps.js';
import { recordAudit } from '../audit/record.js';
import { startRepeatingPass, type RepeatingPass } from '../jobs/repeating-pass.js';
import { decryptSecret } from '../security/encryption.js';
import { noticeEndpointDisabled } from './disabled-notice.js';
import { userOrder, type DueRow } from './ordering.js';
import { postWebhook } from './post.js';
import { previousSecretContext, secretContext, signWebhook } from './signing.js';

type WorkerDeps = Pick<Deps, 'prisma' | 'clock' | 'config' | 'logger'>;

export interface WebhookReport {
  sent: number;
  retrying: number;
  failed: number;
}

const MAX_BACKOFF_MS = 6 * 3600 * 1000;
const BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 500;

/** The current secret, and the one a rotation replaced while its grace period lasts. */
function signingSecrets(
  config: WorkerDeps['config'],
  endpoint: { id: string; secretEncrypted: string; previousSecretEncrypted: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
): string[] {
  const secrets = [decryptSecret(config.dataEncryption, endpoint.secretEncrypted, secretContext(endpoint.id)).plaintext];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    try {
      secrets.push(decryptSecret(config.dataEncryption, endpoint.previousSecretEncrypted, previousSecretContext(endpoint.id)).plaintext);
    } catch {
      // The old secret is a courtesy during the grace: one that no longer decrypts must not stop delivery.
    }
  }
  return secrets;
}

/** One pass over the due rows. Tests call it directly; the loop below calls it on a timer. */
export async function deliverPendingWebhooks(deps: WorkerDeps): Promise<WebhookReport> {
  return (await deliveryPass(deps)).report;
}

/** A pass, and whether it took a full batch (more may be due: the loop runs the next at once). */
async function deliveryPass(deps: WorkerDeps): Promise<{ report: WebhookReport; full: boolean }> {
  const now = deps.clock.now();
  const due = await deps.prisma.webhookDelivery.findMany({
    where: {
      endpoint: { enabled: true },
      OR: [
        { status: 'PENDING', nextAttemptAt: { lte: now } },
        { status: 'SENDING', lockedUntil: { lt: now } },
      ],
    },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH_SIZE,
    select: { id: true, status: true, attempts: true, endpointId: true, userId: true, createdAt: true },
  });
  const report: WebhookReport = { sent: 0, retrying: 0, failed: 0 };
  const order = await userOrder(deps.prisma, due);
  let leftDue = false;
  for (const row of order.rows) {
    const blocker = order.blocker(row);
    if (blocker) {
      if (!(await holdBack(deps, row, blocker.nextAttemptAt, now))) leftDue = true;
      continue;
    }
    const outcome = await deliverOne(deps, row);
    if (outcome) report[outcome] += 1;
    if (outcome === 'sent' || outcome === 'failed') order.finished(row);
  }
  // Full only when every row taken is now SENT, FAILED, rescheduled, held back or another worker's:
  // a batch of rows left due (a blocked expired claim) would be taken again by the next pass at once.
  return { report, full: due.length === BATCH_SIZE && !leftDue };
}

/**
 * A row waiting for an earlier one of its user is not due before that one's next attempt (nor
 * before the next pass), so waiting rows do not fill every batch ahead of other users' rows.
 * @returns whether the row was moved (an expired claim is left as it is)
 */
async function holdBack(deps: WorkerDeps, row: DueRow, blockerDue: Date, now: Date): Promise<boolean> {
  if (row.status !== 'PENDING') return false;
  const nextAttemptAt = new Date(Math.max(blockerDue.getTime(), now.getTime() + deps.config.webhooks.sendIntervalMs));
  await deps.prisma.webhookDelivery.updateMany({ where: { id: row.id, status: 'PENDING', attempts: row.attempts }, data: { nextAttemptAt } });
  return true;
}

async function deliverOne(deps: WorkerDeps, seen: DueRow): Promise<keyof WebhookReport | null> {
  const { prisma, clock, config, logger } = deps;
  const attempts = seen.attempts + 1;
  // The claim outlasts the attempt's deadline, so a live worker never loses its row.
  const lockedUntil = new Date(clock.now().getTime() + Math.max(60_000, 4 * config.webhooks.timeoutMs));
  const claimed = await prisma.webhookDelivery.updateMany({
    where: { id: seen.id, status: seen.status, attempts: seen.attempts },
    data: { status: 'SENDING', attempts, lockedUntil },
  });
  if (claimed.count !== 1) return null; // another worker has it
  const mine = { id: seen.id, status: 'SENDING' as const, attempts };
  const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: seen.id }, include: { endpoint: true } });
  const { endpoint } = row;
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const headers = signWebhook(signingSecrets(config, endpoint, clock.now()), row.eventId, clock.now(), row.payload);
    statusCode = (await postWebhook(endpoint.url, { ...headers }, row.payload, config.webhooks, config.webhooks.timeoutMs)).statusCode;
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const now = clock.now();
  if (error === null) {
    await prisma.webhookDelivery.updateMany({
      where: mine,
      data: { status: 'SENT', deliveredAt: now, lockedUntil: null, lastStatusCode: statusCode, lastError: null },
    });
    await prisma.webhookEndpoint.updateMany({ where: { id: endpoint.id, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
    logger.info({ deliveryId: row.id, endpointId: endpoint.id, eventType: row.eventType }, 'webhook delivered');
    return 'sent';
  }
  const lastError = error.slice(0, MAX_ERROR_LENGTH);
  await countFailure(deps, endpoint.id, now);
  if (attempts >= config.webhooks.maxAttempts) {
    await prisma.webhookDelivery.updateMany({ where: mine, data: { status: 'FAILED', lockedUntil: null, lastStatusCode: statusCode, lastError } });
    logger.error({ deliveryId: row.id, endpointId: endpoint.id, attempts, error: lastError }, 'webhook failed for good');
    return 'failed';
  }
  const backoff = Math.min(MAX_BACKOFF_MS, config.webhooks.retryBaseSeconds * 1000 * 2 ** (attempts - 1));
  const nextAttemptAt = new Date(now.getTime() + backoff);
  await prisma.webhookDelivery.updateMany({
    where: mine,
    data: { status: 'PENDING', lockedUntil: null, lastStatusCode: statusCode, lastError, nextAttemptAt },
  });
  logger.warn({ deliveryId: row.id, endpointId: endpoint.id, attempts, nextAttemptAt, error: lastError }, 'webhook not delivered; will retry');
  return 'retrying';
}

/**
 * Counts a failed attempt against the endpoint; at the threshold, disables it (once) and, in the
 * same transaction, audits it and emails the administrators who can enable it again.
 */
async function countFailure(deps: WorkerDeps, endpointId: string, now: Date): Promise<void> {
  const { prisma, config } = deps;
  const endpoint = await prisma.webhookEndpoint.update({ where: { id: endpointId }, data: { consecutiveFailures: { increment: 1 } } });
  if (endpoint.consecutiveFailures < config.webhooks.disableAfterFailures) return;
  const reason = `${endpoint.consecutiveFailures} failed attempts in a row`;
  const notified = await prisma.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, enabled: true },
      data: { enabled: false, disabledAt: now, disabledReason: reason },
    });
    if (count !== 1) return null; // already disabled (by another worker or an admin)
    await recordAudit(tx, { type: 'webhook.endpoint_disabled', metadata: { endpointId, url: endpoint.url, reason } }, now);
    return noticeEndpointDisabled(tx, { url: endpoint.url, failures: endpoint.consecutiveFailures }, now);
  });
  if (notified !== null) deps.logger.error({ endpointId, reason, adminsNotified: notified }, 'webhook endpoint disabled');
}

export type WebhookWorker = RepeatingPass;

/**
 * Runs a pass at once, then WEBHOOK_SEND_INTERVAL_MS after each pass, or at once after a full one,
 * until stopped.
 */
export function startWebhookWorker(deps: WorkerDeps): WebhookWorker {
  return startRepeatingPass({
    pass: async () => (await deliveryPass(deps)).full,
    intervalMs: deps.config.webhooks.sendIntervalMs,
    onError: (error) => deps.logger.error({ err: error }, 'webhook pass failed'),
  });
}
