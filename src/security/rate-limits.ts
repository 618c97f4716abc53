/**
 * Abuse limits for the account flows, on rate-limiter-flexible. The store follows the database:
 * in memory for one instance on SQLite (a shared LRU store with a key cap, see
 * ./bounded-memory-limiter.ts); on PostgreSQL the `RateLimiterFlexible` table through Prisma, so
 * every instance counts against the same numbers.
 *
 * Keys are keyed digests (HMAC) of the IP address (IPv6 by its prefix, see ./ip-key.ts), the
 * normalised email, the user id or the account, so the table holds no addresses. Account keys are
 * used whether or not an account exists, so limits reveal nothing.
 *
 * Limits are checked in order, per-IP first, and the first refusal stops: a flood from one address
 * is refused on its IP counter and creates no further keys (no row per junk address on
 * PostgreSQL). Callers pass an email only once it is syntactically valid (lookupEmail).
 *
 * Wiring into the flows (`ip` is `ctx.ip`, `email` the lookupEmail()'d input or null):
 *   login:    await rateLimits.check('login', { ip, email, generation });   // before verifying the password
 *             on failure: await rateLimits.consume('login', { ip, email, generation }); then INVALID_CREDENTIALS
 *             on success: await rateLimits.reset('login', { ip, email, generation });
 *   register: await rateLimits.consume('register', { ip });
 *   reset / resend: await rateLimits.consume('passwordReset' | 'resendVerification', { ip, email });
 *             (before the lookup, so unknown addresses count the same)
 *   verify:   await rateLimits.consume('verifyCode', { ip });     // each attempt, before checking
 *   password re-check: await rateLimits.consume('passwordCheck', { ip, userId });  // each attempt, before hashing
 *   email change: await rateLimits.consume('emailChange', { userId, email: newEmail });
 *   second-factor code: await rateLimits.consume('mfaCode', { ip, userId });    // each attempt, before checking
 *   emailed sign-in code: await rateLimits.consume('signInCode', { ip, email });  // each request
 *             and each try of a code or link: await rateLimits.consume('signInCode', { ip });
 *   passkey ceremony: await rateLimits.consume('passkey', { ip });               // each start
 *   OAuth sign-in or link: await rateLimits.consume('oauth', { ip });             // each start and each completion
 */
import { createHmac } from 'node:crypto';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config, Rate } from '../config/index.js';
import type { PrismaClient } from '../db/client.js';
import { GatehouseError, messageText } from '../errors.js';
import { BoundedMemoryLimiter, BoundedMemoryStore, type Limiter } from './bounded-memory-limiter.js';
import { ipKey } from './ip-key.js';

export type RateLimitAction =
  | 'login'
  | 'register'
  | 'passwordReset'
  | 'resendVerification'
  | 'verifyCode'
  | 'passwordCheck'
  | 'emailChange'
  | 'mfaCode'
  | 'signInCode'
  | 'passkey'
  | 'oauth';

/** Who is acting: the client IP (`ctx.ip`) and, where the action names them, an email or a user. */
export interface RateLimitSubject {
  ip?: string | null;
  /** A normalised, syntactically valid email address; never raw input. */
  email?: string | null;
  userId?: string | null;
  /**
   * For `login`: the account's credential generation (when its password last changed). The
   * account's back-off and ceiling are keyed with it, so a password reset starts them afresh.
   */
  generation?: string | null;
}

export interface RateLimits {
  /**
   * Counts one attempt against the limits of `action`, per-IP first, stopping at the first one
   * exceeded: throws RATE_LIMITED. For `login`, call it on failed attempts only: it also feeds
   * the (account, IP) back-off and the per-account ceiling.
   */
  consume(action: RateLimitAction, subject: RateLimitSubject): Promise<void>;
  /** Throws RATE_LIMITED if `action` is currently refused for the subject (its limit used up), without counting. */
  check(action: RateLimitAction, subject: RateLimitSubject): Promise<void>;
  /** A successful login: ends the back-off of this (account, IP) and marks the address as known to the account. */
  reset(action: 'login', subject: RateLimitSubject): Promise<void>;
  /** Counters held in process memory (0 on PostgreSQL, whose counters are rows): for monitoring. */
  memoryKeys(): number;
}

/** How long consecutive login failures of one (account, IP) are remembered. */
const LOGIN_FAILURE_MEMORY_SECONDS = 86_400;
/** How long an address stays known to an account after a successful sign-in from it. */
const KNOWN_ADDRESS_SECONDS = 30 * 86_400;

type Dimension = 'ip' | 'email' | 'user' | 'account' | 'accountIp';

interface Counter {
  dimension: Dimension;
  limiter: Limiter;
}

export interface RateLimitDeps {
  config: Pick<Config, 'rateLimits' | 'database' | 'jwt'>;
  prisma: PrismaClient;
}

export function createRateLimits({ config, prisma }: RateLimitDeps): RateLimits {
  const settings = config.rateLimits;
  if (!settings.enabled) return { consume: async () => {}, check: async () => {}, reset: async () => {}, memoryKeys: () => 0 };

  const shared = config.database.provider === 'postgresql';
  const memory = new BoundedMemoryStore(settings.memoryKeys);
  const make = (name: string, points: number, seconds: number, options: { memoryBlock?: boolean } = {}): Limiter => {
    if (!shared) return new BoundedMemoryLimiter(memory, `gatehouse:${name}`, points, seconds);
    return new RateLimiterPrisma({
      keyPrefix: `gatehouse:${name}`,
      points,
      duration: seconds,
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

  // Per-IP counters come first in each list: see consume().
  const counters: Record<RateLimitAction, Counter[]> = {
    login: [counter('login', 'ip', settings.loginIp)],
    register: [counter('register', 'ip', settings.registerIp)],
    passwordReset: [counter('password-reset', 'ip', settings.passwordResetIp), counter('password-reset', 'email', settings.passwordResetEmail)],
    resendVerification: [
      counter('resend-verification', 'ip', settings.resendVerificationIp),
      counter('resend-verification', 'email', settings.resendVerificationEmail),
    ],
    verifyCode: [counter('verify-code', 'ip', settings.verifyCodeIp)],
    passwordCheck: [counter('password-check', 'ip', settings.passwordCheckIp), counter('password-check', 'user', settings.passwordCheckUser)],
    emailChange: [counter('email-change', 'user', settings.emailChangeUser), counter('email-change', 'email', settings.emailChangeEmail)],
    mfaCode: [counter('mfa-code', 'ip', settings.mfaIp), counter('mfa-code', 'user', settings.mfaUser)],
    signInCode: [counter('sign-in-code', 'ip', settings.signInCodeIp), counter('sign-in-code', 'email', settings.signInCodeEmail)],
    passkey: [counter('passkey', 'ip', settings.passkeyIp)],
    oauth: [counter('oauth', 'ip', settings.oauthIp)],
  };

  // Login back-off per (account, IP): consecutive failures are counted, and from the n-th on each
  // one blocks that pair for base * 2^(failures - n) seconds, capped; a success forgets them.
  // Keyed on the pair, so failures from one address never keep the owner out from another.
  const backoff = settings.loginBackoff;
  const loginFailures = make('login:failures', Number.MAX_SAFE_INTEGER, LOGIN_FAILURE_MEMORY_SECONDS);
  const loginBlock = make('login:block', 1, 1);
  // Failures against one account from every address together: a ceiling far above any owner's
  // typing that bounds distributed guessing. It spares addresses the account signed in from before.
  const loginAccount = counter('login', 'account', settings.loginAccount);
  const knownAddress = make('login:known', 1, KNOWN_ADDRESS_SECONDS);

  const keyOf = (subject: RateLimitSubject, dimension: Dimension): string | null => {
    const value = valueOf(subject, dimension, settings.ipv6Prefix);
    // Keyed so the table cannot be reversed by hashing every IPv4 address.
    return value ? createHmac('sha256', config.jwt.derivedKeys.rateLimit).update(`rate-limit\0${dimension}\0${value}`).digest('base64url') : null;
  };

  return {
    async consume(action, subject) {
      for (const { dimension, limiter } of counters[action]) {
        const key = keyOf(subject, dimension);
        if (!key) continue;
        // The first refusal ends it: a refused IP creates no per-email (or per-user) keys.
        await limiter.consume(key).catch(rethrowRejection);
      }
      if (action !== 'login') return;
      let waitMs = 0;
      const pair = keyOf(subject, 'accountIp');
      if (pair) {
        const { consumedPoints: failures } = await loginFailures.consume(pair);
        if (failures >= backoff.afterFailures) {
          const seconds = Math.min(backoff.baseSeconds * 2 ** Math.min(failures - backoff.afterFailures, 30), backoff.maxSeconds);
          await loginBlock.block(pair, seconds);
          waitMs = seconds * 1000;
        }
      }
      const account = keyOf(subject, 'account');
      if (account) {
        try {
          await loginAccount.limiter.consume(account);
        } catch (error) {
          waitMs = Math.max(waitMs, rejectedFor(error));
        }
      }
      if (waitMs > 0) throw rateLimited(waitMs);
    },

    async check(action, subject) {
      const probes = counters[action].map(({ dimension, limiter }) => ({ key: keyOf(subject, dimension), limiter }));
      if (action === 'login') probes.push({ key: keyOf(subject, 'accountIp'), limiter: loginBlock });
      for (const { key, limiter } of probes) {
        const waitMs = key ? await usedUp(limiter, key) : 0;
        if (waitMs > 0) throw rateLimited(waitMs);
      }
      if (action !== 'login') return;
      const account = keyOf(subject, 'account');
      const waitMs = account ? await usedUp(loginAccount.limiter, account) : 0;
      if (waitMs === 0) return;
      const pair = keyOf(subject, 'accountIp');
      if (!pair || !(await knownAddress.get(pair))) throw rateLimited(waitMs);
    },

    async reset(_action, subject) {
      const pair = keyOf(subject, 'accountIp');
      if (!pair) return;
      await Promise.all([loginFailures.delete(pair), loginBlock.delete(pair), knownAddress.block(pair, KNOWN_ADDRESS_SECONDS)]);
    },

    memoryKeys: () => memory.size,
  };
}

/** What a subject contributes to a key of `dimension`, or null when it has nothing for it. */
function valueOf(subject: RateLimitSubject, dimension: Dimension, ipv6Prefix: number): string | null {
  const ip = subject.ip ? ipKey(subject.ip, ipv6Prefix) : null;
  const account = subject.email ? `${subject.email}\0${subject.generation ?? ''}` : null;
  switch (dimension) {
    case 'ip':
      return ip;
    case 'email':
      return subject.email ?? null;
    case 'user':
      return subject.userId ?? null;
    case 'account':
      return account;
    case 'accountIp':
      return account && ip ? `${account}\0${ip}` : null;
  }
}

/** The wait before `limiter` accepts `key` again, or 0 when it has points left. */
async function usedUp(limiter: Limiter, key: string): Promise<number> {
  const state = await limiter.get(key);
  // `points` attempts are allowed; the one after them is refused.
  return state && state.consumedPoints >= limiter.points ? Math.max(state.msBeforeNext, 1) : 0;
}

function rethrowRejection(error: unknown): never {
  throw rateLimited(rejectedFor(error));
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
    message: messageText('rateLimited', { seconds: retryAfterSeconds }),
    details: { retryAfterSeconds, http: { headers: { 'Retry-After': String(retryAfterSeconds) } } },
  });
}
