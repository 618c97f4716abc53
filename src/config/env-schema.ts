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
  /** HS256 (shared JWT_SECRET) or a key pair other services can verify with the JWKS. jsonwebtoken 9 has no EdDSA. */
  JWT_ALGORITHM: z.enum(['HS256', 'RS256', 'ES256']).default('HS256'),
  /** PEM private key (RSA >= 2048 bits for RS256, P-256 for ES256); literal \n sequences are accepted. */
  JWT_PRIVATE_KEY: z.string().optional(),
  /** A file holding the PEM private key, instead of JWT_PRIVATE_KEY. */
  JWT_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  /** The current key's `kid`. Default: its RFC 7638 thumbprint. */
  JWT_KEY_ID: z.string().min(1).max(128).optional(),
  /** Retired public keys still published and accepted until their tokens expire: PEM blocks or a JWKS. */
  JWT_PREVIOUS_PUBLIC_KEYS: z.string().optional(),
  JWT_PREVIOUS_PUBLIC_KEYS_FILE: z.string().min(1).optional(),
  /** Comma-separated claims added to access tokens: role, groups, permissions. */
  JWT_INCLUDE_CLAIMS: list.default([]).pipe(z.array(z.enum(['role', 'groups', 'permissions']))),
  /** Comma-separated shared secrets services present in X-Introspection-Secret to call verifyAccessToken. */
  INTROSPECTION_SECRETS: list.default([]),
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
});

export type Env = z.infer<typeof envSchema>;
