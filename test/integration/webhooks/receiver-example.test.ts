/**
 * The receiver docs/webhooks.md shows (examples/webhook-receiver.ts, quoted verbatim there) run
 * against Gatehouse: an event arrives verified, a redelivery of it is dropped as a duplicate, and
 * a forged request is refused. If the example drifts from what Gatehouse sends, this fails.
 */
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { webhookReceiver, type GatehouseEvent } from '../../../examples/webhook-receiver.js';
import { deliverPendingWebhooks } from '../../../src/webhooks/worker.js';
import { registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createEndpoint } from './helpers.js';

describe('examples/webhook-receiver.ts against Gatehouse', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    token = (await signedInUser(t.deps, { isSuperuser: true })).accessToken;
  });

  it('verifies an event, drops its redelivery, refuses a forgery', async () => {
    const handled: GatehouseEvent[] = [];
    // The receiver needs the secret, the endpoint needs the receiver's port: created first, pointed after.
    const endpoint = await createEndpoint(t, token, 'http://127.0.0.1:9/not-yet', ['user.created']);
    const server = webhookReceiver(endpoint.secret, (event) => handled.push(event));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gatehouse`;
      const pointed = await t.graphql(
        'mutation ($id: ID!, $url: String!) { updateWebhookEndpoint(id: $id, input: { url: $url }) { id } }',
        { id: endpoint.id, url },
        { token },
      );
      expect(pointed.errors).toBeUndefined();
      const email = uniqueEmail('example');
      await registerUser(t, email);
      expect(await deliverPendingWebhooks(t.deps)).toMatchObject({ sent: 1 });
      expect(handled).toEqual([expect.objectContaining({ type: 'user.created', data: expect.objectContaining({ user: expect.objectContaining({ email }) }) })]);

      const delivery = await t.deps.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      const redelivered = await t.graphql('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }', { id: delivery.id }, { token });
      expect(redelivered.errors).toBeUndefined();
      expect(await deliverPendingWebhooks(t.deps)).toMatchObject({ sent: 1 }); // answered 2xx...
      expect(handled).toHaveLength(1); // ...but handled once

      const forged = await fetch(url, {
        method: 'POST',
        headers: { 'webhook-id': 'evt_forged', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' },
        body: '{"id":"evt_forged","type":"user.deleted","version":1,"timestamp":"","data":{}}',
      });
      expect(forged.status).toBe(400);
      expect(handled).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
