/**
 * Entry point: config -> dependencies -> listen -> graceful shutdown.
 */
import './runtime-flags.js';
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from '../config/index.js';
import { exposureWarnings } from '../config/exposure.js';
import { startPurgeJob } from '../jobs/purge.js';
import { createApp } from './app.js';
import { closeDeps, createDeps } from '../create-deps.js';
import { trackConnections } from './graceful-close.js';
import { startOutboxSender } from '../mail/sender.js';
import { startWebhookWorker } from '../webhooks/worker.js';

/** How long shutdown waits for in-flight requests before closing anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** Longest time a client may take to send one request. */
const REQUEST_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const deps = await createDeps(config);
  const { logger } = deps;
  const app = createApp(deps);
  const server = createServer(app);
  const connections = trackConnections(server);
  server.keepAliveTimeout = 5_000;
  // A whole request (headers and body) must arrive within this time: bounds slow uploads (slowloris).
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;

  // Development defaults on an address other machines can reach: said once, loudly, not refused.
  for (const warning of exposureWarnings(config)) logger.warn({ host: config.host, env: config.env }, warning);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ url: `http://${config.host}:${port}/graphql`, database: config.database.provider }, 'Gatehouse is listening');
  const outbox = startOutboxSender(deps);
  const webhooks = startWebhookWorker(deps);
  const purge = startPurgeJob(deps);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing connections');
      connections.destroyAll();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    void connections
      .close({
        onStopAccepting: (counts) => logger.info({ signal, ...counts }, 'shutting down: finishing in-flight requests'),
      })
      .then(async () => {
        await outbox.stop();
        await webhooks.stop();
        await purge.stop();
        await closeDeps(deps);
        logger.info('stopped');
        // A pipe that is full makes pino queue the last lines; exit only once they are written.
        logger.flush(() => process.exit(0));
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // One clear line for a configuration problem; the full error for anything else.
  if (error instanceof ConfigError) console.error(`gatehouse: ${error.message}`);
  else console.error('gatehouse: failed to start:', error);
  process.exit(1);
});
