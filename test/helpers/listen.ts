/**
 * The app on a real loopback port, for clients that need a URL (jose's remote JWKS, browsers).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../src/server/app.js';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(app: App): Promise<Listening> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
