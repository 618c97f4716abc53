/**
 * Every environment variable Gatehouse reads, with its default. The README's configuration table
 * mirrors this file; keep them in step.
 */
import { z } from 'zod';

const bool = z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off', ''] });
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z.string().transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

/** A development-only signing secret: start-up refuses it in production. */
export const DEV_JWT_SECRET = 'gatehouse-development-secret-do-not-use-in-production';

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // Database
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)')
    .default('file:./data/gatehouse.db'),
  /** Apply pending migrations at start-up. Default: on for SQLite, off for PostgreSQL. */
  MIGRATE_ON_START: bool.optional(),
  DATABASE_POOL_SIZE: int(1, 1000).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: int(100, 600_000).default(5000),
  SQLITE_BUSY_TIMEOUT_MS: int(0, 600_000).default(5000),

  // Tokens and sessions
  JWT_SECRET: z.string().optional(),
  JWT_ISSUER: z.string().min(1).default('gatehouse'),
  JWT_AUDIENCE: z.string().min(1).default('gatehouse'),
  ACCESS_TOKEN_TTL_SECONDS: int(30, 86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: int(60, 31_536_000).default(2_592_000),
  REFRESH_GRACE_SECONDS: int(0, 300).default(10),

  // Passwords (OWASP's argon2id parameters by default)
  PASSWORD_HASH_MEMORY_KIB: int(1024, 4_194_304).default(19_456),
  PASSWORD_HASH_ITERATIONS: int(1, 100).default(2),
  PASSWORD_HASH_PARALLELISM: int(1, 16).default(1),

  PASSWORD_MIN_LENGTH: int(1, 1024).default(8),
  /** Always enforced: bounds the cost of hashing. */
  PASSWORD_MAX_LENGTH: int(8, 4096).default(128),
  /** Comma-separated: similarity, min_length, common, numeric. */
  PASSWORD_VALIDATORS: list.default(['similarity', 'min_length', 'common', 'numeric']).pipe(z.array(z.enum(['similarity', 'min_length', 'common', 'numeric']))),
  PASSWORD_MAX_SIMILARITY: z.coerce.number().min(0.1).max(1).default(0.7),

  // GraphQL endpoint
  GRAPHIQL: bool.optional(),

  // Management commands
  /** createuser & co. with --no-input: the new account's password (keeps it out of shell history). */
  GATEHOUSE_PASSWORD: z.string().min(1).optional(),
  /** initdefaultadmin: the superuser created when none exists. */
  DEFAULT_ADMIN_EMAIL: z.string().min(1).optional(),
  DEFAULT_ADMIN_PASSWORD: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;
