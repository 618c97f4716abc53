/**
 * When the launcher (src/server/start.ts) runs the server with glibc malloc settings that return an
 * argon2id hash's 19 MiB block after each hash, and when it leaves the process as it is.
 */
import { describe, expect, it } from 'vitest';
import { MALLOC_TUNABLES, mallocTunables, type Host } from '../../src/server/malloc-tuning.js';

const linux: Host = { platform: 'linux', glibcVersion: '2.36', transparentHugePages: 'always [madvise] never\n' };

describe('mallocTunables', () => {
  it('tunes glibc 2.35 and later when transparent huge pages are on (always or madvise)', () => {
    expect(mallocTunables({}, linux)).toBe(MALLOC_TUNABLES);
    expect(mallocTunables({}, { ...linux, transparentHugePages: '[always] madvise never' })).toBe(MALLOC_TUNABLES);
    expect(mallocTunables({}, { ...linux, glibcVersion: '2.35' })).toBe(MALLOC_TUNABLES);
    expect(mallocTunables({}, { ...linux, glibcVersion: '3.0' })).toBe(MALLOC_TUNABLES);
  });

  it('keeps other tunables the operator set, and adds to them', () => {
    expect(mallocTunables({ GLIBC_TUNABLES: 'glibc.pthread.rseq=0' }, linux)).toBe(`glibc.pthread.rseq=0:${MALLOC_TUNABLES}`);
  });

  it('leaves the process alone without huge pages (each hash would fault 4 KiB pages: 1.7× slower)', () => {
    expect(mallocTunables({}, { ...linux, transparentHugePages: 'always madvise [never]' })).toBeNull();
    expect(mallocTunables({}, { ...linux, transparentHugePages: null })).toBeNull();
  });

  it('leaves it alone on another C library, an older glibc, or another platform', () => {
    expect(mallocTunables({}, { ...linux, glibcVersion: null })).toBeNull();
    expect(mallocTunables({}, { ...linux, glibcVersion: '2.34' })).toBeNull();
    expect(mallocTunables({}, { platform: 'darwin', glibcVersion: null, transparentHugePages: null })).toBeNull();
  });

  it("respects the operator's own malloc settings, which is also how to turn it off", () => {
    expect(mallocTunables({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, linux)).toBeNull();
    expect(mallocTunables({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, linux)).toBeNull();
    expect(mallocTunables({ MALLOC_ARENA_MAX: '2' }, linux)).toBeNull();
    expect(mallocTunables({ MALLOC_MMAP_THRESHOLD_: '131072' }, linux)).toBeNull();
  });
});
