/**
 * The webhook worker: claims due WebhookDelivery rows, signs and posts them, and records the
 * outcome, like the mail sender (mail/sender.ts). A claim is a conditional update (PENDING ->
 * SENDING guarded by the attempt count read), so several instances never post one row at the same
 * time; an expired claim (its worker died) is taken again. Failures are retried with exponential
 * back-off (capped) until WEBHOOK_MAX_ATTEMPTS. An endpoint that fails WEBHOOK_DISABLE_AFTER_FAILURES
 * attempts in a row is disabled and audited; its pending rows wait until it is enabled again.
 */
import type { Deps } from '../deps.js';
import { recordAudit } from '../audit/record.js';
import { decryptSecret } from '../security/encryption.js';
import { postWebhook } from './post.js';
import { secretContext, signWebhook } from './signing.js';

type WorkerDeps = Pick<Deps, 'prisma' | 'clock' | 'config' | 'logger'>;

export interface WebhookReport {
  sent: number;
  retrying: number;
  failed: number;
}

const MAX_BACKOFF_MS = 6 * 3600 * 1000;
const BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 500;

/** One pass over the due rows. Tests call it directly; the loop below calls it on a timer. */
export async function deliverPendingWebhooks(deps: WorkerDeps): Promise<WebhookReport> {
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
    select: { id: true, status: true, attempts: true },
  });
  const report: WebhookReport = { sent: 0, retrying: 0, failed: 0 };
  for (const row of due) {
    const outcome = await deliverOne(deps, row);
    if (outcome) report[outcome] += 1;
  }
  return report;
}

async function deliverOne(
  deps: WorkerDeps,
  seen: { id: string; status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED'; attempts: number },
): Promise<keyof WebhookReport | null> {
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
    const secret = decryptSecret(config.dataEncryption, endpoint.secretEncrypted, secretContext(endpoint.id)).plaintext;
    const headers = signWebhook(secret, row.eventId, clock.now(), row.payload);
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

/** Counts a failed attempt against the endpoint; at the threshold, disables it (once) and audits. */
async function countFailure(deps: WorkerDeps, endpointId: string, now: Date): Promise<void> {
  const { prisma, config } = deps;
  const endpoint = await prisma.webhookEndpoint.update({ where: { id: endpointId }, data: { consecutiveFailures: { increment: 1 } } });
  if (endpoint.consecutiveFailures < config.webhooks.disableAfterFailures) return;
  const reason = `${endpoint.consecutiveFailures} failed attempts in a row`;
  const { count } = await prisma.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: reason },
  });
  if (count !== 1) return; // already disabled (by another worker or an admin)
  await recordAudit(prisma, { type: 'webhook.endpoint_disabled', metadata: { endpointId, url: endpoint.url, reason } }, now);
  deps.logger.error({ endpointId, reason }, 'webhook endpoint disabled');
}

export interface WebhookWorker {
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** Runs deliverPendingWebhooks every WEBHOOK_SEND_INTERVAL_MS until stopped. */
export function startWebhookWorker(deps: WorkerDeps): WebhookWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = deliverPendingWebhooks(deps)
      .then(() => undefined)
      .catch((error: unknown) => deps.logger.error({ err: error }, 'webhook pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, deps.config.webhooks.sendIntervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
