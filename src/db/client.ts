/**
 * The Prisma client for a DATABASE_URL, through the driver adapter its scheme names.
 *
 * Two clients are generated from one schema (they are bound to their provider); the SQLite one's
 * type is the application's type, and the PostgreSQL one is converted to it here, the only place
 * that knows there are two.
 */
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.js';
import { PrismaClient } from '../generated/sqlite/client.js';
import { createAdapterFactory } from './adapter.js';
import { serializedSqlite } from './sqlite-serial-adapter.js';
import { keptStatements } from './sqlite-statement-cache.js';
import { trackTransactionEnds } from './after-transaction.js';
import { bindDriver, listenedFactory, rememberingFactory, type StatementListener } from './driver.js';
import type { Config } from '../config/index.js';

export type { PrismaClient };
export type Database = PrismaClient;

/** Opens the database of `config`; for SQLite it also switches the file to WAL. */
export async function openDatabase(
  database: Config['database'],
  events: { onPoolError?: (error: Error) => void; /** Every statement sent to the database (e.g. to count them). */ onStatement?: StatementListener } = {},
): Promise<PrismaClient> {
  const driver = createAdapterFactory(database.url, {
    onPoolError: events.onPoolError,
    poolSize: database.poolSize,
    connectTimeoutMs: database.connectTimeoutMs,
    preparedStatements: database.preparedStatements,
    sqliteBusyTimeoutMs: database.sqliteBusyTimeoutMs,
  });
  const listened = events.onStatement ? listenedFactory(driver, events.onStatement) : driver;
  if (database.provider === 'postgresql') {
    const { factory, slot } = rememberingFactory(listened);
    const prisma = trackTransactionEnds(new PostgresClient({ adapter: factory }) as unknown as PrismaClient);
    bindDriver(prisma, slot);
    return prisma;
  }
  // One connection: keep other requests' queries out of an open transaction (see sqlite-serial-adapter.ts).
  // Prepared statements kept by their SQL rather than prepared on every query (sqlite-statement-cache.ts).
  const { factory, slot } = rememberingFactory(serializedSqlite(keptStatements(listened)));
  const prisma = trackTransactionEnds(new PrismaClient({ adapter: factory }));
  // Hand-written hot statements (driver.ts) go through the same serialized connection.
  bindDriver(prisma, slot);
  // WAL lets readers run beside the writer; NORMAL sync is durable in WAL mode except on power loss.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return prisma;
}
