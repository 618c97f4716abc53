/** Dependencies for a management command: the server's, with quiet logs, closed afterwards. */
import { loadConfig } from '../config/index.js';
import { createLogger } from '../logger.js';
import { closeDeps, createDeps } from '../create-deps.js';
import type { Deps } from '../deps.js';

export async function withDeps<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const deps = await createDeps(config, { logger: createLogger('warn'), refusePendingMigrations: true });
  try {
    return await work(deps);
  } finally {
    await closeDeps(deps);
  }
}
