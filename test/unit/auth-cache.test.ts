/**
 * The session cache's own rules (src/auth/cache/auth-cache.ts): bounded, and a load racing an
 * invalidation never puts the old state back (the hole a plain "delete on write" cache has).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthCache, type CachedViewer } from '../../src/auth/cache/auth-cache.js';
import { decodeChange, encodeChange } from '../../src/auth/cache/invalidate.js';

const viewer = (sessionId: string, userId = 'u1') => ({ session: { id: sessionId, userId }, user: { id: userId } }) as unknown as CachedViewer;

describe('AuthCache', () => {
  it('holds at most maxEntries sessions, however many distinct ids are presented', async () => {
    const cache = new AuthCache({ maxAgeSeconds: 60, maxEntries: 3 });
    for (let i = 0; i < 50; i++) await cache.viewer(`s${i}`, () => Promise.resolve(viewer(`s${i}`)));
    expect(cache.size.sessions).toBe(3);
    // Unknown ids (null) are not stored at all.
    for (let i = 0; i < 50; i++) await cache.viewer(`missing${i}`, () => Promise.resolve(null));
    expect(cache.size.sessions).toBe(3);
  });

  it('answers from memory until invalidated, then loads again', async () => {
    const cache = new AuthCache({ maxAgeSeconds: 60, maxEntries: 10 });
    let loads = 0;
    const load = () => Promise.resolve((loads++, viewer('s1')));
    await cache.viewer('s1', load);
    await cache.viewer('s1', load);
    expect(loads).toBe(1);
    cache.apply({ userId: 'u1' });
    await cache.viewer('s1', load);
    expect(loads).toBe(2);
    cache.apply({ everything: true });
    await cache.viewer('s1', load);
    expect(loads).toBe(3);
  });

  it('does not store a load that overlapped an invalidation', async () => {
    const cache = new AuthCache({ maxAgeSeconds: 60, maxEntries: 10 });
    let loads = 0;
    // The load read the old row; the revocation lands before it returns.
    await cache.viewer('s1', () => {
      loads++;
      cache.apply({ userId: 'u1' });
      return Promise.resolve(viewer('s1'));
    });
    await cache.viewer('s1', () => Promise.resolve((loads++, viewer('s1'))));
    expect(loads).toBe(2);
  });

  it('stores nothing while an invalidating write is open (hold), and after it is released again', async () => {
    const cache = new AuthCache({ maxAgeSeconds: 60, maxEntries: 10 });
    const release = cache.hold();
    await cache.viewer('s1', () => Promise.resolve(viewer('s1')));
    expect(cache.size.sessions).toBe(0);
    release();
    await cache.viewer('s1', () => Promise.resolve(viewer('s1')));
    expect(cache.size.sessions).toBe(1);
  });

  it('SESSION_CACHE_SECONDS=0 turns it off', async () => {
    const cache = new AuthCache({ maxAgeSeconds: 0, maxEntries: 10 });
    let loads = 0;
    for (let i = 0; i < 3; i++) await cache.viewer('s1', () => Promise.resolve((loads++, viewer('s1'))));
    expect(loads).toBe(3);
    expect(cache.size.sessions).toBe(0);
  });

  describe('age', () => {
    afterEach(() => vi.useRealTimers());

    // Issue 12: entries loaded together must not all expire together (a burst of reloads, a
    // latency spike); none may outlive SESSION_CACHE_SECONDS either.
    it('expires entries loaded together at spread times, none later than the maximum age', async () => {
      vi.useFakeTimers({ toFake: ['performance'] });
      const cache = new AuthCache({ maxAgeSeconds: 10, maxEntries: 1000 });
      const ids = Array.from({ length: 200 }, (_, i) => `s${i}`);
      const loaded = new Set<string>();
      const ask = (id: string) => cache.viewer(id, () => Promise.resolve((loaded.add(id), viewer(id))));
      for (const id of ids) await ask(id);
      const reloadedAfter = async (ms: number) => {
        vi.advanceTimersByTime(ms);
        loaded.clear();
        for (const id of ids) await ask(id);
        return loaded.size;
      };
      expect(await reloadedAfter(7_900)).toBe(0);
      // 8 to 10 s: some have expired (and were loaded again), some not yet.
      const atNine = await reloadedAfter(1_100);
      expect(atNine).toBeGreaterThan(0);
      expect(atNine).toBeLessThan(ids.length);
    });

    it('never answers from an entry older than the maximum age', async () => {
      vi.useFakeTimers({ toFake: ['performance'] });
      const cache = new AuthCache({ maxAgeSeconds: 10, maxEntries: 1000 });
      let loads = 0;
      for (let i = 0; i < 100; i++) await cache.viewer(`s${i}`, () => Promise.resolve((loads++, viewer(`s${i}`))));
      vi.advanceTimersByTime(10_001);
      for (let i = 0; i < 100; i++) await cache.viewer(`s${i}`, () => Promise.resolve((loads++, viewer(`s${i}`))));
      expect(loads).toBe(200);
    });
  });
});

describe('AuthCache: webhook event types', () => {
  it('holds the subscribed types until a webhook change or everything is dropped; user and permission changes leave them', async () => {
    const cache = new AuthCache({ maxAgeSeconds: 60, maxEntries: 10 });
    let loads = 0;
    const load = () => Promise.resolve((loads++, new Set(['user.created'])));
    await cache.webhookEventTypes(load);
    cache.apply({ userId: 'u1' });
    cache.apply({ permissions: true });
    expect(await cache.webhookEventTypes(load)).toEqual(new Set(['user.created']));
    expect(loads).toBe(1);
    cache.apply({ webhooks: true });
    await cache.webhookEventTypes(load);
    expect(loads).toBe(2);
    cache.apply({ everything: true });
    await cache.webhookEventTypes(load);
    expect(loads).toBe(3);
  });

  it('travels as `w` between instances; an instance that does not know a payload drops everything', () => {
    expect(encodeChange({ webhooks: true })).toBe('w');
    expect(decodeChange('w')).toEqual({ webhooks: true });
    expect(decodeChange('x')).toEqual({ everything: true });
  });
});
