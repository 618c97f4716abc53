/**
 * Password hashing with argon2id. Hashing runs on libuv's thread pool (argon2's native binding),
 * never on the event loop.
 */
import argon2 from 'argon2';
import type { Config } from '../../config/index.js';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True when `password` matches the argon2 `hash`; false for a mismatch or an unreadable hash. */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when `hash` was made with other (e.g. weaker) parameters than those in force. */
  needsRehash(hash: string): boolean;
  /**
   * Verifies against a fixed dummy hash and returns false, so an unknown account costs the same
   * time as a wrong password.
   */
  verifyDummy(password: string): Promise<false>;
}

export function createPasswordHasher(params: Config['passwords']['argon2']): PasswordHasher {
  const options = { type: argon2.argon2id as 2, raw: false as const, memoryCost: params.memoryKib, timeCost: params.iterations, parallelism: params.parallelism };
  let dummy: Promise<string> | undefined;
  const verify = async (hash: string, password: string) => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => argon2.hash(password, options),
    verify,
    needsRehash: (hash) => {
      try {
        return argon2.needsRehash(hash, options);
      } catch {
        return true;
      }
    },
    async verifyDummy(password) {
      dummy ??= argon2.hash('gatehouse-dummy-password', options);
      await verify(await dummy, password);
      return false;
    },
  };
}
