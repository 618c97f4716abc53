/**
 * The only module that reads process.env. It validates once and returns a frozen Config;
 * everything else receives the Config it needs.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DEV_DATA_ENCRYPTION_KEY, DEV_JWT_SECRET, envSchema, type Env } from './env-schema.js';
import { dataEncryptionKeys, type DataEncryptionKeys } from './data-encryption-keys.js';
import { providerOf, type Provider } from './provider.js';
import type { TrustProxy } from './trust-proxy.js';
import { loadSigningKeys, SigningKeyError, type JwtAlgorithm, type SigningKeys } from './signing-keys.js';
import { deriveKeys, type DerivedKeys } from './derived-keys.js';
import { isLoopbackHost } from './exposure.js';
import { parseOAuthProviders, type OAuthProviderConfig } from './oauth-providers.js';
import { loadUserAttributesSchema, type UserAttributesConfig } from './user-attributes.js';
import type { Locale } from './locales.js';
import { loadTextOverrides, type TextOverrides } from './mail-templates-dir.js';

/** A number of points per window of seconds. */
export interface Rate {
  points: number;
  seconds: number;
}

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
    /** PostgreSQL: name the hand-written hot statements so each connection prepares them once. */
    preparedStatements: boolean;
    sqliteBusyTimeoutMs: number;
  };
  jwt: {
    issuer: string;
    audience: string;
    algorithm: JwtAlgorithm;
    /** Key pair material for RS256/ES256 (empty for HS256). */
    keys: SigningKeys;
    /**
     * One key per keyed use (HS256 signing, refresh successors, code digests, rate-limit keys),
     * derived from JWT_SECRET at load (src/config/derived-keys.ts). The secret itself is not kept:
     * nothing uses it directly.
     */
    derivedKeys: DerivedKeys;
    /** Optional claims added to every access token. */
    includeClaims: ('role' | 'groups' | 'permissions')[];
  };
  /** Shared secrets that let a service call verifyAccessToken. Empty: nobody can. */
  introspection: { secrets: string[] };
  tokens: { accessTtlSeconds: number; refreshTtlSeconds: number; refreshGraceSeconds: number; refreshRotation: boolean };
  /** maxLifetimeSeconds: absolute lifetime from creation; maxPerUser: live sessions per user (0: no cap). */
  sessions: { maxLifetimeSeconds: number; maxPerUser: number };
  /** The in-process cache of session validity and permissions (src/auth/cache/); maxAgeSeconds 0: off. */
  authCache: { maxAgeSeconds: number; maxEntries: number };
  passwords: {
    argon2: { memoryKib: number; iterations: number; parallelism: number; concurrency: number; maxQueue: number };
    policy: {
      rules: ('similarity' | 'min_length' | 'common' | 'numeric')[];
      minLength: number;
      maxLength: number;
      maxSimilarity: number;
    };
  };
  graphiql: boolean;
  /** The web console (/account, /admin); `needsCookies`: on by default, but cookie mode is off. */
  console: { enabled: boolean; needsCookies: boolean };
  accounts: {
    requireEmailVerification: boolean;
    registrationMode: 'open' | 'invite-only' | 'closed';
    /** What login's identifier is. */
    loginIdentifiers: 'email' | 'username' | 'both';
    registrationRequiredFields: RegistrationField[];
    codeTtlSeconds: number;
    codeMaxAttempts: number;
    resetTtlSeconds: number;
    profileUpdateNotice: boolean;
    /** USER_ATTRIBUTES_SCHEMA read and checked; null: no custom attributes (any write of one is refused). */
    attributes: UserAttributesConfig | null;
    appBaseUrl: string;
    /** Contains `{token}`. */
    passwordResetUrl: string;
    /** The verification email's link; contains `{token}`. */
    emailVerificationUrl: string;
  };
  cookies: {
    enabled: boolean;
    secure: boolean;
    accessName: string;
    refreshName: string;
    domain: string | null;
    csrfHeaders: string[];
    sameSite: 'lax' | 'strict' | 'none';
    silentRefresh: boolean;
  };
  i18n: {
    defaultLocale: Locale;
    /** The texts of MAIL_TEMPLATES_DIR, by language; src/i18n/ checks their keys. */
    overrides: TextOverrides;
  };
  mail: {
    from: string;
    /** Null: write .eml files into `dir`. */
    smtp: { host: string; port: number; secure: boolean; requireTls: boolean; user: string | null; password: string | null; timeoutMs: number } | null;
    dir: string;
    sendIntervalMs: number;
    maxAttempts: number;
    retryBaseSeconds: number;
  };
  graphql: {
    introspection: boolean;
    maxBodyBytes: number;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    /** 0: batching off. */
    batchLimit: number;
  };
  http: { corsOrigins: string[]; trustProxy: TrustProxy; loginUrl: string | null };
  rateLimits: {
    enabled: boolean;
    loginIp: Rate;
    loginBackoff: { afterFailures: number; baseSeconds: number; maxSeconds: number };
    registerIp: Rate;
    passwordResetEmail: Rate;
    passwordResetIp: Rate;
    resendVerificationEmail: Rate;
    resendVerificationIp: Rate;
    verifyCodeIp: Rate;
    loginAccount: Rate;
    passwordCheckUser: Rate;
    passwordCheckIp: Rate;
    emailChangeUser: Rate;
    emailChangeEmail: Rate;
    mfaUser: Rate;
    mfaIp: Rate;
    signInCodeEmail: Rate;
    signInCodeIp: Rate;
    passkeyIp: Rate;
    oauthIp: Rate;
    /** Most counters the in-memory store holds. */
    memoryKeys: number;
    /** IPv6 addresses are keyed by this many leading bits. */
    ipv6Prefix: number;
  };
  /** Keys for secrets that must be read back (DATA_ENCRYPTION_KEY, then the previous ones). */
  dataEncryption: DataEncryptionKeys;
  mfa: {
    issuer: string;
    requiredFor: 'none' | 'staff' | 'superuser' | 'all';
    challengeTtlSeconds: number;
    challengeMaxAttempts: number;
    reauthWindowSeconds: number;
  };
  webauthn: {
    rpId: string;
    rpName: string;
    origins: string[];
    userVerification: 'required' | 'preferred' | 'discouraged';
    challengeTtlSeconds: number;
  };
  emailSignIn: { enabled: boolean; url: string; ttlSeconds: number };
  /** Social and enterprise sign-in (src/config/oauth-providers.ts). */
  oauth: { providers: OAuthProviderConfig[]; stateTtlSeconds: number; returnUrls: string[] };
  purge: { intervalSeconds: number; revokedSessionRetentionDays: number; outboxRetentionDays: number };
  webhooks: {
    sendIntervalMs: number;
    timeoutMs: number;
    maxAttempts: number;
    retryBaseSeconds: number;
    disableAfterFailures: number;
    /** After a rotation, how long the old secret still signs beside the new one. */
    secretGraceSeconds: number;
    allowHttp: boolean;
    allowPrivateTargets: boolean;
  };
  /** Inputs of the management commands; never used by the server. */
  cli: { password: string | undefined; defaultAdminEmail: string | undefined; defaultAdminPassword: string | undefined };
}

export type RegistrationField = Env['REGISTRATION_REQUIRED_FIELDS'][number];

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
  if (isProduction && isWeakSecret(secret)) {
    throw new ConfigError(
      `invalid configuration: JWT_SECRET is too weak for production (use at least ${MIN_PRODUCTION_SECRET_LENGTH} random characters, e.g. openssl rand -base64 48)`,
    );
  }
  // The development secret is in the source: anyone who can reach the server could forge tokens.
  if (!isLoopbackHost(e.HOST) && isWeakSecret(secret)) {
    throw new ConfigError(
      `invalid configuration: JWT_SECRET ${e.JWT_SECRET === undefined ? 'is required' : 'is too weak'} when HOST (${e.HOST}) is not a loopback address (use at least ${MIN_PRODUCTION_SECRET_LENGTH} random characters, e.g. openssl rand -base64 48, or listen on HOST=127.0.0.1)`,
    );
  }
  if (isProduction && e.INTROSPECTION_SECRETS.some((s) => s.length < MIN_PRODUCTION_SECRET_LENGTH)) {
    throw new ConfigError(`invalid configuration: INTROSPECTION_SECRETS must each have at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`);
  }
  const dataKey = e.DATA_ENCRYPTION_KEY ?? (isProduction ? undefined : DEV_DATA_ENCRYPTION_KEY);
  if (!dataKey || (isProduction && isWeakSecret(dataKey)) || (isProduction && dataKey === DEV_DATA_ENCRYPTION_KEY)) {
    throw new ConfigError(
      `invalid configuration: DATA_ENCRYPTION_KEY ${dataKey ? 'is too weak' : 'is required'} when NODE_ENV=production (use at least ${MIN_PRODUCTION_SECRET_LENGTH} random characters, e.g. openssl rand -base64 48; it encrypts authenticator-app seeds)`,
    );
  }
  const dataEncryption = dataEncryptionKeys(dataKey, e.DATA_ENCRYPTION_PREVIOUS_KEYS);
  // Browsers drop SameSite=None cookies without Secure: the mistake would look like random sign-outs.
  if (e.AUTH_COOKIE_SAMESITE === 'none' && !e.AUTH_COOKIE_SECURE) {
    throw new ConfigError(
      'invalid configuration: AUTH_COOKIE_SAMESITE=none needs AUTH_COOKIE_SECURE=true (browsers refuse SameSite=None cookies without Secure)',
    );
  }
  const keys = signingKeysFrom(e);
  const provider = providerOf(e.DATABASE_URL);
  const consoleSettings = consoleFrom(e, isProduction);
  // The emails' links open the console's pages when it is on and no front end is configured.
  const linkBase =
    consoleSettings.enabled && !consoleSettings.needsCookies && env.APP_BASE_URL === undefined
      ? `${ownOrigin(e.HOST, e.PORT)}/account`
      : e.APP_BASE_URL.replace(/\/+$/, '');
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
      preparedStatements: e.DATABASE_PREPARED_STATEMENTS,
      sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    },
    jwt: {
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      algorithm: e.JWT_ALGORITHM,
      keys,
      derivedKeys: deriveKeys(secret),
      includeClaims: e.JWT_INCLUDE_CLAIMS,
    },
    introspection: { secrets: e.INTROSPECTION_SECRETS },
    tokens: {
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      refreshGraceSeconds: e.REFRESH_GRACE_SECONDS,
      refreshRotation: e.REFRESH_TOKEN_ROTATION,
    },
    sessions: { maxLifetimeSeconds: e.SESSION_MAX_LIFETIME_SECONDS, maxPerUser: e.MAX_SESSIONS_PER_USER },
    authCache: { maxAgeSeconds: e.SESSION_CACHE_SECONDS, maxEntries: e.SESSION_CACHE_MAX_ENTRIES },
    passwords: {
      argon2: {
        memoryKib: e.PASSWORD_HASH_MEMORY_KIB,
        iterations: e.PASSWORD_HASH_ITERATIONS,
        parallelism: e.PASSWORD_HASH_PARALLELISM,
        concurrency: e.PASSWORD_HASH_CONCURRENCY ?? availableParallelism(),
        maxQueue: e.PASSWORD_HASH_MAX_QUEUE,
      },
      policy: {
        rules: e.PASSWORD_VALIDATORS,
        minLength: e.PASSWORD_MIN_LENGTH,
        maxLength: e.PASSWORD_MAX_LENGTH,
        maxSimilarity: e.PASSWORD_MAX_SIMILARITY,
      },
    },
    graphiql: e.GRAPHIQL ?? !isProduction,
    console: consoleSettings,
    accounts: {
      requireEmailVerification: e.REQUIRE_EMAIL_VERIFICATION,
      registrationRequiredFields: e.REGISTRATION_REQUIRED_FIELDS,
      registrationMode: e.REGISTRATION_MODE,
      loginIdentifiers: e.LOGIN_IDENTIFIERS,
      codeTtlSeconds: e.VERIFICATION_CODE_TTL_SECONDS,
      codeMaxAttempts: e.VERIFICATION_CODE_MAX_ATTEMPTS,
      resetTtlSeconds: e.PASSWORD_RESET_TTL_SECONDS,
      profileUpdateNotice: e.PROFILE_UPDATE_NOTICE,
      attributes: e.USER_ATTRIBUTES_SCHEMA
        ? fromFile('USER_ATTRIBUTES_SCHEMA', () => loadUserAttributesSchema(e.USER_ATTRIBUTES_SCHEMA!, e.USER_ATTRIBUTES_MAX_BYTES))
        : null,
      appBaseUrl: e.APP_BASE_URL.replace(/\/+$/, ''),
      passwordResetUrl: e.PASSWORD_RESET_URL ?? `${linkBase}/reset-password?token={token}`,
      emailVerificationUrl: e.EMAIL_VERIFICATION_URL ?? `${linkBase}/verify-email?token={token}`,
    },
    cookies: {
      enabled: cookieMode(e),
      secure: e.AUTH_COOKIE_SECURE,
      accessName: e.AUTH_COOKIE_ACCESS_NAME,
      refreshName: e.AUTH_COOKIE_REFRESH_NAME,
      domain: e.AUTH_COOKIE_DOMAIN ?? null,
      csrfHeaders: e.CSRF_HEADERS.map((h) => h.toLowerCase()),
      sameSite: e.AUTH_COOKIE_SAMESITE,
      silentRefresh: e.AUTH_COOKIE_SILENT_REFRESH,
    },
    i18n: {
      defaultLocale: e.DEFAULT_LOCALE,
      overrides: e.MAIL_TEMPLATES_DIR ? fromFile('MAIL_TEMPLATES_DIR', () => loadTextOverrides(e.MAIL_TEMPLATES_DIR!)) : {},
    },
    mail: {
      from: e.MAIL_FROM,
      smtp: e.SMTP_HOST
        ? {
            host: e.SMTP_HOST,
            port: e.SMTP_PORT,
            secure: e.SMTP_SECURE,
            requireTls: e.SMTP_STARTTLS,
            user: e.SMTP_USER ?? null,
            password: e.SMTP_PASSWORD ?? null,
            timeoutMs: e.SMTP_TIMEOUT_MS,
          }
        : null,
      dir: e.MAIL_DIR,
      sendIntervalMs: e.MAIL_SEND_INTERVAL_MS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryBaseSeconds: e.MAIL_RETRY_BASE_SECONDS,
    },
    graphql: {
      introspection: e.INTROSPECTION ?? !isProduction,
      maxBodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      batchLimit: e.GRAPHQL_BATCH_LIMIT,
    },
    http: { corsOrigins: e.CORS_ORIGINS, trustProxy: e.TRUST_PROXY, loginUrl: e.LOGIN_URL ?? null },
    rateLimits: {
      enabled: e.RATE_LIMITS_ENABLED,
      loginIp: e.RATE_LIMIT_LOGIN_IP,
      loginBackoff: { afterFailures: e.LOGIN_BACKOFF_AFTER_FAILURES, baseSeconds: e.LOGIN_BACKOFF_BASE_SECONDS, maxSeconds: e.LOGIN_BACKOFF_MAX_SECONDS },
      registerIp: e.RATE_LIMIT_REGISTER_IP,
      passwordResetEmail: e.RATE_LIMIT_PASSWORD_RESET_EMAIL,
      passwordResetIp: e.RATE_LIMIT_PASSWORD_RESET_IP,
      resendVerificationEmail: e.RATE_LIMIT_RESEND_VERIFICATION_EMAIL,
      resendVerificationIp: e.RATE_LIMIT_RESEND_VERIFICATION_IP,
      verifyCodeIp: e.RATE_LIMIT_VERIFY_CODE_IP,
      loginAccount: e.RATE_LIMIT_LOGIN_ACCOUNT,
      passwordCheckUser: e.RATE_LIMIT_PASSWORD_CHECK_USER,
      passwordCheckIp: e.RATE_LIMIT_PASSWORD_CHECK_IP,
      emailChangeUser: e.RATE_LIMIT_EMAIL_CHANGE_USER,
      emailChangeEmail: e.RATE_LIMIT_EMAIL_CHANGE_EMAIL,
      mfaUser: e.RATE_LIMIT_MFA_USER,
      mfaIp: e.RATE_LIMIT_MFA_IP,
      signInCodeEmail: e.RATE_LIMIT_SIGN_IN_CODE_EMAIL,
      signInCodeIp: e.RATE_LIMIT_SIGN_IN_CODE_IP,
      passkeyIp: e.RATE_LIMIT_PASSKEY_IP,
      oauthIp: e.RATE_LIMIT_OAUTH_IP,
      memoryKeys: e.RATE_LIMIT_MEMORY_KEYS,
      ipv6Prefix: e.RATE_LIMIT_IPV6_PREFIX,
    },
    dataEncryption,
    mfa: {
      issuer: e.MFA_ISSUER,
      requiredFor: e.MFA_REQUIRED_FOR,
      challengeTtlSeconds: e.MFA_CHALLENGE_TTL_SECONDS,
      challengeMaxAttempts: e.MFA_CHALLENGE_MAX_ATTEMPTS,
      reauthWindowSeconds: e.REAUTH_WINDOW_SECONDS,
    },
    webauthn: {
      rpId: e.WEBAUTHN_RP_ID,
      rpName: e.MFA_ISSUER,
      origins: e.WEBAUTHN_ORIGINS,
      userVerification: e.WEBAUTHN_USER_VERIFICATION,
      challengeTtlSeconds: e.WEBAUTHN_CHALLENGE_TTL_SECONDS,
    },
    emailSignIn: {
      enabled: e.EMAIL_SIGN_IN,
      url: e.SIGN_IN_URL ?? `${e.APP_BASE_URL.replace(/\/+$/, '')}/sign-in?token={token}`,
      ttlSeconds: e.EMAIL_SIGN_IN_TTL_SECONDS,
    },
    oauth: { providers: oauthProvidersFrom(e, env, isProduction), stateTtlSeconds: e.OAUTH_STATE_TTL_SECONDS, returnUrls: e.OAUTH_RETURN_URLS },
    purge: {
      intervalSeconds: e.PURGE_INTERVAL_SECONDS,
      revokedSessionRetentionDays: e.PURGE_REVOKED_SESSIONS_AFTER_DAYS,
      outboxRetentionDays: e.PURGE_OUTBOX_AFTER_DAYS,
    },
    webhooks: {
      sendIntervalMs: e.WEBHOOK_SEND_INTERVAL_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseSeconds: e.WEBHOOK_RETRY_BASE_SECONDS,
      disableAfterFailures: e.WEBHOOK_DISABLE_AFTER_FAILURES,
      secretGraceSeconds: e.WEBHOOK_SECRET_GRACE_SECONDS,
      allowHttp: e.WEBHOOK_ALLOW_HTTP,
      allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    },
    cli: { password: e.GATEHOUSE_PASSWORD, defaultAdminEmail: e.DEFAULT_ADMIN_EMAIL, defaultAdminPassword: e.DEFAULT_ADMIN_PASSWORD },
  });
}

/**
 * The console signs in through cookie mode (an SPA that keeps no token where scripts reach). Asked
 * for explicitly without it, start-up stops; on by default without it, its pages say what to set,
 * so a development server without AUTH_COOKIES still starts.
 */
function consoleFrom(e: ParsedEnv, isProduction: boolean): Config['console'] {
  if (e.CONSOLE === true && !cookieMode(e)) {
    throw new ConfigError('invalid configuration: CONSOLE=on needs AUTH_COOKIES=true (the console signs in with cookies; or set CONSOLE=off)');
  }
  const enabled = e.CONSOLE ?? !isProduction;
  return { enabled, needsCookies: enabled && !cookieMode(e) };
}

/**
 * AUTH_COOKIES, or by default on in development only: `npm start` then serves a console that signs
 * in, while test and production runs keep the API's Bearer-only behaviour unless they ask for cookies.
 */
function cookieMode(e: ParsedEnv): boolean {
  return e.AUTH_COOKIES ?? e.NODE_ENV === 'development';
}

/** This server's address as a browser on the same machine reaches it (a wildcard HOST: localhost). */
function ownOrigin(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** The development default, or a secret too short or too repetitive to resist guessing. */
function isWeakSecret(secret: string): boolean {
  return secret.length < MIN_PRODUCTION_SECRET_LENGTH || secret === DEV_JWT_SECRET || new Set(secret).size < 10;
}

type ParsedEnv = ReturnType<typeof envSchema.parse>;

function signingKeysFrom(e: ParsedEnv): SigningKeys {
  try {
    return loadSigningKeys({
      algorithm: e.JWT_ALGORITHM,
      privateKey: either(e, 'JWT_PRIVATE_KEY'),
      keyId: e.JWT_KEY_ID,
      previousPublicKeys: either(e, 'JWT_PREVIOUS_PUBLIC_KEYS'),
    });
  } catch (error) {
    if (error instanceof SigningKeyError) throw new ConfigError(`invalid configuration: ${error.variable} ${error.message}`);
    throw error;
  }
}

/** Runs a loader of a file a variable names; its failure becomes a ConfigError naming the variable. */
function fromFile<T>(name: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new ConfigError(`invalid configuration: ${name} ${(error as Error).message}`);
  }
}

/** A value given inline (NAME) or as a file (NAME_FILE), not both. */
function either(e: ParsedEnv, name: 'JWT_PRIVATE_KEY' | 'JWT_PREVIOUS_PUBLIC_KEYS'): string | undefined {
  const inline = e[name];
  const file = e[`${name}_FILE`];
  if (inline && file) throw new ConfigError(`invalid configuration: set ${name} or ${name}_FILE, not both`);
  if (!file) return inline || undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`invalid configuration: ${name}_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${file})`);
  }
}

/** The providers of OAUTH_PROVIDERS_FILE or OAUTH_PROVIDERS (none when neither is set); every mistake on its own line. */
function oauthProvidersFrom(e: ParsedEnv, env: Record<string, string | undefined>, isProduction: boolean): OAuthProviderConfig[] {
  if (e.OAUTH_PROVIDERS && e.OAUTH_PROVIDERS_FILE) throw new ConfigError('invalid configuration: set OAUTH_PROVIDERS or OAUTH_PROVIDERS_FILE, not both');
  const name = e.OAUTH_PROVIDERS_FILE ? 'OAUTH_PROVIDERS_FILE' : 'OAUTH_PROVIDERS';
  let text = e.OAUTH_PROVIDERS;
  if (e.OAUTH_PROVIDERS_FILE) {
    try {
      text = readFileSync(e.OAUTH_PROVIDERS_FILE, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `invalid configuration: OAUTH_PROVIDERS_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${e.OAUTH_PROVIDERS_FILE})`,
      );
    }
  }
  if (text === undefined) return [];
  const { providers, problems } = parseOAuthProviders(text, env, isProduction);
  if (problems.length) throw new ConfigError(problems.map((problem) => `invalid configuration: ${name} ${problem}`).join('\n'));
  return providers;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
