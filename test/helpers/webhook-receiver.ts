/**
 * A real HTTP receiver for webhook tests on 127.0.0.1: records every request and answers as told
 * (200, 500 or a redirect). It can be stopped and started again on the same port.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** `hang`: never answers (for the per-attempt timeout). */
export type ReceiverMode = { kind: 'ok' } | { kind: 'fail' } | { kind: 'hang' } | { kind: 'redirect'; location: string };

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  mode: ReceiverMode;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let server: Server | undefined;
  let port = 0;
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    mode: { kind: 'ok' },
    async start() {
      const current = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          receiver.received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          const mode = receiver.mode;
          if (mode.kind === 'hang') return;
          if (mode.kind === 'redirect') res.writeHead(307, { location: mode.location }).end();
          else res.writeHead(mode.kind === 'ok' ? 200 : 500).end();
        });
      });
      await new Promise<void>((resolve) => current.listen(port, '127.0.0.1', resolve));
      server = current;
      port = (current.address() as AddressInfo).port;
      receiver.url = `http://127.0.0.1:${port}/hook`;
    },
    async stop() {
      const current = server;
      server = undefined;
      if (!current) return;
      current.closeAllConnections();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
  await receiver.start();
  return receiver;
}
