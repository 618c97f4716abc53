/**
 * The in-process cache of the per-request authentication state: each session's row with its user
 * (what `authenticate` checks), each user's effective permissions, and which webhook event types
 * have a subscriber (so a sign-in with none skips the lookup). Bounded in entries and in
 * age (SESSION_CACHE_SECONDS; 0 turns it off); writers drop entries through ./invalidate.ts.
 *
 * A load that overlaps an invalidation is not stored (a generation counter), nor is any load while
 * a writing transaction that invalidated is still open (`hold`): otherwise a read racing the
 * write could put the old state back after it was dropped.
 */
import type { Session, User } from '../../generated/sqlite/client.js';
import type { EffectiveAccess } from '../permissions/effective.js';

export interface CachedViewer {
  session: Session;
  user: User;
}

/**
 * What changed: one user (their sessions, row and permissions), permissions of anyone, the webhook
 * endpoints (which event types anyone subscribes to), or anything.
 */
export type AuthChange = { userId: string } | { permissions: true } | { webhooks: true } | { everything: true };

interface Entry<T> {
  value: T;
  /** performance.now() after which it is loaded again. */
  expiresAt: number;
  /** performance.now() after which a use also reloads it in the background (REFRESH_AHEAD). */
  refreshAt: number;
}

/**
 * A session or permission entry used after this share of its life is reloaded in the background
 * while it keeps answering (until its own expiry, never beyond: the maximum age still bounds what
 * is served). Without it, every entry in use expired every SESSION_CACHE_SECONDS and the requests
 * that found it gone waited for the database: on PostgreSQL a round trip, and under load the event
 * loop's turns around it, which made the p99 of `me` at 64 connections 3.9x its p50 against 2.3x
 * with entries that never expired (bench, issue 12).
 */
const REFRESH_AHEAD = 0.6;

/**
 * Each entry lives between 80 % and 100 % of the maximum age, at random: entries loaded together
 * (after a start, or after a reconnection dropped everything) would otherwise expire together and
 * be loaded again in one burst, every maximum age, which showed as a latency spike on PostgreSQL.
 */
const AGE_SPREAD = 0.2;

export interface AuthCacheOptions {
  /** 0: nothing is cached. */
  maxAgeSeconds: number;
  /** Per map (sessions, users' permissions); the oldest entry goes first. */
  maxEntries: number;
}

/** A Map that forgets its oldest entries beyond `max` and entries older than `maxAgeMs` (see AGE_SPREAD). */
class BoundedMap<T> {
  readonly #entries = new Map<string, Entry<T>>();
  constructor(
    private readonly max: number,
    private readonly maxAgeMs: number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  /** Keys being reloaded in the background: one reload per key at a time. */
  readonly refreshing = new Set<string>();

  get(key: string, now: number): Entry<T> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now > entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, value: T, now: number): void {
    this.#entries.delete(key);
    const life = this.maxAgeMs * (1 - AGE_SPREAD * Math.random());
    this.#entries.set(key, { value, expiresAt: now + life, refreshAt: now + life * REFRESH_AHEAD });
    while (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value!);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  deleteWhere(test: (value: T) => boolean): void {
    for (const [key, entry] of this.#entries) if (test(entry.value)) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}

export class AuthCache {
  readonly #viewers: BoundedMap<CachedViewer>;
  readonly #access: BoundedMap<EffectiveAccess>;
  /** One entry: the event types any enabled webhook endpoint subscribes to (../../webhooks/enqueue.ts). */
  readonly #webhookTypes: BoundedMap<ReadonlySet<string>>;
  readonly #enabled: boolean;
  #generation = 0;
  #holds = 0;

  constructor(options: AuthCacheOptions) {
    this.#enabled = options.maxAgeSeconds > 0 && options.maxEntries > 0;
    this.#viewers = new BoundedMap(options.maxEntries, options.maxAgeSeconds * 1000);
    this.#access = new BoundedMap(options.maxEntries, options.maxAgeSeconds * 1000);
    this.#webhookTypes = new BoundedMap(1, options.maxAgeSeconds * 1000);
  }

  /** Entries held (sessions, users' permissions): for tests and metrics. */
  get size(): { sessions: number; access: number } {
    return { sessions: this.#viewers.size, access: this.#access.size };
  }

  /** The session `sessionId` with its user, from the cache or from `load` (null: not found). */
  async viewer(sessionId: string, load: () => Promise<CachedViewer | null>): Promise<CachedViewer | null> {
    return this.#through(this.#viewers, sessionId, load, true);
  }

  /** A user's effective permissions, from the cache or from `load`. */
  async access(userId: string, load: () => Promise<EffectiveAccess>): Promise<EffectiveAccess> {
    return this.#through(this.#access, userId, load, true);
  }

  /** The event types any enabled webhook endpoint subscribes to, from the cache or from `load`. */
  async webhookEventTypes(load: () => Promise<ReadonlySet<string>>): Promise<ReadonlySet<string>> {
    // Not ahead: its load may read through the caller's transaction, which a background reload would outlive.
    return this.#through(this.#webhookTypes, 'all', load, false);
  }

  /** Forgets a session (e.g. its row was rotated and should be read afresh). */
  forgetSession(sessionId: string): void {
    this.#generation++;
    this.#viewers.delete(sessionId);
  }

  /** Drops what `change` makes stale. */
  apply(change: AuthChange): void {
    this.#generation++;
    if ('userId' in change) {
      const { userId } = change;
      this.#viewers.deleteWhere((viewer) => viewer.user.id === userId);
      this.#access.delete(userId);
    } else if ('permissions' in change) {
      this.#access.clear();
    } else if ('webhooks' in change) {
      this.#webhookTypes.clear();
    } else {
      this.#viewers.clear();
      this.#access.clear();
      this.#webhookTypes.clear();
    }
  }

  /** Stores nothing until the returned release is called (a write not yet visible to all). */
  hold(): () => void {
    this.#holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds--;
      this.#generation++;
    };
  }

  async #through<T>(map: BoundedMap<NonNullable<T>>, key: string, load: () => Promise<T>, ahead: boolean): Promise<T> {
    if (!this.#enabled) return load();
    const now = performance.now();
    const cached = map.get(key, now);
    if (cached === undefined) return this.#load(map, key, load);
    if (ahead && now > cached.refreshAt && !map.refreshing.has(key)) {
      map.refreshing.add(key);
      // A failed reload changes nothing: the entry expires as it would have, and the request that
      // then loads it in the foreground meets the failure.
      void this.#load(map, key, load)
        .catch(() => undefined)
        .finally(() => map.refreshing.delete(key));
    }
    return cached.value;
  }

  async #load<T>(map: BoundedMap<NonNullable<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const generation = this.#generation;
    const value = await load();
    // Stored only if nothing was invalidated meanwhile and no invalidating write is still open.
    if (generation === this.#generation && this.#holds === 0) {
      // Gone from the database (a background reload of an entry still held): not answered from memory any more.
      if (value === null || value === undefined) map.delete(key);
      else map.set(key, value, performance.now());
    }
    return value;
  }
}
