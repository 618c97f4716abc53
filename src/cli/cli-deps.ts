/** Dependencies for a management command: the server's, with quiet logs, closed afterwards. */
import { loadConfig } from '../config/index.js';
import { createLogger, type Logger } from '../logger.js';
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

/** The commands' logger, if a command made one: what the CLI's exit waits for. */
export function commandLogger(): Logger | undefined {
  return logger;
}
