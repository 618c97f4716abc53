// A Gatehouse webhook receiver with node:http and the standardwebhooks package: verify the raw
// body before parsing it, answer 2xx at once, drop an event id seen before (delivery is at least
// once), and do the work after answering. In production keep the seen ids in your database (a
// unique key on the event id), not in memory.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface GatehouseEvent {
  id: string;
  type: string;
  version: number;
  timestamp: string;
  data: Record<string, unknown>;
}

/** `secret` is the endpoint's `whsec_...`, shown once by createWebhookEndpoint / rotateWebhookSecret. */
export function webhookReceiver(secret: string, onEvent: (event: GatehouseEvent) => void): Server {
  const webhook = new Webhook(secret);
  const seen = new Set<string>();
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let event: GatehouseEvent;
      try {
        // Throws on a wrong signature or a timestamp more than 5 minutes off.
        event = webhook.verify(Buffer.concat(chunks).toString('utf8'), headersOf(req.headers)) as GatehouseEvent;
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(204).end();
      if (seen.has(event.id)) return; // a retry or a redelivery of an event already handled
      seen.add(event.id);
      onEvent(event);
    });
  });
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}
