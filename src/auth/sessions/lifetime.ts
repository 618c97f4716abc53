/**
 * How long a session lives: an idle timeout (REFRESH_TOKEN_TTL_SECONDS, slid by every refresh) and
 * an absolute maximum counted from sign-in (SESSION_MAX_LIFETIME_SECONDS), so a stolen refresh
 * token kept busy cannot keep a session alive forever (OWASP ASVS 5.0 V7.3).
 */
import type { Config } from '../../config/index.js';

/** When a session created at `createdAt` and used at `now` ends: the earlier of the two limits. */
export function sessionExpiry(config: Pick<Config, 'tokens' | 'sessions'>, createdAt: Date, now: Date): Date {
  const idle = now.getTime() + config.tokens.refreshTtlSeconds * 1000;
  return new Date(Math.min(idle, absoluteEnd(config, createdAt).getTime()));
}

/** The moment a session created at `createdAt` ends however it is used. */
export function absoluteEnd(config: Pick<Config, 'sessions'>, createdAt: Date): Date {
  return new Date(createdAt.getTime() + config.sessions.maxLifetimeSeconds * 1000);
}
