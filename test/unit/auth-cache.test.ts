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
    it('reloads entries loaded together at spread times', async () => {
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
      // Each is reloaded ahead once in use past 60 % of its life (8 to 10 s): from 4.8 s to 6 s.
      expect(await reloadedAfter(4_700)).toBe(0);
      const atFive = await reloadedAfter(700);
      expect(atFive).toBeGreaterThan(0);
      expect(atFive).toBeLessThan(ids.length);
    });

    it('reloads an entry in use before it expires, answering from it meanwhile (no request waits for the database)', async () => {
      // The hole: every entry in use expired every SESSION_CACHE_SECONDS, and the requests that
      // found it gone waited for the database (the p99 of `me` on PostgreSQL, issue 12).
      vi.useFakeTimers({ toFake: ['performance'] });
      const cache = new AuthCache({ maxAgeSeconds: 10, maxEntries: 10 });
      await cache.viewer('s1', () => Promise.resolve(viewer('s1', 'old')));
      vi.advanceTimersByTime(7_000);
      let finish: (value: CachedViewer) => void = () => {};
      let reloads = 0;
      const slow = () => (reloads++, new Promise<CachedViewer>((resolve) => (finish = resolve)));
      // Answered at once from the entry, while one reload runs (a second use does not start another).
      expect((await cache.viewer('s1', slow))?.user.id).toBe('old');
      expect((await cache.viewer('s1', slow))?.user.id).toBe('old');
      expect(reloads).toBe(1);
      finish(viewer('s1', 'new'));
      await Promise.resolve();
      await Promise.resolve();
      // The reloaded row answers from now on, with a fresh life: still held after the old one's 10 s.
      vi.advanceTimersByTime(3_500);
      const never = () => Promise.reject(new Error('not loaded again'));
      expect((await cache.viewer('s1', never))?.user.id).toBe('new');
    });

    it('drops an entry whose background reload finds it gone, and keeps one whose reload failed until it expires', async () => {
      vi.useFakeTimers({ toFake: ['performance'] });
      const cache = new AuthCache({ maxAgeSeconds: 10, maxEntries: 10 });
      await cache.viewer('gone', () => Promise.resolve(viewer('gone')));
      await cache.viewer('failing', () => Promise.resolve(viewer('failing')));
      vi.advanceTimersByTime(7_000);
      await cache.viewer('gone', () => Promise.resolve(null));
      await cache.viewer('failing', () => Promise.reject(new Error('database down')));
      await new Promise((resolve) => setImmediate(resolve));
      let loads = 0;
      expect(await cache.viewer('gone', () => Promise.resolve((loads++, null)))).toBeNull();
      expect(loads).toBe(1);
      expect((await cache.viewer('failing', () => Promise.reject(new Error('not asked'))))?.session.id).toBe('failing');
      vi.advanceTimersByTime(3_001);
      await expect(cache.viewer('failing', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    });

    it('does not store a background reload that overlapped an invalidation', async () => {
      vi.useFakeTimers({ toFake: ['performance'] });
      const cache = new AuthCache({ maxAgeSeconds: 10, maxEntries: 10 });
      await cache.viewer('s1', () => Promise.resolve(viewer('s1')));
      vi.advanceTimersByTime(7_000);
      // The reload read the row before a revocation landed.
      await cache.viewer('s1', () => {
        cache.apply({ userId: 'u1' });
        return Promise.resolve(viewer('s1'));
      });
      await new Promise((resolve) => setImmediate(resolve));
      let loads = 0;
      await cache.viewer('s1', () => Promise.resolve((loads++, viewer('s1'))));
      expect(loads).toBe(1);
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
