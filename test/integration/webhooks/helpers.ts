/** Shared steps of the webhook tests: an endpoint created through the admin API, and verification. */
import { Webhook } from 'standardwebhooks';
import { expect } from 'vitest';
import type { TestApp } from '../../helpers/test-app.js';
import type { ReceivedWebhook } from '../../helpers/webhook-receiver.js';

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
