/**
 * Development defaults reachable from the network (issue 10, item 7). With NODE_ENV unset the
 * server signed tokens with the development secret, which is in the source, on whatever HOST it
 * was given: anyone reaching it could forge access tokens. Now a non-loopback HOST needs a real
 * JWT_SECRET, and a development server there says which development defaults are on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_JWT_SECRET } from '../../../src/config/env-schema.js';
import { runProcess, startServerProcess } from '../../helpers/server-process.js';

const STRONG_SECRET = 'q8H2vN5xLr0TzW7cKe3YbJ9uPd4SgF6mA1Wc';

describe('a development server on a non-loopback HOST', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-exposed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['no JWT_SECRET', {}, 'is required'],
    ['the public development secret', { JWT_SECRET: DEV_JWT_SECRET }, 'is too weak'],
    ['a short secret', { JWT_SECRET: 'secret' }, 'is too weak'],
  ])('refuses to start with %s, in one line on stderr', async (_label, env, reason) => {
    const result = await runProcess(['src/server/main.ts'], { HOST: '0.0.0.0', PORT: '0', DATABASE_URL: `file:${join(dir, 'refused.db')}`, ...env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(
      new RegExp(`^gatehouse: invalid configuration: JWT_SECRET ${reason} when HOST \\(0\\.0\\.0\\.0\\) is not a loopback address`),
    );
    expect(result.stdout).not.toMatch(/listening/);
  });

  it('starts with a real JWT_SECRET and warns that GraphiQL and introspection are on', async () => {
    const server = await startServerProcess({ HOST: '0.0.0.0', JWT_SECRET: STRONG_SECRET, DATABASE_URL: `file:${join(dir, 'exposed.db')}` });
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      const warnings = server.logs.filter((line) => line.includes('"level":40')).join('\n');
      expect(warnings).toMatch(/GraphiQL is served to browsers on a non-loopback HOST/);
      expect(warnings).toMatch(/introspection and field suggestions are on for a non-loopback HOST/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('starts on loopback with no JWT_SECRET and no warning (local development stays zero-config)', async () => {
    const server = await startServerProcess({ HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'loopback.db')}` });
    try {
      expect(server.logs.filter((line) => line.includes('"level":40'))).toEqual([]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
