/**
 * Opening the database for the server and the management commands alike: pending migrations are
 * applied first when MIGRATE_ON_START says so (the default on SQLite), so no command ever meets a
 * database without its tables. The schema engine (a large WebAssembly module) is loaded only when
 * a migration is pending; the client steps aside meanwhile, as SQLite's migration needs the file
 * to itself.
 */
import type { Config } from '../../config/index.js';
import type { Logger } from '../../logger.js';
import { openDatabase, type PrismaClient } from '../client.js';
import { applyPendingMigrations, hasPendingMigrations } from './migrations.js';

export async function openMigratedDatabase(
  database: Config['database'],
  logger: Logger,
  events: Parameters<typeof openDatabase>[1] = {},
): Promise<{ prisma: PrismaClient; pending: boolean }> {
  let prisma = await openDatabase(database, events);
  const pending = await hasPendingMigrations(prisma, database.provider);
  if (!pending || !database.migrateOnStart) return { prisma, pending };
  await prisma.$disconnect();
  const applied = await applyPendingMigrations(database.url);
  if (applied.length) logger.info({ migrations: applied }, 'applied pending migrations');
  prisma = await openDatabase(database, events);
  return { prisma, pending: false };
}
