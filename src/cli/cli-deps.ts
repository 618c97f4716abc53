/** Dependencies for a management command: the server's, with quiet logs, closed afterwards. */
import { loadConfig } from '../config/index.js';
import { createLogger, endLogging, type Logger } from '../logger.js';
import { closeDeps, createDeps } from '../create-deps.js';
import type { Deps } from '../deps.js';

/** The commands' logger (warnings and errors only), made on first use: the CLI's exit waits for it. */
let logger: Logger | undefined;

export async function withDeps<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  logger ??= createLogger('warn');
  const deps = await createDeps(config, { logger, refusePendingMigrations: true });
  try {
    return await work(deps);
  } finally {
    await closeDeps(deps);
  }
}

/** Calls `done` once the commands' log lines are written or cannot be (endLogging; at once when nothing was logged). */
export function afterLogs(timeoutMs: number, done: () => void): void {
  if (logger) endLogging(logger, timeoutMs, done);
  else done();
}
