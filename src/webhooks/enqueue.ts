/**
 * Queuing a webhook event: one WebhookDelivery row per enabled endpoint subscribed to its type,
 * written with the caller's transaction (like mail/outbox.ts), so an event exists if and only if
 * the change it reports committed. The worker (worker.ts) delivers the rows.
 */
import type { PrismaClient } from '../db/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { eventUserId, webhookEvent, type WebhookEventData, type WebhookEventType } from './events.js';

type Db = Pick<PrismaClient, 'webhookEndpoint' | 'webhookDelivery'>;

/** The ids of the enabled endpoints subscribed to `type` (event types are a JSON list per endpoint). */
async function subscribers(db: Pick<PrismaClient, 'webhookEndpoint'>, type: WebhookEventType): Promise<string[]> {
  // Few endpoints and a JSON text column on both providers: filtered here, not in SQL.
  const endpoints = await db.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, eventTypes: true } });
  return endpoints.filter((endpoint) => (JSON.parse(endpoint.eventTypes) as string[]).includes(type)).map((endpoint) => endpoint.id);
}

function rows<T extends WebhookEventType>(endpointIds: string[], type: T, data: WebhookEventData[T], now: Date) {
  const event = webhookEvent(type, data, now);
  const payload = JSON.stringify(event);
  const userId = eventUserId(event.data);
  return endpointIds.map((endpointId) => ({ endpointId, eventId: event.id, eventType: type, payload, userId, nextAttemptAt: now, createdAt: now }));
}

/** Queues `type` inside the caller's interactive transaction (or on its own when `db` is the client). */
export async function enqueueWebhook<T extends WebhookEventType>(db: Db, type: T, data: WebhookEventData[T], now: Date): Promise<void> {
  const endpointIds = await subscribers(db, type);
  if (endpointIds.length) await db.webhookDelivery.createMany({ data: rows(endpointIds, type, data, now) });
}

/**
 * For callers that write a batch (`$transaction([...])`): reads the subscribers now and returns the
 * write to add to the batch. An endpoint created between the read and the batch misses this event,
 * as it would had it been created a moment later.
 */
export async function webhookBatchWrites<T extends WebhookEventType>(
  db: Db,
  type: T,
  data: WebhookEventData[T],
  now: Date,
): Promise<Prisma.PrismaPromise<unknown>[]> {
  const endpointIds = await subscribers(db, type);
  return endpointIds.length ? [db.webhookDelivery.createMany({ data: rows(endpointIds, type, data, now) })] : [];
}
