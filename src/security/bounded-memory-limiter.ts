/**
 * In-memory rate limiting with a ceiling on memory. rate-limiter-flexible's RateLimiterMemory
 * keeps every key (and a timer per key) in an unbounded Map until its window ends, so a flood of
 * distinct keys grows the heap without limit. Here every in-memory limiter of a process shares
 * one store that holds at most `maxKeys` counters, forgetting the least recently used one first:
 * a flood evicts stale counters, while the keys an attacker keeps hitting stay hot and counted.
 */
import { RateLimiterRes } from 'rate-limiter-flexible';

/** The operations the account flows use, as both this and rate-limiter-flexible's stores provide them. */
export interface Limiter {
  /** Points allowed per window; the attempt that would exceed them is refused. */
  readonly points: number;
  /** Counts one point; rejects with a RateLimiterRes when the key is over its limit. */
  consume(key: string): Promise<RateLimiterRes>;
  /** The key's current count, or null when it has none (or its window ended). */
  get(key: string): Promise<RateLimiterRes | null>;
  /** Marks the key as over its limit for `seconds`. */
  block(key: string, seconds: number): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

interface Entry {
  consumed: number;
  expiresAt: number;
}

/** One LRU map of counters, shared by the limiters of a process and capped at `maxKeys` entries. */
export class BoundedMemoryStore {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly maxKeys: number) {}

  /** How many counters are held (expired ones included until they are touched or evicted). */
  get size(): number {
    return this.entries.size;
  }

  read(key: string, now: number): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= now) return null;
    this.entries.set(key, entry); // re-inserted: a Map iterates in insertion order, so this marks it most recently used
    return entry;
  }

  write(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }
}

/** A fixed-window limiter of `points` per `seconds` over a shared BoundedMemoryStore. */
export class BoundedMemoryLimiter implements Limiter {
  constructor(
    private readonly store: BoundedMemoryStore,
    private readonly prefix: string,
    readonly points: number,
    private readonly seconds: number,
  ) {}

  consume(key: string): Promise<RateLimiterRes> {
    const now = Date.now();
    const id = this.id(key);
    const current = this.store.read(id, now);
    const entry = current ? { ...current, consumed: current.consumed + 1 } : { consumed: 1, expiresAt: now + this.seconds * 1000 };
    this.store.write(id, entry);
    const res = this.res(entry, now, !current);
    // rate-limiter-flexible's contract: a refusal rejects with its RateLimiterRes, not an Error.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return entry.consumed > this.points ? Promise.reject(res) : Promise.resolve(res);
  }

  get(key: string): Promise<RateLimiterRes | null> {
    const now = Date.now();
    const entry = this.store.read(this.id(key), now);
    return Promise.resolve(entry ? this.res(entry, now, false) : null);
  }

  block(key: string, seconds: number): Promise<RateLimiterRes> {
    const now = Date.now();
    const entry = { consumed: this.points + 1, expiresAt: now + seconds * 1000 };
    this.store.write(this.id(key), entry);
    return Promise.resolve(this.res(entry, now, true));
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.store.delete(this.id(key)));
  }

  private id(key: string): string {
    return `${this.prefix}:${key}`;
  }

  private res(entry: Entry, now: number, first: boolean): RateLimiterRes {
    return new RateLimiterRes(Math.max(this.points - entry.consumed, 0), Math.max(entry.expiresAt - now, 0), entry.consumed, first);
  }
}
