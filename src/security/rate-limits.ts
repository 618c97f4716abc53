/**
 * Abuse limits for the account flows, on rate-limiter-flexible. The store follows the database:
 * in memory for one instance on SQLite; on PostgreSQL the `RateLimiterFlexible` table through
 * Prisma, so every instance counts against the same numbers.
 *
 * Keys are keyed digests (HMAC) of the IP address or normalised email, so the table holds no
 * addresses. Account keys are used whether or not an account exists, so limits reveal nothing.
 *
 * Wiring into the flows (`ip` is `ctx.ip`, `email` the normalizeEmail()'d input):
 *   login:    await rateLimits.check('login', { ip, email });      // before verifying the password
 *             on failure: await rateLimits.consume('login', { ip, email }); then INVALID_CREDENTIALS
 *             on success: await rateLimits.reset('login', { ip, email });
 *   register: await rateLimits.consume('register', { ip });
 *   reset / resend: await rateLimits.consume('passwordReset' | 'resendVerification', { ip, email });
 *             (before the lookup, so unknown addresses count the same)
 *   verify:   await rateLimits.consume('verifyCode', { ip });     // each attempt, before checking
 */
import { createHmac } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config, Rate } from '../config/index.js';
import type { PrismaClient } from '../db/client.js';
import { GatehouseError } from '../errors.js';

export type RateLimitAction = 'login' | 'register' | 'passwordReset' | 'resendVerification' | 'verifyCode';

/** Who is acting: the client IP (`ctx.ip`) and, where the action names one, the normalised email. */
export interface RateLimitSubject {
  ip?: string | null;
  email?: string | null;
}

export interface RateLimits {
  /**
   * Counts one attempt against every limit of `action`; throws RATE_LIMITED if one is exceeded.
   * For `login`, call it on failed attempts only: it also feeds the per-account back-off.
   */
  consume(action: RateLimitAction, subject: RateLimitSubject): Promise<void>;
  /** Throws RATE_LIMITED if `action` is currently refused for the subject (its limit used up), without counting. */
  check(action: RateLimitAction, subject: RateLimitSubject): Promise<void>;
  /** Forgets the subject's per-account counts for `action` (a successful login ends its back-off). */
  reset(action: RateLimitAction, subject: RateLimitSubject): Promise<void>;
}

/** How long consecutive login failures of one account are remembered. */
const LOGIN_FAILURE_MEMORY_SECONDS = 86_400;

type Dimension = 'ip' | 'email';

interface Counter {
  dimension: Dimension;
  limiter: RateLimiterAbstract;
}

export interface RateLimitDeps {
  config: Pick<Config, 'rateLimits' | 'database' | 'jwt'>;
  prisma: PrismaClient;
}

export function createRateLimits({ config, prisma }: RateLimitDeps): RateLimits {
  const settings = config.rateLimits;
  if (!settings.enabled) return { consume: async () => {}, check: async () => {}, reset: async () => {} };

  const shared = config.database.provider === 'postgresql';
  const make = (name: string, points: number, seconds: number, options: { memoryBlock?: boolean } = {}): RateLimiterAbstract => {
    const base = { keyPrefix: `gatehouse:${name}`, points, duration: seconds };
    if (!shared) return new RateLimiterMemory(base);
    return new RateLimiterPrisma({
      ...base,
      storeClient: prisma,
      // The Prisma client's property for the RateLimiterFlexible model.
      tableName: 'rateLimiterFlexible',
      // Expired rows are deleted by the purge job (src/jobs/purge.ts), not by a timer per limiter.
      clearExpiredByTimeout: false,
      // Once a key is over its limit, this instance refuses it from memory for the rest of the
      // window instead of writing to the database on every further attempt. Only for counters that
      // are never reset, since another instance's reset could not clear this memory.
      ...(options.memoryBlock ? { inMemoryBlockOnConsumed: points + 1 } : {}),
    });
  };
  const counter = (name: string, dimension: Dimension, rate: Rate): Counter => ({
    dimension,
    limiter: make(`${name}:${dimension}`, rate.points, rate.seconds, { memoryBlock: true }),
  });

  const counters: Record<RateLimitAction, Counter[]> = {
    login: [counter('login', 'ip', settings.loginIp)],
    register: [counter('register', 'ip', settings.registerIp)],
    passwordReset: [counter('password-reset', 'email', settings.passwordResetEmail), counter('password-reset', 'ip', settings.passwordResetIp)],
    resendVerification: [
      counter('resend-verification', 'email', settings.resendVerificationEmail),
      counter('resend-verification', 'ip', settings.resendVerificationIp),
    ],
    verifyCode: [counter('verify-code', 'ip', settings.verifyCodeIp)],
  };

  // Login back-off per account: consecutive failures are counted, and from the n-th on each one
  // blocks the account for base * 2^(failures - n) seconds, capped; a success forgets them.
  const backoff = settings.loginBackoff;
  const loginFailures = make('login:failures', Number.MAX_SAFE_INTEGER, LOGIN_FAILURE_MEMORY_SECONDS);
  const loginBlock = make('login:block', 1, 1);

  const keyOf = (subject: RateLimitSubject, dimension: Dimension): string | null => {
    const value = dimension === 'ip' ? subject.ip : subject.email;
    // Keyed so the table cannot be reversed by hashing every IPv4 address.
    return value ? createHmac('sha256', config.jwt.derivedKeys.rateLimit).update(`rate-limit\0${dimension}\0${value}`).digest('base64url') : null;
  };

  return {
    async consume(action, subject) {
      let waitMs = 0;
      for (const { dimension, limiter } of counters[action]) {
        const key = keyOf(subject, dimension);
        if (!key) continue;
        try {
          await limiter.consume(key);
        } catch (error) {
          waitMs = Math.max(waitMs, rejectedFor(error));
        }
      }
      const account = action === 'login' ? keyOf(subject, 'email') : null;
      if (account) {
        const { consumedPoints: failures } = await loginFailures.consume(account);
        if (failures >= backoff.afterFailures) {
          const seconds = Math.min(backoff.baseSeconds * 2 ** Math.min(failures - backoff.afterFailures, 30), backoff.maxSeconds);
          await loginBlock.block(account, seconds);
          waitMs = Math.max(waitMs, seconds * 1000);
        }
      }
      if (waitMs > 0) throw rateLimited(waitMs);
    },

    async check(action, subject) {
      let waitMs = 0;
      const probes = counters[action].map(({ dimension, limiter }) => ({ key: keyOf(subject, dimension), limiter }));
      if (action === 'login') probes.push({ key: keyOf(subject, 'email'), limiter: loginBlock });
      for (const { key, limiter } of probes) {
        if (!key) continue;
        const state = await limiter.get(key);
        // `points` failures are allowed; the attempt after them is refused.
        if (state && state.consumedPoints >= limiter.points) waitMs = Math.max(waitMs, state.msBeforeNext);
      }
      if (waitMs > 0) throw rateLimited(waitMs);
    },

    async reset(action, subject) {
      const account = keyOf(subject, 'email');
      if (!account) return;
      const limiters = counters[action].filter((c) => c.dimension === 'email').map((c) => c.limiter);
      if (action === 'login') limiters.push(loginFailures, loginBlock);
      await Promise.all(limiters.map((limiter) => limiter.delete(account)));
    },
  };
}

/** The wait of a rejected consume; anything but a rejection (a store failure) is rethrown. */
function rejectedFor(error: unknown): number {
  if (error instanceof RateLimiterRes) return Math.max(error.msBeforeNext, 1000);
  throw error;
}

/**
 * RATE_LIMITED with `retryAfterSeconds` for clients, and a Retry-After response header: yoga
 * copies an error's `extensions.http.headers` onto the response and strips `http` from the body.
 */
export function rateLimited(waitMs: number): GatehouseError {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new GatehouseError('RATE_LIMITED', {
    message: `Too many attempts; try again in ${retryAfterSeconds} seconds.`,
    details: { retryAfterSeconds, http: { headers: { 'Retry-After': String(retryAfterSeconds) } } },
  });
}
