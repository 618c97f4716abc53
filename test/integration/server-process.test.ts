import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess, startServerProcess } from '../helpers/server-process.js';

describe('the server process (npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-process-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on a fresh SQLite file, applies migrations, answers, and stops cleanly on SIGTERM', async () => {
    const server = await startServerProcess({ DATABASE_URL: `file:${join(dir, 'fresh.db')}`, NODE_ENV: 'development' });
    try {
      expect(server.logs.some((line) => line.includes('applied pending migrations'))).toBe(true);
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await graphiql.text()).toContain('Gatehouse');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.logs.at(-1)).toContain('stopped');
  });

  it('stops cleanly on a SIGTERM sent the moment it says it is listening', async () => {
    // The hole: the listening line was logged before the SIGTERM handler was registered, so a
    // supervisor acting on the line at once killed the server by the signal's default action.
    const server = await startServerProcess({ DATABASE_URL: `file:${join(dir, 'at-once.db')}`, LOG_LEVEL: 'info' });
    expect(await server.stop()).toBe(0);
    expect(server.logs.at(-1)).toContain('stopped');
  });

  it('exits on SIGTERM even when nobody reads its output any more (a supervisor or parent that died)', async () => {
    // The hole: at exit pino writes the lines it still holds with sonic-boom's flushSync, which
    // retried the write into the closed pipe forever: a server that had stopped listening never
    // exited (left running, orphaned).
    const server = await startServerProcess({ DATABASE_URL: `file:${join(dir, 'orphan.db')}`, LOG_LEVEL: 'info' });
    server.child.stdout!.destroy();
    server.child.stderr!.destroy();
    // Liveness, not speed: a stopping server exits within 25 s whatever hangs; 40 s means never.
    const outcome = await Promise.race([server.stop(), new Promise((resolve) => setTimeout(() => resolve('still running'), 40_000))]);
    if (outcome === 'still running') server.child.kill('SIGKILL');
    // 0: it stopped as asked, not by the overall deadline of shutdown (code 1).
    expect(outcome).toBe(0);
  }, 60_000);

  it('refuses to start in production without JWT_SECRET, with a one-line reason', async () => {
    const result = await runProcess(['src/server/main.ts'], { NODE_ENV: 'production', DATABASE_URL: `file:${join(dir, 'prod.db')}` });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('gatehouse: invalid configuration: JWT_SECRET is required when NODE_ENV=production');
  });

  it('names the variable of a wrong value and exits non-zero', async () => {
    const result = await runProcess(['src/server/main.ts'], { PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/PORT/);
  });
});
