/**
 * Password hashing with argon2id. Hashing runs on libuv's thread pool (argon2's native binding),
 * never on the event loop, at most `concurrency` at once (default: one per core): more would not
 * hash faster, only hold 19 MiB each and take CPU from the event loop and the pool's other users.
 * Hashes imported from Django (see ./legacy) verify too, and always report `needsRehash`, so the
 * login flow upgrades them to argon2id in the same request. A stored hash whose parameters cost more
 * than a login can afford (./hash-caps.ts) is never computed: it is answered as a wrong password.
 *
 * The queue is bounded too (`maxQueue` waiting beyond those running): without a bound, a burst of
 * wrong passwords (or aliased password checks) makes every sign-in wait behind it. Beyond the
 * bound a call fails at once with SERVICE_UNAVAILABLE and a Retry-After hint.
 */
import argon2 from 'argon2';
import pLimit from 'p-limit';
import type { Config } from '../../config/index.js';
import { GatehouseError, messageText } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { hashOverCaps, verificationCaps } from './hash-caps.js';
import { verifyLegacyHash } from './legacy/index.js';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * True when `password` matches `hash` (argon2, or a legacy Django format); false for a mismatch
   * or an unreadable hash.
   */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when `hash` is not argon2id with the parameters in force (a legacy or weaker hash). */
  needsRehash(hash: string): boolean;
  /**
   * Verifies against a fixed dummy hash and returns false, so an unknown account costs the same
   * time as a wrong password.
   */
  verifyDummy(password: string): Promise<false>;
}

/** @param logger where a refused over-cap hash is reported (warn). */
export function createPasswordHasher(params: Config['passwords']['argon2'], logger?: Pick<Logger, 'warn'>): PasswordHasher {
  const options = {
    type: argon2.argon2id as 2,
    raw: false as const,
    memoryCost: params.memoryKib,
    timeCost: params.iterations,
    parallelism: params.parallelism,
  };
  const pool = pLimit(params.concurrency);
  /** Runs `work` in turn, or refuses when the queue is full (counted before this call joins it). */
  const limit = <T>(work: () => Promise<T>): Promise<T> => {
    if (pool.activeCount + pool.pendingCount >= params.concurrency + params.maxQueue) return Promise.reject(busy());
    return pool(work);
  };
  const caps = verificationCaps(params);
  let dummy: Promise<string> | undefined;
  const compute = (hash: string, password: string): Promise<boolean> =>
    limit(() => (hash.startsWith('$argon2') ? argon2.verify(hash, password) : verifyLegacyHash(hash, password))).catch((error: unknown) => {
      // An unreadable hash is a mismatch; a full queue is not, and reaches the caller.
      if (error instanceof GatehouseError) throw error;
      return false;
    });
  const verifyDummy = async (password: string): Promise<false> => {
    dummy ??= pool(() => argon2.hash('gatehouse-dummy-password', options));
    await compute(await dummy, password);
    return false;
  };
  const verify = async (hash: string, password: string) => {
    const over = hashOverCaps(hash, caps);
    if (over === null) return compute(hash, password);
    // Not computed; the work of a wrong password instead, so the answer and its timing are the same.
    logger?.warn({ reason: over }, 'a stored password hash costs more than the caps allow: treated as not matching (the user must reset the password)');
    return verifyDummy(password);
  };
  return {
    hash: (password) => limit(() => argon2.hash(password, options)),
    verify,
    needsRehash: (hash) => {
      try {
        // argon2's own check compares version and costs but not the variant (argon2i/argon2d).
        return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, options);
      } catch {
        return true;
      }
    },
    verifyDummy,
  };
}

/** How long a client is told to wait when the queue is full: hashes take tens of milliseconds. */
const BUSY_RETRY_SECONDS = 1;

function busy(): GatehouseError {
  return new GatehouseError('SERVICE_UNAVAILABLE', {
    message: messageText('serverBusy'),
    details: { retryAfterSeconds: BUSY_RETRY_SECONDS, http: { headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } } },
  });
}
