/**
 * A wrong provider list stops the server at start-up with one line per mistake (issue 14).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../helpers/server-process.js';

describe('the server process with OAUTH_PROVIDERS_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-oauth-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start, naming each mistake of the file on its own line', async () => {
    const file = join(dir, 'providers.json');
    writeFileSync(
      file,
      JSON.stringify([
        { type: 'google', id: 'google', clientId: 'x', redirectUris: ['https://app.example.com/cb#frag'] },
        { type: 'oidc', id: 'corp', clientId: 'y', redirectUris: ['https://app.example.com/cb'] },
      ]),
    );
    const result = await runProcess(['src/server/main.ts'], { OAUTH_PROVIDERS_FILE: file, DATABASE_URL: `file:${join(dir, 'db.sqlite')}` });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      'gatehouse: invalid configuration: OAUTH_PROVIDERS_FILE [0].redirectUris[0]: must be an absolute URL without a query or fragment (and not javascript:, data:, file:)',
      expect.stringMatching(/^invalid configuration: OAUTH_PROVIDERS_FILE \[1\]\.issuer: /),
    ]);
  });
});
