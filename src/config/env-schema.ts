/**
 * Every environment variable Gatehouse reads, with its default. docs/configuration.md's table is
 * generated from this file and env-docs.ts (what each means): npm run docs.
 */
import { z } from 'zod';
import { REQUIRABLE_FIELDS } from './profile-fields.js';
import { LOCALES } from './locales.js';
import { parseTrustProxy } from './trust-proxy.js';
import { parseOriginPattern } from './origin-pattern.js';

const bool = z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off', ''] });
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** A rate limit written `POINTS/DURATION`, e.g. `10/1h`, `50/15m`, `5/30s`, `100/86400` (seconds). */
const rate = z.string().transform((value, ctx) => {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*([smhd]?)\s*$/.exec(value);
  const points = Number(match?.[1]);
  const seconds = Number(match?.[2]) * UNIT_SECONDS[(match?.[3] || 's') as keyof typeof UNIT_SECONDS];
  if (!match || points < 1 || seconds < 1 || seconds > 31_536_000) {
    ctx.addIssue({ code: 'custom', message: 'must be POINTS/DURATION, e.g. 10/1h, 50/15m or 5/30s' });
    return z.NEVER;
  }
  return { points, seconds };
});
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** A development-only signing secret: start-up refuses it in production. */
export const DEV_JWT_SECRET = 'gatehouse-development-secret-do-not-use-in-production';
/** A development-only data encryption key: start-up refuses it in production. */
export const DEV_DATA_ENCRYPTION_KEY = 'gatehouse-development-data-key-do-not-use-in-production';

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
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  SQLITE_BUSY_TIMEOUT_MS: int(0, 600_000).default(5000),
  SESSION_CACHE_SECONDS: int(0, 300).default(5),
  SESSION_CACHE_MAX_ENTRIES: int(1, 10_000_000).default(10_000),

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
  /** Off: one refresh token stays valid until its session ends (Simple JWT's default), with no reuse detection. */
  REFRESH_TOKEN_ROTATION: bool.default(true),
  /** Absolute session lifetime from sign-in, however often it is refreshed (OWASP ASVS V7). */
  SESSION_MAX_LIFETIME_SECONDS: int(300, 31_536_000).default(2_592_000),
  /** Live sessions one user may hold; a sign-in beyond it revokes the oldest. 0: no cap. */
  MAX_SESSIONS_PER_USER: int(0, 10_000).default(0),

  // Passwords (OWASP's argon2id parameters by default)
  PASSWORD_HASH_MEMORY_KIB: int(1024, 4_194_304).default(19_456),
  PASSWORD_HASH_ITERATIONS: int(1, 100).default(2),
  PASSWORD_HASH_PARALLELISM: int(1, 16).default(1),
  /** Hashes computed at once; more wait their turn. Default: the number of CPU cores. */
  PASSWORD_HASH_CONCURRENCY: int(1, 256).optional(),
  /** Hashes allowed to wait for a turn; beyond them SERVICE_UNAVAILABLE with Retry-After, never an unbounded wait. */
  PASSWORD_HASH_MAX_QUEUE: int(0, 100_000).default(64),

  /** Not below 8 (NIST SP 800-63B). */
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8, 'must be at least 8 (shorter passwords are guessable; NIST SP 800-63B)').max(1024).default(8),
  /** Always enforced: bounds the cost of hashing. Not below 64, so passphrases fit (NIST SP 800-63B). */
  PASSWORD_MAX_LENGTH: z.coerce
    .number()
    .int()
    .min(64, 'must be at least 64 (passphrases and password managers need room; NIST SP 800-63B)')
    .max(4096)
    .default(128),
  /** Comma-separated: similarity, min_length, common, numeric. */
  PASSWORD_VALIDATORS: list.default(['similarity', 'min_length', 'common', 'numeric']).pipe(z.array(z.enum(['similarity', 'min_length', 'common', 'numeric']))),
  PASSWORD_MAX_SIMILARITY: z.coerce.number().min(0.1).max(1).default(0.7),

  // GraphQL endpoint
  GRAPHIQL: bool.optional(),
  /** The web console (/account, /admin). Default: on unless production. Needs AUTH_COOKIES. */
  CONSOLE: bool.optional(),

  // Accounts
  /** When on, an unverified account cannot sign in (it gets EMAIL_NOT_VERIFIED). */
  REQUIRE_EMAIL_VERIFICATION: bool.default(true),
  /** Profile fields a registration must fill in, comma-separated. */
  REGISTRATION_MODE: z.enum(['open', 'invite-only', 'closed']).default('open'),
  /** What `login` takes as its identifier: the email address, the username, or either. */
  LOGIN_IDENTIFIERS: z.enum(['email', 'username', 'both']).default('email'),
  REGISTRATION_REQUIRED_FIELDS: list.default([]).pipe(z.array(z.enum(REQUIRABLE_FIELDS))),
  VERIFICATION_CODE_TTL_SECONDS: int(60, 86_400).default(900),
  VERIFICATION_CODE_MAX_ATTEMPTS: int(1, 20).default(5),
  PASSWORD_RESET_TTL_SECONDS: int(300, 604_800).default(3600),
  /** Email an "account updated" notice after a profile change. */
  PROFILE_UPDATE_NOTICE: bool.default(true),
  /** A JSON Schema file declaring the custom user attributes (src/config/user-attributes.ts). */
  USER_ATTRIBUTES_SCHEMA: z.string().min(1).optional(),
  USER_ATTRIBUTES_MAX_BYTES: int(64, 65_536).default(4096),
  /** The language of emails and error messages when neither the user nor Accept-Language chooses one. */
  DEFAULT_LOCALE: z.enum(LOCALES).default('en'),
  /** A folder of `<locale>.json` files overriding email texts (src/i18n/). */
  MAIL_TEMPLATES_DIR: z.string().min(1).optional(),
  /** The front end's address; links in emails start here. */
  APP_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** The reset page; `{token}` is replaced by the token. Default: APP_BASE_URL/reset-password?token={token}. */
  PASSWORD_RESET_URL: z.string().includes('{token}', { message: 'must contain {token}' }).optional(),
  /** The page a verification email's link opens; `{token}` is replaced. Default: APP_BASE_URL/verify-email?token={token}. */
  EMAIL_VERIFICATION_URL: z.string().includes('{token}', { message: 'must contain {token}' }).optional(),

  // Browser cookie mode
  /** Default: on in development (so the console works from `npm start`), off otherwise. */
  AUTH_COOKIES: bool.optional(),
  /** Turn off only for local development over plain http. */
  AUTH_COOKIE_SECURE: bool.default(true),
  AUTH_COOKIE_ACCESS_NAME: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .default('gatehouse_access'),
  AUTH_COOKIE_REFRESH_NAME: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .default('gatehouse_refresh'),
  AUTH_COOKIE_DOMAIN: z.string().optional(),
  AUTH_COOKIE_SAMESITE: z.enum(['lax', 'strict', 'none']).default('lax'),
  /** Cookie mode: a request whose access cookie has expired is refreshed by its refresh cookie in passing. */
  AUTH_COOKIE_SILENT_REFRESH: bool.default(true),
  /** Where clients send people to sign in; added to UNAUTHENTICATED errors as `extensions.loginUrl`. */
  LOGIN_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Headers any one of which satisfies CSRF prevention in cookie mode. */
  CSRF_HEADERS: list.default(['x-graphql-csrf', 'apollo-require-preflight']).pipe(z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1)),

  // Email
  /** No SMTP_HOST: emails are written as .eml files into MAIL_DIR and their path is logged. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: int(1, 65535).default(587),
  /** TLS from the first byte (port 465). */
  SMTP_SECURE: bool.default(false),
  /** Refuse to send unless STARTTLS succeeds (nodemailer's requireTLS). */
  SMTP_STARTTLS: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_TIMEOUT_MS: int(1000, 120_000).default(15_000),
  MAIL_FROM: z.string().min(3).default('Gatehouse <no-reply@localhost>'),
  MAIL_DIR: z.string().min(1).default('./data/mail'),
  /** How often the outbox sender looks for due emails. */
  MAIL_SEND_INTERVAL_MS: int(100, 3_600_000).default(2000),
  MAIL_MAX_ATTEMPTS: int(1, 50).default(8),
  /** First retry delay; doubles with each failed attempt (capped at 6 h). */
  MAIL_RETRY_BASE_SECONDS: int(1, 3600).default(30),
  /** Outgoing webhooks (docs/webhooks.md). */
  WEBHOOK_SEND_INTERVAL_MS: int(100, 3_600_000).default(2000),
  WEBHOOK_TIMEOUT_MS: int(1000, 60_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: int(1, 50).default(10),
  WEBHOOK_RETRY_BASE_SECONDS: int(1, 3600).default(30),
  WEBHOOK_DISABLE_AFTER_FAILURES: int(1, 10_000).default(50),
  WEBHOOK_SECRET_GRACE_SECONDS: int(0, 30 * 86_400).default(86_400),
  WEBHOOK_ALLOW_HTTP: bool.default(false),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
  /** Default: on unless production. Field suggestions in errors follow it. */
  INTROSPECTION: bool.optional(),
  GRAPHQL_MAX_BODY_BYTES: int(1024, 104_857_600).default(102_400),
  GRAPHQL_MAX_DEPTH: int(1, 1000).default(10),
  /** Fields one operation may resolve, lists counted by size (src/server/limits/list-cost.ts). */
  GRAPHQL_MAX_COST: int(1, 10_000_000).default(50_000),
  GRAPHQL_MAX_ALIASES: int(0, 10_000).default(15),
  GRAPHQL_MAX_DIRECTIVES: int(0, 10_000).default(20),
  GRAPHQL_MAX_TOKENS: int(10, 1_000_000).default(2000),
  /** Operations per batched request; 0 turns batching off. */
  GRAPHQL_BATCH_LIMIT: int(0, 100).default(0),

  // HTTP
  /** Comma-separated origins allowed to call the API from a browser, e.g. https://app.example.com. */
  CORS_ORIGINS: list
    .default([])
    .pipe(
      z.array(
        z
          .string()
          .refine(
            (v) => parseOriginPattern(v) !== null,
            'must be origins like https://app.example.com or https://*.example.com (no path, no trailing slash, no bare *)',
          ),
      ),
    ),
  /** Empty (trust no proxy), a number of proxy hops, or comma-separated proxy addresses / CIDR ranges. */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),

  // Second factors and passwordless sign-in (see docs/second-factors.md)
  /** Encrypts secrets that must be read back (TOTP seeds): AES-256-GCM under a key derived from it. */
  DATA_ENCRYPTION_KEY: z.string().optional(),
  /** Earlier DATA_ENCRYPTION_KEYs, still read (and re-encrypted under the current key when used). */
  DATA_ENCRYPTION_PREVIOUS_KEYS: list.default([]),
  /** Shown by authenticator apps beside the account and used as the passkey relying party's name. */
  MFA_ISSUER: z.string().min(1).max(64).default('Gatehouse'),
  MFA_REQUIRED_FOR: z.enum(['none', 'staff', 'superuser', 'all']).default('none'),
  MFA_CHALLENGE_TTL_SECONDS: int(30, 1800).default(300),
  MFA_CHALLENGE_MAX_ATTEMPTS: int(1, 20).default(5),
  REAUTH_WINDOW_SECONDS: int(0, 86_400).default(600),
  WEBAUTHN_RP_ID: z.string().min(1).default('localhost'),
  WEBAUTHN_ORIGINS: list.pipe(z.array(z.string().refine(isOrigin, 'must be origins like https://app.example.com')).min(1)).prefault('http://localhost:4000'),
  WEBAUTHN_USER_VERIFICATION: z.enum(['required', 'preferred', 'discouraged']).default('preferred'),
  WEBAUTHN_CHALLENGE_TTL_SECONDS: int(30, 1800).default(300),
  EMAIL_SIGN_IN: bool.default(false),
  /** The page that signs in with an emailed link; `{token}` is replaced. Default: APP_BASE_URL/sign-in?token={token}. */
  SIGN_IN_URL: z.string().includes('{token}', { message: 'must contain {token}' }).optional(),
  /** At most 10 minutes (OWASP ASVS 5.0, 6.5.5 for out-of-band codes). */
  EMAIL_SIGN_IN_TTL_SECONDS: int(60, 600).default(600),

  // Social and enterprise sign-in (see docs/social-sign-in.md)
  /** A JSON file listing the OAuth / OpenID Connect providers (src/config/oauth-providers.ts). */
  OAUTH_PROVIDERS_FILE: z.string().min(1).optional(),
  /** The same list inline, instead of the file. */
  OAUTH_PROVIDERS: z.string().min(1).optional(),
  OAUTH_STATE_TTL_SECONDS: int(60, 3600).default(600),
  /** Cookie mode's callback route: the pages it may send people back to (the first is the default). */
  OAUTH_RETURN_URLS: list.pipe(z.array(z.url({ protocol: /^https?$/ }))).default([]),

  // Rate limits (see docs/security.md)
  RATE_LIMITS_ENABLED: bool.default(true),
  RATE_LIMIT_LOGIN_IP: rate.prefault('30/15m'),
  LOGIN_BACKOFF_AFTER_FAILURES: int(1, 1000).default(5),
  LOGIN_BACKOFF_BASE_SECONDS: int(1, 86_400).default(30),
  LOGIN_BACKOFF_MAX_SECONDS: int(1, 604_800).default(900),
  RATE_LIMIT_REGISTER_IP: rate.prefault('10/1h'),
  RATE_LIMIT_PASSWORD_RESET_EMAIL: rate.prefault('3/1h'),
  RATE_LIMIT_PASSWORD_RESET_IP: rate.prefault('20/1h'),
  RATE_LIMIT_RESEND_VERIFICATION_EMAIL: rate.prefault('3/1h'),
  RATE_LIMIT_RESEND_VERIFICATION_IP: rate.prefault('20/1h'),
  RATE_LIMIT_VERIFY_CODE_IP: rate.prefault('30/15m'),
  /** Failed logins of one account from all addresses together (addresses it signed in from before are spared). */
  RATE_LIMIT_LOGIN_ACCOUNT: rate.prefault('100/1d'),
  /** Current-password checks (changePassword, requestEmailChange, deactivateAccount, ...), right or wrong. */
  RATE_LIMIT_PASSWORD_CHECK_USER: rate.prefault('10/15m'),
  RATE_LIMIT_PASSWORD_CHECK_IP: rate.prefault('30/15m'),
  RATE_LIMIT_EMAIL_CHANGE_USER: rate.prefault('5/1h'),
  RATE_LIMIT_EMAIL_CHANGE_EMAIL: rate.prefault('3/1h'),
  /** Second-factor codes (TOTP and recovery codes) tried, right or wrong. */
  RATE_LIMIT_MFA_USER: rate.prefault('10/15m'),
  RATE_LIMIT_MFA_IP: rate.prefault('30/15m'),
  RATE_LIMIT_SIGN_IN_CODE_EMAIL: rate.prefault('5/1h'),
  RATE_LIMIT_SIGN_IN_CODE_IP: rate.prefault('20/1h'),
  /** Passkey ceremonies started (registration and sign-in). */
  RATE_LIMIT_PASSKEY_IP: rate.prefault('60/15m'),
  /** OAuth sign-ins and links started and completed. */
  RATE_LIMIT_OAUTH_IP: rate.prefault('60/15m'),
  /** Counters the in-memory store (SQLite) holds at most; the least recently used is forgotten first. */
  RATE_LIMIT_MEMORY_KEYS: int(100, 10_000_000).default(20_000),
  /** IPv6 clients are counted per network of this prefix length (a subscriber gets a /64 or more). */
  RATE_LIMIT_IPV6_PREFIX: int(1, 128).default(64),

  // Housekeeping
  /** How often expired tokens, sessions and rate-limit rows are deleted; 0 turns the job off. */
  PURGE_INTERVAL_SECONDS: int(0, 604_800).default(3600),
  /** Revoked sessions are kept this long (for the user's session history) before purging. */
  PURGE_REVOKED_SESSIONS_AFTER_DAYS: int(0, 3650).default(30),
  /** SENT and FAILED outbox emails are kept this long after they were written (delivery history). */
  PURGE_OUTBOX_AFTER_DAYS: int(0, 3650).default(30),
  // Management commands
  /** createuser & co. with --no-input: the new account's password (keeps it out of shell history). */
  GATEHOUSE_PASSWORD: z.string().min(1).optional(),
  /** initdefaultadmin: the superuser created when none exists. */
  DEFAULT_ADMIN_EMAIL: z.string().min(1).optional(),
  DEFAULT_ADMIN_PASSWORD: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;
