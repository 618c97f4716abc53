import { AuthCache } from './auth/cache/auth-cache.js';
import { listenForAuthChanges, type AuthChangesListener } from './auth/cache/listener.js';
import { createPasswordHasher } from './auth/passwords/hasher.js';
import { createAccessTokenService } from './auth/tokens/access-token.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, type Config } from './config/index.js';
import { openMigratedDatabase } from './db/migrate/open-migrated.js';
import { seedOnStart } from './auth/permissions/seed.js';
import { createLogger, type Logger } from './logger.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { createTranslator, type Translator } from './i18n/translator.js';
import { createRateLimits } from './security/rate-limits.js';
import type { Deps } from './deps.js';

/** Each cache's PostgreSQL listener, closed with the deps (kept out of Deps: nothing else uses it). */
const listeners = new WeakMap<AuthCache, AuthChangesListener>();

export interface DepsOverrides {
  clock?: Clock;
  logger?: Logger;
  mailer?: Mailer;
  /** Management commands: refuse a database with pending migrations MIGRATE_ON_START does not apply, instead of failing on a missing table. */
  refusePendingMigrations?: boolean;
}

/** The database lacks migrations and MIGRATE_ON_START is off: say what to run. */
export class PendingMigrationsError extends Error {
  override name = 'PendingMigrationsError';
  constructor() {
    super('the database has pending migrations: run `npm run gatehouse -- migrate` first (or set MIGRATE_ON_START=true)');
  }
}

/** Builds every dependency from the config; applies pending migrations first when configured to. */
export async function createDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  // Before the database: an unknown key in MAIL_TEMPLATES_DIR stops start-up with one line.
  const translator = translatorOf(config);
  const { prisma, pending } = await openMigratedDatabase(config.database, logger, {
    // Idle pooled connections die when PostgreSQL restarts; the pool replaces them. Log, never crash.
    onPoolError: (error) => logger.warn({ err: error }, 'database connection lost; it will be reopened on demand'),
  });
  if (pending && overrides.refusePendingMigrations) {
    await prisma.$disconnect();
    throw new PendingMigrationsError();
  }
  await seedOnStart(prisma, logger);
  const authCache = new AuthCache(config.authCache);
  // Other instances' revocations arrive by NOTIFY; SQLite is one instance by design.
  if (config.database.provider === 'postgresql' && config.authCache.maxAgeSeconds > 0) {
    listeners.set(authCache, await listenForAuthChanges(config.database.url, authCache, logger));
  }
  return {
    config,
    prisma,
    logger,
    clock: overrides.clock ?? systemClock,
    accessTokens: createAccessTokenService(config),
    passwords: createPasswordHasher(config.passwords.argon2, logger),
    mailer: overrides.mailer ?? createMailer(config.mail, logger),
    rateLimits: createRateLimits({ config, prisma }),
    authCache,
    translator,
  };
}

function translatorOf(config: Config): Translator {
  try {
    return createTranslator(config.i18n.overrides);
  } catch (error) {
    throw new ConfigError(`invalid configuration: ${(error as Error).message}`, { cause: error });
  }
}

/** Releases what createDeps opened. */
export async function closeDeps(deps: Deps): Promise<void> {
  deps.mailer.close();
  await listeners.get(deps.authCache)?.close();
  await deps.prisma.$disconnect();
}
