/**
 * What each environment variable means, for people: docs/configuration.md's table is generated from
 * this and env-schema.ts (`npm run docs`, checked by `npm run docs:check`). Typed by the schema's keys,
 * so a variable without a line here, or a line without a variable, fails the type check.
 */
import type { envSchema } from './env-schema.js';
import { REQUIRABLE_FIELDS } from './profile-fields.js';

export interface EnvDoc {
  /** The default as people should read it; omitted: the schema's default value, or "unset". */
  default?: string;
  meaning: string;
}

export const envDocs: Record<keyof typeof envSchema.shape, EnvDoc> = {
  NODE_ENV: { meaning: '`development`, `test` or `production`. Production requires a strong `JWT_SECRET` and turns GraphiQL off by default.' },
  HOST: {
    meaning:
      'interface to listen on. Not loopback (`127.0.0.0/8`, `::1`, `localhost`; e.g. `0.0.0.0`): a real `JWT_SECRET` is required whatever `NODE_ENV` says, and a development server warns of GraphiQL and introspection (see [security](security.md#development-defaults-and-the-network))',
  },
  PORT: { meaning: 'port to listen on (`0`: any free port)' },
  LOG_LEVEL: { meaning: '`fatal` `error` `warn` `info` `debug` `trace` `silent`' },
  DATABASE_URL: { meaning: '`file:PATH` for SQLite, `postgres://…` or `postgresql://…` for PostgreSQL' },
  MIGRATE_ON_START: { default: 'on for SQLite, off for PostgreSQL', meaning: 'apply pending migrations at start-up' },
  DATABASE_POOL_SIZE: { meaning: 'PostgreSQL connections per instance' },
  DATABASE_PREPARED_STATEMENTS: {
    meaning:
      'PostgreSQL: prepare the refresh statement once per connection under a name. Turn off behind a pooler in transaction mode that does not carry prepared statements across server connections (PgBouncer before 1.21, or without `max_prepared_statements`)',
  },
  DATABASE_CONNECT_TIMEOUT_MS: { meaning: 'PostgreSQL: give up waiting for a connection after this long' },
  SQLITE_BUSY_TIMEOUT_MS: { meaning: 'SQLite: how long a writer waits for the lock' },
  SESSION_CACHE_SECONDS: {
    meaning:
      "how long this instance may answer from memory for a session's validity, its user and their permissions (`0`: read the database on every request). A revocation, deactivation or permission change takes effect at once on the instance that made it; on other PostgreSQL instances when its `NOTIFY` arrives, and at the latest after this long if one is lost; also which webhook event types have a subscriber, so a sign-in skips the endpoint lookup when none has (an endpoint created on another instance may miss events for as long) (see [performance](performance.md#what-is-cached))",
  },
  SESSION_CACHE_MAX_ENTRIES: { meaning: "sessions (and, separately, users' permissions) held in that cache; the oldest go first" },
  JWT_SECRET: {
    default: 'a fixed development secret (loopback `HOST` only)',
    meaning:
      'the secret every key is derived from (HKDF, one key per use: HS256 access tokens, refresh-token successors, code digests, rate-limit keys; see [security](security.md#one-key-per-use)). Required in production and on a non-loopback `HOST` (also with RS256/ES256): at least 32 random characters (`openssl rand -base64 48`).',
  },
  JWT_ISSUER: { meaning: '`iss` claim, checked on every token' },
  JWT_AUDIENCE: { meaning: '`aud` claim, checked on every token' },
  JWT_ALGORITHM: {
    meaning:
      '`HS256` (shared `JWT_SECRET`, tokens only Gatehouse verifies), `RS256` or `ES256` (a key pair; other services verify with the JWKS). No EdDSA: jsonwebtoken 9 does not support it',
  },
  JWT_PRIVATE_KEY: { meaning: 'RS256/ES256: the PEM private key (RSA ≥ 2048 bits, or P-256). A one-line value with literal `\\n`s is accepted' },
  JWT_PRIVATE_KEY_FILE: { meaning: 'instead of `JWT_PRIVATE_KEY`: a file holding it' },
  JWT_KEY_ID: { default: "the key's RFC 7638 thumbprint", meaning: 'the `kid` of the current key' },
  JWT_PREVIOUS_PUBLIC_KEYS: {
    meaning:
      'retired public keys still accepted and published until their tokens expire: PEM blocks (kid = thumbprint) or a JWKS `{"keys":[...]}` (kid as given)',
  },
  JWT_PREVIOUS_PUBLIC_KEYS_FILE: { meaning: 'instead of `JWT_PREVIOUS_PUBLIC_KEYS`: a file holding them' },
  JWT_INCLUDE_CLAIMS: { meaning: 'comma-separated claims added to access tokens: `role`, `groups`, `permissions`' },
  INTROSPECTION_SECRETS: {
    default: 'none (introspection off)',
    meaning:
      'comma-separated secrets services send in `X-Introspection-Secret` to call `verifyAccessToken`; several allow rotation. At least 32 characters each in production',
  },
  ACCESS_TOKEN_TTL_SECONDS: { meaning: 'access-token lifetime' },
  REFRESH_TOKEN_TTL_SECONDS: { meaning: 'refresh-token (session) lifetime, 30 days' },
  REFRESH_GRACE_SECONDS: { meaning: 'how long a just-rotated refresh token still answers (concurrent refreshes)' },
  REFRESH_TOKEN_ROTATION: {
    meaning:
      "`true`: every refresh returns a new refresh token and the old one dies (a rotated-out token presented again ends the session as stolen); `false` (Simple JWT's default, for clients that keep one refresh token): the same refresh token keeps working until its session expires or is revoked, and a stolen one is not detected. See [sessions](sessions-and-tokens.md#refresh-token-rotation-or-not)",
  },
  SESSION_MAX_LIFETIME_SECONDS: {
    meaning:
      'absolute session lifetime from sign-in, 30 days, however often it is refreshed (300 s to 1 year); see [Sessions](sessions-and-tokens.md#session-lifetime-and-concurrent-sessions)',
  },
  MAX_SESSIONS_PER_USER: {
    default: '`0` (no cap)',
    meaning: 'live sessions one user may hold; a sign-in beyond it revokes the oldest (audited `auth.session_revoked`, reason `session_limit`)',
  },
  PASSWORD_HASH_MEMORY_KIB: { meaning: 'argon2id memory cost (OWASP: 19 MiB)' },
  PASSWORD_HASH_ITERATIONS: { meaning: 'argon2id time cost' },
  PASSWORD_HASH_PARALLELISM: { meaning: 'argon2id lanes' },
  PASSWORD_HASH_CONCURRENCY: {
    default: 'number of CPU cores',
    meaning: 'argon2id hashes computed at once; more wait their turn (each holds `PASSWORD_HASH_MEMORY_KIB` while it runs)',
  },
  PASSWORD_HASH_MAX_QUEUE: {
    meaning: 'hashes allowed to wait for a turn; beyond them the request gets `SERVICE_UNAVAILABLE` with `Retry-After: 1` at once (0: none may wait)',
  },
  PASSWORD_MIN_LENGTH: { meaning: 'minimum length (rule `min_length`); not below 8 (NIST SP 800-63B)' },
  PASSWORD_MAX_LENGTH: { meaning: 'maximum length, always enforced (bounds hashing cost); 64 to 4096, so passphrases fit' },
  PASSWORD_VALIDATORS: {
    meaning:
      "which of Django's four rules are on: similarity to email/username/names, minimum length, the 49,233-entry common-password list of `@zxcvbn-ts/language-common`, entirely numeric",
  },
  PASSWORD_MAX_SIMILARITY: {
    meaning: "similarity (difflib ratio) at which a password is too close to the user's attributes; the first 128 characters of each side are compared",
  },
  GRAPHIQL: { default: 'on unless production', meaning: 'serve GraphiQL at `/graphql` to browsers (self-contained; sends the CSRF header in cookie mode)' },
  CONSOLE: {
    default: 'on unless production',
    meaning:
      'serve the web console at `/account` (every user) and `/admin` (staff), built by `npm run build` (see [the console](console.md)). It signs in through cookie mode (`AUTH_COOKIES`, on by default in development; `CONSOLE=on` without it refuses to start; left to its default, the pages say what to set)',
  },
  REQUIRE_EMAIL_VERIFICATION: {
    meaning: 'an unverified account cannot sign in (`EMAIL_NOT_VERIFIED`); off: it can, and may verify later. An account without an address has none to verify',
  },
  LOGIN_IDENTIFIERS: {
    meaning:
      "what `login`'s `identifier` is: `email`, `username` (Django's `USERNAME_FIELD = 'username'`), or `both` (an address is looked up as an email first); see [Accounts](accounts.md#usernames). With `username` or `both` an account may have no email address ([Accounts](accounts.md#accounts-without-an-email-address))",
  },
  REGISTRATION_MODE: {
    meaning:
      '`open`: anyone may `register`; `invite-only`: `register` answers `REGISTRATION_CLOSED` and accounts come from staff (`createUser`, with `sendInvite` for a link to choose a password), the CLI and the Django import; `closed`: invitations are refused too (`REGISTRATION_CLOSED`), accounts come only with a password set by staff, the CLI or the import',
  },
  REGISTRATION_REQUIRED_FIELDS: {
    meaning: `profile fields \`register\` requires, comma-separated: ${REQUIRABLE_FIELDS.map((name) => `\`${name}\``).join(', ')}`,
  },
  VERIFICATION_CODE_TTL_SECONDS: { meaning: 'lifetime of emailed 6-digit codes (verification, email change)' },
  VERIFICATION_CODE_MAX_ATTEMPTS: { meaning: 'tries per code, counted atomically' },
  PASSWORD_RESET_TTL_SECONDS: { meaning: 'lifetime of a reset link' },
  PROFILE_UPDATE_NOTICE: { meaning: 'email an "account updated" notice after `updateProfile`' },
  USER_ATTRIBUTES_SCHEMA: {
    default: '(none: no attributes)',
    meaning:
      'a JSON Schema file declaring the custom user attributes (`User.attributes`); each property carries `"x-gatehouse-editable": "self"` or `"admin"` and optionally `"x-gatehouse-claim": true`; checked at start-up (see [Accounts](accounts.md#custom-attributes))',
  },
  USER_ATTRIBUTES_MAX_BYTES: { meaning: "bound on a user's attributes as JSON text (UTF-8 bytes); a larger write is `VALIDATION_FAILED`" },
  DEFAULT_LOCALE: {
    meaning:
      'language of emails and error messages (`en`, `es`) when the user has no `locale` and the request no usable `Accept-Language` (see [Languages](i18n.md))',
  },
  MAIL_TEMPLATES_DIR: {
    default: '(none)',
    meaning:
      'a folder of `en.json` / `es.json` files whose keys override the built-in email texts (see [Languages](i18n.md#overriding-email-texts)); checked at start-up',
  },
  APP_BASE_URL: { meaning: 'your front end; email links start here' },
  PASSWORD_RESET_URL: {
    default:
      '`APP_BASE_URL/reset-password?token={token}`; with the console working and `APP_BASE_URL` unset, `http://HOST:PORT/account/reset-password?token={token}`',
    meaning: 'the reset page; `{token}` is replaced',
  },
  EMAIL_VERIFICATION_URL: {
    default:
      '`APP_BASE_URL/verify-email?token={token}`; with the console working and `APP_BASE_URL` unset, `http://HOST:PORT/account/verify-email?token={token}`',
    meaning: "the page a verification email's link opens (it calls `verifyEmailWithToken`); `{token}` is replaced",
  },
  AUTH_COOKIES: {
    default: 'on in development, else off',
    meaning:
      'cookie mode for browsers (see [Cookie mode](sessions-and-tokens.md#cookie-mode-for-browsers)); turns CSRF prevention on. On by default in development so that `npm start` serves a console that signs in; Bearer clients are unaffected (they send no cookies)',
  },
  AUTH_COOKIE_SECURE: { meaning: "the cookies' `Secure` flag; `false` only for local http development" },
  AUTH_COOKIE_ACCESS_NAME: { meaning: 'access cookie name' },
  AUTH_COOKIE_REFRESH_NAME: { meaning: 'refresh cookie name' },
  AUTH_COOKIE_DOMAIN: { default: '(host only)', meaning: "the cookies' `Domain`" },
  AUTH_COOKIE_SAMESITE: {
    meaning:
      "the cookies' `SameSite`: `lax`, `strict`, or `none` (a front end on another site; needs `AUTH_COOKIE_SECURE` on, and the CSRF header still guards every request)",
  },
  AUTH_COOKIE_SILENT_REFRESH: {
    meaning:
      'cookie mode: a request without a usable access cookie but with a valid refresh cookie is served as its user and gets fresh cookies in the same response (the usual rotation rules), so a cookie SPA needs no refresh code; `false`: such requests are anonymous until the client calls `refreshToken`',
  },
  LOGIN_URL: { meaning: 'your sign-in page: added to `UNAUTHENTICATED` errors as `extensions.loginUrl`, so clients know where to send people' },
  CSRF_HEADERS: { meaning: 'in cookie mode, any one of these headers satisfies CSRF prevention' },
  SMTP_HOST: {
    meaning: 'SMTP server; unset: emails are written as `.eml` files into `MAIL_DIR` and their recipient and path are logged (never the subject or body)',
  },
  SMTP_PORT: { meaning: 'SMTP port' },
  SMTP_SECURE: { meaning: 'TLS from the start (port 465)' },
  SMTP_STARTTLS: { meaning: 'require STARTTLS (refuse to send in clear); otherwise STARTTLS is used when offered' },
  SMTP_USER: { meaning: 'SMTP authentication' },
  SMTP_PASSWORD: { meaning: 'SMTP authentication' },
  SMTP_TIMEOUT_MS: { meaning: 'connection, greeting and socket timeouts' },
  MAIL_FROM: { meaning: 'sender address' },
  MAIL_DIR: { meaning: 'where `.eml` files go without `SMTP_HOST`' },
  MAIL_SEND_INTERVAL_MS: {
    meaning:
      'how long the outbox sender waits after a pass before looking for due emails again (none after a pass that took a full batch of 20: a backlog is drained at once)',
  },
  MAIL_MAX_ATTEMPTS: { meaning: 'attempts before an email is marked `FAILED`' },
  MAIL_RETRY_BASE_SECONDS: { meaning: 'first retry delay; doubles per attempt (at most 6 h)' },
  WEBHOOK_SEND_INTERVAL_MS: {
    meaning: 'how long the webhook worker waits after a pass before looking for due deliveries again (none after a pass that took a full batch of 20)',
  },
  WEBHOOK_TIMEOUT_MS: { meaning: 'time one delivery attempt may take (connect, send, response headers)' },
  WEBHOOK_MAX_ATTEMPTS: { meaning: 'attempts before a delivery is marked `FAILED`' },
  WEBHOOK_RETRY_BASE_SECONDS: { meaning: 'first retry delay of a delivery; doubles per attempt (at most 6 h)' },
  WEBHOOK_DISABLE_AFTER_FAILURES: { meaning: 'failed attempts in a row (across deliveries) after which an endpoint is disabled and audited' },
  WEBHOOK_SECRET_GRACE_SECONDS: {
    meaning: 'after `rotateWebhookSecret`, how long the old secret still signs beside the new one (0: not at all); the mutation may give its own',
  },
  WEBHOOK_ALLOW_HTTP: { meaning: 'accept `http://` endpoint URLs (otherwise `https://` only)' },
  WEBHOOK_ALLOW_PRIVATE_TARGETS: {
    meaning:
      'deliver to loopback, private, link-local, unique-local and metadata addresses (refused by default against SSRF; see [webhooks](webhooks.md#ssrf))',
  },
  INTROSPECTION: {
    default: 'on unless production',
    meaning: 'allow schema introspection; field suggestions ("Did you mean …?") are shown only when it is on. GraphiQL needs it.',
  },
  GRAPHQL_MAX_BODY_BYTES: { meaning: 'largest request body; larger ones get `413` + `PAYLOAD_TOO_LARGE` before parsing' },
  GRAPHQL_MAX_DEPTH: { meaning: 'deepest selection nesting (`__schema` introspection is exempt)' },
  GRAPHQL_MAX_COST: {
    meaning:
      "query cost: the fields an operation may resolve, each counted once per object it is resolved on, a list counted as its `first` (a variable: the list's maximum) or its typical size; see [Security](security.md)",
  },
  GRAPHQL_MAX_ALIASES: { meaning: 'aliases per operation' },
  GRAPHQL_MAX_DIRECTIVES: { meaning: 'directives per operation' },
  GRAPHQL_MAX_TOKENS: { meaning: 'lexical tokens per document (checked while parsing)' },
  GRAPHQL_BATCH_LIMIT: { meaning: 'operations per batched (JSON array) request; `0` turns batching off' },
  CORS_ORIGINS: {
    default: 'empty (no CORS)',
    meaning:
      'comma-separated browser origins allowed to call the API with credentials, e.g. `https://app.example.com,http://localhost:5173`; `https://*.example.com` allows every subdomain of example.com over https on the default port (exact scheme and port; no bare `*`, no wildcard over one label like `*.com`)',
  },
  TRUST_PROXY: {
    default: 'empty (trust none)',
    meaning:
      'which proxies may name the client in `X-Forwarded-For`: a number of hops, or proxy addresses / CIDR ranges (`10.0.0.0/8,::1`). See [Client IP](security.md#client-ip-and-trust_proxy).',
  },
  RATE_LIMITS_ENABLED: { meaning: 'turn every rate limit off (load tests only)' },
  RATE_LIMIT_LOGIN_IP: { default: '`30/15m`', meaning: 'failed sign-ins per IP (rates are `POINTS/DURATION`, duration in `s` `m` `h` `d` or seconds)' },
  LOGIN_BACKOFF_AFTER_FAILURES: { meaning: "consecutive failed sign-ins of one account from one IP before that pair's back-off starts" },
  LOGIN_BACKOFF_BASE_SECONDS: { meaning: 'first back-off; doubles with each further failure' },
  LOGIN_BACKOFF_MAX_SECONDS: { meaning: 'longest back-off' },
  RATE_LIMIT_REGISTER_IP: { default: '`10/1h`', meaning: 'registrations per IP' },
  RATE_LIMIT_PASSWORD_RESET_EMAIL: { default: '`3/1h`', meaning: 'password-reset requests per email address' },
  RATE_LIMIT_PASSWORD_RESET_IP: { default: '`20/1h`', meaning: 'password-reset requests per IP' },
  RATE_LIMIT_RESEND_VERIFICATION_EMAIL: { default: '`3/1h`', meaning: 'verification-email resends per address' },
  RATE_LIMIT_RESEND_VERIFICATION_IP: { default: '`20/1h`', meaning: 'verification-email resends per IP' },
  DATA_ENCRYPTION_KEY: {
    default: 'a fixed development key (not in production)',
    meaning:
      'encrypts secrets that must be read back (authenticator-app seeds) with AES-256-GCM under a key derived from it (HKDF). Required in production: at least 32 random characters (`openssl rand -base64 48`). Rotation: see [second factors](second-factors.md#rotating-the-data-encryption-key)',
  },
  DATA_ENCRYPTION_PREVIOUS_KEYS: {
    meaning: 'comma-separated earlier `DATA_ENCRYPTION_KEY`s: still decrypted, and re-encrypted under the current key when used',
  },
  MFA_ISSUER: { meaning: 'the name authenticator apps show beside the account, and the passkey relying party name' },
  MFA_REQUIRED_FOR: {
    meaning:
      '`none`, `staff` (staff and superusers), `superuser` or `all`: who must have a second factor; such a user without one signs in only to enrol (`MFA_ENROLLMENT_REQUIRED`)',
  },
  MFA_CHALLENGE_TTL_SECONDS: { meaning: "lifetime of an `MfaChallenge`'s `mfaToken` (single use)" },
  MFA_CHALLENGE_MAX_ATTEMPTS: { meaning: 'wrong codes one `mfaToken` takes before it dies (sign in again)' },
  REAUTH_WINDOW_SECONDS: {
    meaning: 'how long a fresh proof (sign-in, password or second factor) lets a session change its password, email or factors without another',
  },
  WEBAUTHN_RP_ID: { meaning: "the passkey relying party id: your site's registrable domain (e.g. `example.com`)" },
  WEBAUTHN_ORIGINS: { meaning: 'comma-separated origins passkey ceremonies may come from (e.g. `https://app.example.com`)' },
  WEBAUTHN_USER_VERIFICATION: { meaning: '`required`, `preferred` or `discouraged`: whether the authenticator must verify the person (PIN, biometrics)' },
  WEBAUTHN_CHALLENGE_TTL_SECONDS: { meaning: "lifetime of a passkey ceremony's challenge (single use)" },
  EMAIL_SIGN_IN: { meaning: 'passwordless sign-in by an emailed code or link (`requestSignInCode`)' },
  SIGN_IN_URL: { default: '`APP_BASE_URL/sign-in?token={token}`', meaning: 'the page the sign-in link opens; `{token}` is replaced' },
  EMAIL_SIGN_IN_TTL_SECONDS: { meaning: 'lifetime of an emailed sign-in code and link (at most 600: OWASP ASVS 5.0 6.5.5)' },
  OAUTH_PROVIDERS_FILE: {
    meaning:
      'a JSON file listing the OAuth / OpenID Connect providers people may sign in with (Google, Microsoft, GitHub, GitLab, any OIDC issuer); format and walkthrough in [social sign-in](social-sign-in.md). Checked at start-up, one line per mistake',
  },
  OAUTH_PROVIDERS: { meaning: 'instead of `OAUTH_PROVIDERS_FILE`: the same JSON inline' },
  OAUTH_RETURN_URLS: {
    meaning:
      'cookie mode: the pages `GET /oauth/start/PROVIDER?returnTo=…` may send people back to after the provider (exact URLs, comma-separated; the first is the default). Empty: the routes answer 404',
  },
  OAUTH_STATE_TTL_SECONDS: {
    meaning: 'how long an OAuth sign-in or link may take between its start and its completion (state, PKCE verifier and nonce are kept that long, single use)',
  },
  RATE_LIMIT_VERIFY_CODE_IP: { default: '`30/15m`', meaning: 'code-verification attempts per IP (each code also caps its own attempts)' },
  RATE_LIMIT_LOGIN_ACCOUNT: {
    default: '`100/1d`',
    meaning:
      'failed sign-ins of one account from all addresses together; past it only addresses the account signed in from in the last 30 days may try (a password reset starts it afresh)',
  },
  RATE_LIMIT_PASSWORD_CHECK_USER: {
    default: '`10/15m`',
    meaning: 'current-password checks per user (`changePassword`, `requestEmailChange`, `deactivateAccount`, …), right or wrong',
  },
  RATE_LIMIT_PASSWORD_CHECK_IP: { default: '`30/15m`', meaning: 'current-password checks per IP' },
  RATE_LIMIT_EMAIL_CHANGE_USER: { default: '`5/1h`', meaning: '`requestEmailChange` mails per user' },
  RATE_LIMIT_EMAIL_CHANGE_EMAIL: { default: '`3/1h`', meaning: '`requestEmailChange` mails per target address' },
  RATE_LIMIT_MFA_USER: { default: '`10/15m`', meaning: 'second-factor codes (authenticator or recovery) tried per user, right or wrong' },
  RATE_LIMIT_MFA_IP: { default: '`30/15m`', meaning: 'second-factor codes tried per IP' },
  RATE_LIMIT_SIGN_IN_CODE_EMAIL: { default: '`5/1h`', meaning: 'emailed sign-in codes requested per address' },
  RATE_LIMIT_SIGN_IN_CODE_IP: { default: '`20/1h`', meaning: 'emailed sign-in codes requested, and tried, per IP' },
  RATE_LIMIT_PASSKEY_IP: { default: '`60/15m`', meaning: 'passkey ceremonies started per IP' },
  RATE_LIMIT_OAUTH_IP: { default: '`60/15m`', meaning: 'OAuth sign-ins and links started or completed per IP (each start and each completion counts)' },
  RATE_LIMIT_MEMORY_KEYS: {
    meaning: 'counters the in-memory store (SQLite) holds at most, about 230 bytes each; the least recently used is forgotten first (100 to 10,000,000)',
  },
  RATE_LIMIT_IPV6_PREFIX: {
    meaning: 'IPv6 clients are counted per network of this prefix length in every per-IP limit (1 to 128); IPv4-mapped addresses count as IPv4',
  },
  PURGE_INTERVAL_SECONDS: { meaning: 'how often expired tokens, sessions, rate-limit rows and old sent/failed emails are deleted; `0` turns the job off' },
  PURGE_REVOKED_SESSIONS_AFTER_DAYS: { meaning: 'revoked sessions are kept this long (session history) before deletion' },
  PURGE_OUTBOX_AFTER_DAYS: {
    meaning:
      '`SENT` and `FAILED` outbox emails and webhook deliveries are kept this long after they were written (delivery history), then deleted; pending ones never are',
  },
  GATEHOUSE_PASSWORD: {
    meaning: "`createuser`, `createstaffuser`, `createsuperuser` with `--no-input`: the new account's password (kept out of shell history and `ps`)",
  },
  DEFAULT_ADMIN_EMAIL: { meaning: '`initdefaultadmin`: email of the superuser to create when there is none' },
  DEFAULT_ADMIN_PASSWORD: { meaning: '`initdefaultadmin`: its initial password (change it after the first sign-in)' },
};
