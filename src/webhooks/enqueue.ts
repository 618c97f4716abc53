/**
 * Queuing a webhook event: one WebhookDelivery row per enabled endpoint subscribed to its type,
 * written with the caller's transaction (like mail/outbox.ts), so an event exists if and only if
 * the change it reports committed. The worker (worker.ts) delivers the rows.
 */
import type { PrismaClient } from '../db/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { eventUserId, webhookEvent, type WebhookEventData, type WebhookEventType } from './events.js';

type Db = Pick<PrismaClient, 'webhookEndpoint' | 'webhookDelivery'>;

/**
 * What enqueueing may ask first: the event types any enabled endpoint subscribes to, held for a
 * while (the AuthCache, ../auth/cache/auth-cache.ts, dropped by every endpoint write on this
 * instance and by NOTIFY on the others).
 */
export interface SubscribedTypesCache {
  webhookEventTypes(load: () => Promise<ReadonlySet<string>>): Promise<ReadonlySet<string>>;
}

interface EnabledEndpoint {
  id: string;
  /** The subscribed event types, parsed. */
  types: string[];
}

async function enabledEndpoints(db: Pick<PrismaClient, 'webhookEndpoint'>): Promise<EnabledEndpoint[]> {
  // Few endpoints and a JSON text column on both providers: filtered here, not in SQL.
  const endpoints = await db.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, eventTypes: true } });
  return endpoints.map((endpoint) => ({ id: endpoint.id, types: JSON.parse(endpoint.eventTypes) as string[] }));
}

/**
 * The ids of the enabled endpoints subscribed to `type` (event types are a JSON list per endpoint).
 * With `cache`, a type nobody subscribes to costs no statement (the common case: a sign-in on a
 * server without webhooks). The cache may only ever answer "nobody": a type it lists is read
 * afresh, so an outdated entry can make an endpoint created or subscribed moments ago miss an
 * event (as one created between this read and the caller's commit does anyway), but never queue
 * a delivery for a deleted endpoint (a foreign-key failure) or a disabled one.
 */
async function subscribers(db: Pick<PrismaClient, 'webhookEndpoint'>, type: WebhookEventType, cache?: SubscribedTypesCache): Promise<string[]> {
  let loaded: EnabledEndpoint[] | undefined;
  if (cache) {
    const types = await cache.webhookEventTypes(async () => new Set((loaded = await enabledEndpoints(db)).flatMap((endpoint) => endpoint.types)));
    if (!types.has(type)) return [];
  }
  const endpoints = loaded ?? (await enabledEndpoints(db));
  return endpoints.filter((endpoint) => endpoint.types.includes(type)).map((endpoint) => endpoint.id);
}

function rows<T extends WebhookEventType>(endpointIds: string[], type: T, data: WebhookEventData[T], now: Date) {
  const event = webhookEvent(type, data, now);
  const payload = JSON.stringify(event);
  const userId = eventUserId(event.data);
  return endpointIds.map((endpointId) => ({ endpointId, eventId: event.id, eventType: type, payload, userId, nextAttemptAt: now, createdAt: now }));
}

/**
 * Queues `type` inside the caller's interactive transaction (or on its own when `db` is the client).
 * @param cache the deps' authCache, on paths where the lookup per event is worth sparing (see subscribers)
 */
export async function enqueueWebhook<T extends WebhookEventType>(
  db: Db,
  type: T,
  data: WebhookEventData[T],
  now: Date,
  cache?: SubscribedTypesCache,
): Promise<void> {
  const endpointIds = await subscribers(db, type, cache);
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
  cache?: SubscribedTypesCache,
): Promise<Prisma.PrismaPromise<unknown>[]> {
  const endpointIds = await subscribers(db, type, cache);
  return endpointIds.length ? [db.webhookDelivery.createMany({ data: rows(endpointIds, type, data, now) })] : [];
}

/**
 * Whether any enabled endpoint subscribes to `type`, for callers that write the common case (no
 * subscriber) their own way and fall back to enqueueWebhook otherwise.
 */
export async function hasSubscribers(db: Pick<PrismaClient, 'webhookEndpoint'>, type: WebhookEventType, cache?: SubscribedTypesCache): Promise<boolean> {
  return (await subscribers(db, type, cache)).length > 0;
}
