/**
 * glibc's malloc settings for the server process (issue 12, memory), chosen by the launcher
 * (src/server/start.ts) before the server loads: glibc reads them only when a program starts.
 *
 * An argon2id hash allocates PASSWORD_HASH_MEMORY_KIB (19 MiB by default) on a thread-pool thread.
 * glibc maps a block that large at first, but when it is freed raises its mmap threshold to the
 * block's size (and its trim threshold to twice that), so every later hash is served from, and
 * freed into, that thread's arena, which then keeps the 19 MiB resident for the life of the
 * process: one block per pool thread that ever hashed. Fixed thresholds keep blocks of 4 MiB and
 * more mapped only while in use, and transparent huge pages (`glibc.malloc.hugetlb=1`: madvise on
 * malloc's mappings) make mapping 19 MiB about ten page faults instead of ~4,900, so hashing is
 * not slower (docs/performance.md has the measurements). Without huge pages those faults make each
 * hash about 1.7× slower: then nothing is set.
 */
import { readFileSync } from 'node:fs';

export const MALLOC_TUNABLES = 'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=4194304:glibc.malloc.trim_threshold=8388608';

/** What the decision depends on, read from this machine by `probeHost`. */
export interface Host {
  platform: NodeJS.Platform;
  /** glibc's version ('2.36'), or null for another C library (musl) or none. */
  glibcVersion: string | null;
  /** /sys/kernel/mm/transparent_hugepage/enabled, e.g. `always [madvise] never`; null if absent. */
  transparentHugePages: string | null;
}

/** glibc.malloc.hugetlb exists from glibc 2.35 on; older versions would ignore it. */
const HUGETLB_SINCE: [number, number] = [2, 35];

/**
 * The GLIBC_TUNABLES the server should run with, or null to run as it is: another platform or C
 * library, no transparent huge pages, or malloc settings the operator chose (any `glibc.malloc.`
 * tunable or MALLOC_*_ variable; `GLIBC_TUNABLES=glibc.malloc.hugetlb=0` turns this off).
 */
export function mallocTunables(env: NodeJS.ProcessEnv, host: Host): string | null {
  if (host.platform !== 'linux' || !host.glibcVersion || !atLeast(host.glibcVersion, HUGETLB_SINCE)) return null;
  if (!/\[(always|madvise)\]/.test(host.transparentHugePages ?? '')) return null;
  if (env.GLIBC_TUNABLES?.includes('glibc.malloc.')) return null;
  if (Object.keys(env).some((name) => /^MALLOC_[A-Z_]+$/.test(name))) return null;
  return env.GLIBC_TUNABLES ? `${env.GLIBC_TUNABLES}:${MALLOC_TUNABLES}` : MALLOC_TUNABLES;
}

function atLeast(version: string, [major, minor]: [number, number]): boolean {
  const [actualMajor = 0, actualMinor = 0] = version.split('.').map(Number);
  return actualMajor > major || (actualMajor === major && actualMinor >= minor);
}

/** This machine: its C library (from Node's diagnostic report) and its transparent huge pages. */
export function probeHost(): Host {
  if (process.platform !== 'linux') return { platform: process.platform, glibcVersion: null, transparentHugePages: null };
  const header = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
  return {
    platform: process.platform,
    glibcVersion: header?.glibcVersionRuntime ?? null,
    transparentHugePages: readOrNull('/sys/kernel/mm/transparent_hugepage/enabled'),
  };
}

/** The file's text, or null where it does not exist (a kernel without transparent huge pages). */
function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
