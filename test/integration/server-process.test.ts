import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeCommand, root } from '../helpers/entrypoints.js';
import { runProcess, startServerProcess } from '../helpers/server-process.js';

/** Resolves with `outcome`, or with 'still running' after `ms`: liveness, not speed. */
const orStillRunning = <T>(outcome: Promise<T>, ms: number) =>
  Promise.race([outcome, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);

/** Resolves once the server on `port` answers /readyz; fails after `attempts` tries 100 ms apart. */
async function readyOn(port: number, attempts = 300): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing ready on port ${port}`);
}

/** A loopback port free a moment ago. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

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
    const outcome = await orStillRunning(server.stop(), 40_000);
    if (outcome === 'still running') server.child.kill('SIGKILL');
    // 0: it stopped as asked, not by the overall deadline of shutdown (code 1).
    expect(outcome).toBe(0);
  }, 60_000);

  it('exits on SIGTERM even when whatever holds its output does not read it (a reader that hangs)', async () => {
    // The hole: at exit pino's flushSync waited for room in the full pipe forever. Now the last
    // lines get a few seconds, then the process exits without them.
    const reader = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], { stdio: ['pipe', 'ignore', 'ignore'] });
    // More than any pipe holds: full from here on, the rest waits in this process.
    reader.stdin.write(Buffer.alloc(4 << 20));
    reader.stdin.on('error', () => {});
    const port = await freePort();
    const [command, args] = nodeCommand(['src/server/main.ts']);
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' };
    const server = spawn(command, args, {
      cwd: root,
      env: { ...env, DATABASE_URL: `file:${join(dir, 'full-pipe.db')}` },
      stdio: ['ignore', reader.stdin, reader.stdin],
    });
    const exited = once(server, 'exit').then(([code]) => code as number | null);
    try {
      // It cannot say it is listening: ask it.
      await readyOn(port);
      server.kill('SIGTERM');
      const outcome = await orStillRunning(exited, 40_000);
      expect(outcome).toBe(0);
    } finally {
      server.kill('SIGKILL');
      reader.kill('SIGKILL');
      reader.stdin.destroy();
    }
  }, 90_000);

  it('exits with its failure code when its start fails and nobody reads its output', async () => {
    // The hole: a failed start called process.exit at once, and pino's exit flush retried writing
    // the lines logged before the failure (here the warnings of a non-loopback HOST) into the closed
    // pipe forever: a server that could not listen never exited.
    const taken = createServer().listen(0, '0.0.0.0');
    await once(taken, 'listening');
    const { port } = taken.address() as { port: number };
    const [command, args] = nodeCommand(['src/server/main.ts']);
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '0.0.0.0',
      PORT: String(port),
      NODE_ENV: 'development',
      JWT_SECRET: 'a-secret-long-enough-for-a-non-loopback-host-0123456789',
      DATABASE_URL: `file:${join(dir, 'failed-start.db')}`,
    };
    const server = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.destroy();
    server.stderr.destroy();
    const exited = once(server, 'exit').then(([code]) => code as number | null);
    try {
      // Liveness, not speed: 40 s means never.
      expect(await orStillRunning(exited, 40_000)).toBe(1);
    } finally {
      server.kill('SIGKILL');
      taken.close();
    }
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
