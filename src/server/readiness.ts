import { accessSync, constants } from 'node:fs';
import type { Deps } from '../deps.js';

export type Readiness = { status: 'ready' } | { status: 'unavailable'; reason: string };

/** How long /readyz waits for the database before answering 503. */
const READINESS_TIMEOUT_MS = 2000;

/** Ready when the database answers a trivial query in time (and, for SQLite, its file is still there). */
export async function checkReadiness(deps: Pick<Deps, 'prisma' | 'config'>): Promise<Readiness> {
  const { database } = deps.config;
  if (database.provider === 'sqlite') {
    const path = database.url.replace(/^file:/, '');
    try {
      // An open SQLite handle keeps answering after its file is deleted or moved away; the file is the database.
      if (path !== ':memory:') accessSync(path, constants.R_OK | constants.W_OK);
    } catch {
      return { status: 'unavailable', reason: 'database file is missing or not writable' };
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READINESS_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([deps.prisma.$queryRawUnsafe('SELECT 1').then(() => 'ok' as const), timeout]);
    return outcome === 'ok' ? { status: 'ready' } : { status: 'unavailable', reason: 'database did not answer in time' };
  } catch {
    return { status: 'unavailable', reason: 'database unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
