/**
 * Issue 12 (memory): `npm start` runs a launcher that sizes libuv's thread pool to the cores (at
 * least 2) before the server loads. Each pool thread that ever ran an argon2id hash keeps its
 * 19 MiB in its malloc arena, and started as an ES module the server got libuv's default of 4.
 * Counted as the threads of the process: the entry `npm start` names against the bare bundle.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, root, serverPid } from '../helpers/launch.js';
import { TEST_ENV } from '../helpers/test-app.js';

const LIBUV_DEFAULT_POOL = 4;

describe('the thread pool of `npm start`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function threadsOf(entry: string, name: string): Promise<number> {
    // An inherited UV_THREADPOOL_SIZE would win over the launcher's sizing.
    const { UV_THREADPOOL_SIZE: _inherited, ...inherited } = process.env;
    const env = { ...inherited, ...TEST_ENV, DATABASE_URL: `file:${join(dir, `${name}.db`)}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
    const server = await launch(process.execPath, [join(root, entry)], {
      name: entry,
      env,
      urlPattern: /"url":"(http:\/\/[^"]+)\/graphql"/,
      timeoutMs: 60_000,
    });
    try {
      // The server's own threads, not a wrapper's.
      return readdirSync(`/proc/${serverPid(server.child)}/task`).length;
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }

  it('has one pool thread per core (at least 2), not 4', async () => {
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const entry = /dist\/server\/\S+/.exec(start)![0];
    const bare = await threadsOf('dist/server/main.mjs', 'bare');
    const started = await threadsOf(entry, 'started');
    expect(bare - started).toBe(LIBUV_DEFAULT_POOL - Math.min(LIBUV_DEFAULT_POOL, Math.max(2, availableParallelism())));
  });
});
