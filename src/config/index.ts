/**
 * The only module that reads process.env. It validates once and returns a frozen Config;
 * everything else receives the Config it needs.
 */
import { DEV_JWT_SECRET, envSchema } from './env-schema.js';
import { providerOf, type Provider } from '../db/provider.js';

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  host: string;
  port: number;
  logLevel: string;
  database: {
    url: string;
    provider: Provider;
    migrateOnStart: boolean;
    poolSize: number;
    connectTimeoutMs: number;
    sqliteBusyTimeoutMs: number;
  };
  jwt: { secret: string; issuer: string; audience: string };
  tokens: { accessTtlSeconds: number; refreshTtlSeconds: number; refreshGraceSeconds: number };
  passwords: {
    argon2: { memoryKib: number; iterations: number; parallelism: number };
    policy: {
      rules: ('similarity' | 'min_length' | 'common' | 'numeric')[];
      minLength: number;
      maxLength: number;
      maxSimilarity: number;
    };
  };
  graphiql: boolean;
  /** Inputs of the management commands; never used by the server. */
  cli: { password: string | undefined; defaultAdminEmail: string | undefined; defaultAdminPassword: string | undefined };
}

/** Thrown for a configuration that must stop the server; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const MIN_PRODUCTION_SECRET_LENGTH = 32;

/**
 * Validates `env` (default: process.env) and builds the Config.
 * @throws ConfigError with a one-line reason naming the variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`invalid configuration: ${name} ${issue.message}${name in env ? ` (got ${JSON.stringify(env[name])})` : ''}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const secret = e.JWT_SECRET ?? (isProduction ? undefined : DEV_JWT_SECRET);
  if (!secret) throw new ConfigError('invalid configuration: JWT_SECRET is required when NODE_ENV=production');
  if (isProduction && (secret.length < MIN_PRODUCTION_SECRET_LENGTH || secret === DEV_JWT_SECRET || new Set(secret).size < 10)) {
    throw new ConfigError(
      `invalid configuration: JWT_SECRET is too weak for production (use at least ${MIN_PRODUCTION_SECRET_LENGTH} random characters, e.g. openssl rand -base64 48)`,
    );
  }
  const provider = providerOf(e.DATABASE_URL);
  return deepFreeze({
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database: {
      url: e.DATABASE_URL,
      provider,
      migrateOnStart: e.MIGRATE_ON_START ?? provider === 'sqlite',
      poolSize: e.DATABASE_POOL_SIZE,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    },
    jwt: { secret, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    tokens: {
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      refreshGraceSeconds: e.REFRESH_GRACE_SECONDS,
    },
    passwords: {
      argon2: { memoryKib: e.PASSWORD_HASH_MEMORY_KIB, iterations: e.PASSWORD_HASH_ITERATIONS, parallelism: e.PASSWORD_HASH_PARALLELISM },
      policy: {
        rules: e.PASSWORD_VALIDATORS,
        minLength: e.PASSWORD_MIN_LENGTH,
        maxLength: e.PASSWORD_MAX_LENGTH,
        maxSimilarity: e.PASSWORD_MAX_SIMILARITY,
      },
    },
    graphiql: e.GRAPHIQL ?? !isProduction,
    cli: { password: e.GATEHOUSE_PASSWORD, defaultAdminEmail: e.DEFAULT_ADMIN_EMAIL, defaultAdminPassword: e.DEFAULT_ADMIN_PASSWORD },
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
