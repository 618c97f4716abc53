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
