/**
 * Issue 12 (memory): each argon2id hash allocates a 19 MiB block on a pool thread, and glibc's
 * default malloc keeps it in that thread's arena for good once the thread has hashed twice. Where
 * the machine has transparent huge pages, the launcher `npm start` runs (src/server/start.ts) starts
 * the server with malloc settings that unmap the block after each hash. Measured as the server's
 * anonymous memory before and after a burst of sign-ins (each one hashes, known account or not),
 * with the launcher's choice and with the operator's opt-out (`GLIBC_TUNABLES=glibc.malloc.hugetlb=0`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, root, serverPid } from '../helpers/launch.js';
import { createHttpClient } from '../helpers/graphql.js';
import { TEST_ENV } from '../helpers/test-app.js';
import { mallocTunables, probeHost } from '../../src/server/malloc-tuning.js';

const MIB = 1024 * 1024;
const HASH_BLOCK = 19_456 * 1024;

const tuned = mallocTunables({}, probeHost()) !== null;

describe.runIf(process.platform === 'linux')('the memory of argon2id hashing under `npm start`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-malloc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function afterSignIns(name: string, extra: Record<string, string>) {
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const entry = /dist\/server\/\S+/.exec(start)![0];
    // Gatehouse's own argon2id cost (the tests' TEST_ENV makes it cheap), and no inherited malloc settings.
    const { PASSWORD_HASH_MEMORY_KIB: _memory, PASSWORD_HASH_ITERATIONS: _iterations, ...testEnv } = TEST_ENV;
    const { GLIBC_TUNABLES: _tunables, UV_THREADPOOL_SIZE: _pool, ...inherited } = process.env;
    const env = { ...inherited, ...testEnv, ...extra, DATABASE_URL: `file:${join(dir, `${name}.db`)}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
    const server = await launch(process.execPath, [join(root, entry)], { name, env, urlPattern: /"url":"(http:\/\/[^"]+)\/graphql"/, timeoutMs: 60_000 });
    try {
      const pid = serverPid(server.child);
      const anon = () => Number(/RssAnon:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
      const client = createHttpClient(server.url);
      const signIn = (i: number) =>
        client.graphql('mutation ($email: String!) { login(email: $email, password: "not-the-password") { __typename } }', {
          email: `nobody-${i}@example.com`,
        });
      // Before the first hash: glibc's default keeps a block from a pool thread's second hash on.
      const before = anon();
      // Two at a time, as many as the pool hashes at once: every pool thread hashes repeatedly.
      for (let i = 0; i < 12; i += 2) {
        const answers = await Promise.all([signIn(i), signIn(i + 1)]);
        for (const answer of answers) expect(answer.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
      }
      const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      return { grown: anon() - before, tunables: environment.find((line) => line.startsWith('GLIBC_TUNABLES=')) ?? null };
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }

  it.runIf(tuned)('gives each hash block back when the machine has huge pages', async () => {
    const { grown, tunables } = await afterSignIns('tuned', {});
    expect(tunables).toMatch(/^GLIBC_TUNABLES=glibc\.malloc\.hugetlb=1/);
    // Less than one block: none is kept (V8's heap may grow a few MiB meanwhile).
    expect(grown).toBeLessThan(HASH_BLOCK);
    console.log(`change of anonymous memory over 12 sign-ins, launcher's malloc settings: ${(grown / MIB).toFixed(1)} MiB`);
  });

  it('keeps the operator’s malloc settings, and with glibc’s default the blocks stay', async () => {
    const { grown, tunables } = await afterSignIns('default', { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' });
    expect(tunables).toBe('GLIBC_TUNABLES=glibc.malloc.hugetlb=0');
    // What the launcher's settings avoid: the pool threads keep their blocks.
    expect(grown).toBeGreaterThanOrEqual(HASH_BLOCK);
    console.log(`change of anonymous memory over 12 sign-ins, glibc's defaults: ${(grown / MIB).toFixed(1)} MiB`);
  });

  it.runIf(!tuned)('leaves malloc as it is without huge pages', async () => {
    const { tunables } = await afterSignIns('untuned', {});
    expect(tunables).toBeNull();
  });
});
