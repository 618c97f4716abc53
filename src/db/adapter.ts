import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { providerOf } from '../config/provider.js';
import { preparedStatementName } from './driver.js';

export interface AdapterOptions {
  /** SQLite: how long a writer waits for the lock before failing. @default 5000 */
  sqliteBusyTimeoutMs?: number;
  /** PostgreSQL: connections in this instance's pool. @default 10 */
  poolSize?: number;
  /** PostgreSQL: how long to wait for a connection before failing fast. @default 5000 */
  connectTimeoutMs?: number;
  /** PostgreSQL: prepare the statements `prepared` marks (driver.ts) once per connection, by name. @default true */
  preparedStatements?: boolean;
  /** PostgreSQL: told of errors on idle pooled connections (e.g. the server restarted). */
  onPoolError?: (error: Error) => void;
}

/** The driver adapter for a `DATABASE_URL`; SQLite's folder is created if missing. */
export function createAdapterFactory(databaseUrl: string, options: AdapterOptions = {}): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(databaseUrl) === 'sqlite') {
    const path = databaseUrl.replace(/^file:/, '');
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return new PrismaBetterSqlite3({ url: path, timeout: options.sqliteBusyTimeoutMs ?? 5000 });
  }
  // Parsed rather than passed as connectionString: adapter-pg opens migration shadow databases by
  // overriding `database`, which a connectionString would silently win over.
  return new PrismaPg(
    {
      ...parseIntoClientConfig(databaseUrl),
      max: options.poolSize ?? 10,
      // Bounded, so requests fail fast with SERVICE_UNAVAILABLE while the database is unreachable.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    },
    {
      onPoolError: options.onPoolError,
      onConnectionError: options.onPoolError,
      // The few hand-written hot statements are prepared once per connection (driver.ts `prepared`);
      // every other statement gets '', which pg takes as no name (it tests the name for truth).
      ...(options.preparedStatements === false ? {} : { statementNameGenerator: (query: { sql: string }) => preparedStatementName(query) ?? '' }),
    },
  );
}
