/**
 * What the application needs from the outside world, built once by main.ts (or a test) and passed
 * down; nothing reaches for globals.
 */
import type { AuthCache } from './auth/cache/auth-cache.js';
import type { PasswordHasher } from './auth/passwords/hasher.js';
import type { AccessTokenService } from './auth/tokens/access-token.js';
import type { Clock } from './clock.js';
import type { Config } from './config/index.js';
import type { PrismaClient } from './db/client.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mail/mailer.js';
import type { Translator } from './i18n/translator.js';
import type { RateLimits } from './security/rate-limits.js';

export interface Deps {
  config: Config;
  prisma: PrismaClient;
  logger: Logger;
  clock: Clock;
  accessTokens: AccessTokenService;
  passwords: PasswordHasher;
  /** Used only by the outbox sender; use-cases queue emails in OutboxEmail instead. */
  mailer: Mailer;
  /** Abuse limits for the account flows (see src/security/rate-limits.ts). */
  rateLimits: RateLimits;
  /** Session validity and permissions held for SESSION_CACHE_SECONDS; writers go through auth/cache/invalidate.ts. */
  authCache: AuthCache;
  /** Texts of emails and error messages in English and Spanish, with MAIL_TEMPLATES_DIR's overrides. */
  translator: Translator;
}
