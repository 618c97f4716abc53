/** Shared steps of the webhook tests: an endpoint created through the admin API, and verification. */
import { Webhook } from 'standardwebhooks';
import { expect } from 'vitest';
import { deliverPendingWebhooks } from '../../../src/webhooks/worker.js';
import type { TestApp } from '../../helpers/test-app.js';
import type { ReceivedWebhook, WebhookReceiver } from '../../helpers/webhook-receiver.js';

export const CREATE_ENDPOINT = `mutation ($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes enabled } }
}`;

export interface CreatedEndpoint {
  id: string;
  secret: string;
}

export async function createEndpoint(t: TestApp, token: string, url: string, eventTypes: string[]): Promise<CreatedEndpoint> {
  const result = await t.graphql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
    CREATE_ENDPOINT,
    { input: { url, eventTypes } },
    { token },
  );
  expect(result.errors).toBeUndefined();
  return { id: result.data!.createWebhookEndpoint.endpoint.id, secret: result.data!.createWebhookEndpoint.secret };
}

export interface VerifiedEvent {
  id: string;
  type: string;
  version: number;
  timestamp: string;
  data: Record<string, unknown>;
}

/** Verifies the request with the standardwebhooks package (throws on a bad signature) and returns the event. */
export function verified(secret: string, request: ReceivedWebhook): VerifiedEvent {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
  return new Webhook(secret).verify(request.body, headers) as VerifiedEvent;
}

/**
 * Delivers what is due and returns the events received since, each verified under `secret`, in
 * the order they were queued (rows of one transaction share a due time, so the worker's order
 * among them is free; ties are broken by type).
 */
export function deliveredEvents(t: TestApp, receiver: WebhookReceiver, secret: string): () => Promise<VerifiedEvent[]> {
  return async () => {
    const before = receiver.received.length;
    await deliverPendingWebhooks(t.deps);
    const events = receiver.received.slice(before).map((request) => verified(secret, request));
    const queued = await t.deps.prisma.webhookDelivery.findMany({ orderBy: { createdAt: 'asc' }, select: { eventId: true } });
    const order = new Map(queued.map((row, i) => [row.eventId, i]));
    return events.sort((a, b) => order.get(a.id)! - order.get(b.id)! || a.type.localeCompare(b.type));
  };
}
