/**
 * Hears the changes other PostgreSQL instances announce (./invalidate.ts) on a connection of its
 * own, outside the pool. Notifications sent while it is not listening are lost, so until it
 * listens (at start, and after a lost connection) the cache stores nothing, and on every
 * (re)connection it drops everything; SESSION_CACHE_SECONDS bounds any entry's age regardless.
 */
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { Logger } from '../../logger.js';
import type { AuthCache } from './auth-cache.js';
import { AUTH_CHANGES_CHANNEL, decodeChange } from './invalidate.js';

export interface AuthChangesListener {
  close(): Promise<void>;
}

/** How long to wait before connecting again after the connection is lost. */
const RECONNECT_DELAY_MS = 1000;

/** Starts listening; resolves once the first attempt to connect has succeeded or failed. */
export async function listenForAuthChanges(databaseUrl: string, cache: AuthCache, logger: Logger): Promise<AuthChangesListener> {
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  // Nothing is cached until the first LISTEN is in place.
  let release: (() => void) | null = cache.hold();

  const lost = (error?: Error) => {
    if (closed || !client) return;
    if (error) logger.warn({ err: error }, 'auth-cache listener lost its connection; caching paused until it reconnects');
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    client = null;
    release ??= cache.hold();
    cache.apply({ everything: true });
    timer = setTimeout(() => void connect(), RECONNECT_DELAY_MS);
  };

  const connect = async (): Promise<void> => {
    timer = null;
    if (closed) return;
    const attempt = new pg.Client(parseIntoClientConfig(databaseUrl));
    client = attempt;
    attempt.on('notification', (message) => {
      if (message.channel === AUTH_CHANGES_CHANNEL) cache.apply(decodeChange(message.payload));
    });
    attempt.on('error', (error) => lost(error));
    attempt.on('end', () => lost(new Error('connection ended')));
    try {
      await attempt.connect();
      await attempt.query(`LISTEN ${AUTH_CHANGES_CHANNEL}`);
      if (closed) return;
      // Whatever was announced before LISTEN took effect is unknown: start from nothing.
      cache.apply({ everything: true });
      release?.();
      release = null;
    } catch (error) {
      if (client === attempt) lost(error as Error);
    }
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const open = client;
      client = null;
      open?.removeAllListeners();
      open?.on('error', () => undefined);
      await open?.end().catch(() => undefined);
    },
  };
}
