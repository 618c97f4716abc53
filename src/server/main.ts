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
import { createLogger, exitAfterLogs, type Logger } from '../logger.js';
import { trackConnections } from './graceful-close.js';
import { startOutboxSender } from '../mail/sender.js';
import { startWebhookWorker } from '../webhooks/worker.js';

/** How long shutdown waits for in-flight requests before closing anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * After the grace, how long stopping the background jobs and closing the database may take before
 * the process exits regardless (code 1): 20 s in all from the signal, within the 30 s Kubernetes
 * waits before SIGKILL, and enough for a job's pass stuck on one email at the default SMTP timeout.
 */
const SHUTDOWN_MARGIN_MS = 10_000;
/** Longest time a client may take to send one request. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Made before anything can fail after the configuration: a failed start, too, exits once its lines are done. */
let startedLogging: Logger | undefined;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  startedLogging = logger;
  const deps = await createDeps(config, { logger });
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
  const outbox = startOutboxSender(deps);
  const webhooks = startWebhookWorker(deps);
  const purge = startPurgeJob(deps);

  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    // Not process.exit at once: pino's exit flush retries a failed write (a closed or full pipe) forever.
    exitAfterLogs(logger, code);
  };
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing connections');
      connections.destroyAll();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // Whatever else hangs (a job's pass, the database): a process told to stop must not run on.
    const deadline = setTimeout(() => {
      if (exiting) return;
      logger.error({ signal }, `shutdown did not finish within ${(SHUTDOWN_GRACE_MS + SHUTDOWN_MARGIN_MS) / 1000} s; exiting`);
      exit(1);
    }, SHUTDOWN_GRACE_MS + SHUTDOWN_MARGIN_MS);
    deadline.unref();
    connections
      .close({
        onStopAccepting: (counts) => logger.info({ signal, ...counts }, 'shutting down: finishing in-flight requests'),
      })
      .then(async () => {
        // Closed in time: no warning that they were not, should a job keep the process up past it.
        clearTimeout(force);
        await outbox.stop();
        await webhooks.stop();
        await purge.stop();
        await closeDeps(deps);
        logger.info('stopped');
        exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Only now: a supervisor may act on this line at once, and a SIGTERM before the handlers above
  // would have killed the process by its default action, not stopped it.
  logger.info({ url: `http://${config.host}:${port}/graphql`, database: config.database.provider }, 'Gatehouse is listening');
}

main().catch((error: unknown) => {
  // One clear line for a configuration problem; the full error for anything else.
  if (error instanceof ConfigError) console.error(`gatehouse: ${error.message}`);
  else console.error('gatehouse: failed to start:', error);
  // As a stopping server does (see exit in main): lines logged before the failure (warnings, the
  // migrations applied) may still be waiting to be written, into a pipe nobody reads any more.
  exitAfterLogs(startedLogging, 1);
});
