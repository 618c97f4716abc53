import { createPasswordHasher } from '../auth/passwords/hasher.js';
import { createAccessTokenService } from '../auth/tokens/access-token.js';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config/index.js';
import { openDatabase } from '../db/client.js';
import { applyPendingMigrations } from '../db/migrate/migrations.js';
import { seedOnStart } from '../auth/permissions/seed.js';
import { createLogger, type Logger } from '../logger.js';
import type { Deps } from './deps.js';

export interface DepsOverrides {
  clock?: Clock;
  logger?: Logger;
}

/** Builds every dependency from the config; applies pending migrations first when configured to. */
export async function createDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  if (config.database.migrateOnStart) {
    const applied = await applyPendingMigrations(config.database.url);
    if (applied.length) logger.info({ migrations: applied }, 'applied pending migrations');
  }
  const prisma = await openDatabase(config.database);
  await seedOnStart(prisma, logger);
  return {
    config,
    prisma,
    logger,
    clock: overrides.clock ?? systemClock,
    accessTokens: createAccessTokenService(config),
    passwords: createPasswordHasher(config.passwords.argon2),
  };
}

/** Releases what createDeps opened. */
export async function closeDeps(deps: Deps): Promise<void> {
  await deps.prisma.$disconnect();
}
