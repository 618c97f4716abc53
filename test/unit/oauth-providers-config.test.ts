/**
 * The provider list (OAUTH_PROVIDERS / OAUTH_PROVIDERS_FILE) is checked at start-up, one line per
 * mistake, naming where it is (issue 14).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET, ...env });
const failure = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
};

const google = {
  type: 'google',
  id: 'google',
  clientId: 'id.apps.googleusercontent.com',
  clientSecretEnv: 'GOOGLE_SECRET',
  redirectUris: ['https://app.example.com/cb'],
};

describe('OAuth provider configuration', () => {
  it('is empty when nothing is set', () => {
    expect(load({}).oauth.providers).toEqual([]);
  });

  it('reads presets from a file, with secrets from the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-oauth-'));
    const file = join(dir, 'providers.json');
    writeFileSync(
      file,
      JSON.stringify([
        google,
        { type: 'microsoft', id: 'entra', tenant: 'contoso.onmicrosoft.com', clientId: 'x', redirectUris: ['https://app.example.com/cb'] },
        { type: 'github', id: 'github', clientId: 'gh', clientSecretEnv: 'GH_SECRET', redirectUris: ['com.example.app:/oauth'], allowRegistration: true },
        { type: 'oidc', id: 'corp', name: 'Corp', issuer: 'https://sso.corp.example/', clientId: 'c', redirectUris: ['https://app.example.com/cb'] },
      ]),
    );
    const { providers } = load({ OAUTH_PROVIDERS_FILE: file, GOOGLE_SECRET: 'g-secret', GH_SECRET: 'gh-secret' }).oauth;
    expect(providers.map((p) => [p.id, p.protocol, p.name, p.issuer, p.clientSecret])).toEqual([
      ['google', 'oidc', 'Google', 'https://accounts.google.com', 'g-secret'],
      ['entra', 'oidc', 'Microsoft', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0', null],
      ['github', 'github', 'GitHub', null, 'gh-secret'],
      ['corp', 'oidc', 'Corp', 'https://sso.corp.example', null],
    ]);
    expect(providers[0]!).toMatchObject({ scopes: ['openid', 'email', 'profile'], allowRegistration: false, trustEmailForLinking: false, timeoutSeconds: 10 });
    expect(providers[2]!.github).toEqual({
      authorizationEndpoint: 'https://github.com/login/oauth/authorize',
      tokenEndpoint: 'https://github.com/login/oauth/access_token',
      apiBaseUrl: 'https://api.github.com',
    });
  });

  it('names every mistake on its own line', () => {
    const lines = failure({
      OAUTH_PROVIDERS: JSON.stringify([
        { ...google, redirectUris: ['javascript:alert(1)', 'https://app.example.com/cb?next=/'] },
        { type: 'oidc', id: 'Bad Id', issuer: 'ftp://x', clientId: 'c', redirectUris: [] },
        { type: 'microsoft', id: 'ms', tenant: 'common', clientId: 'c', redirectUris: ['https://a.example/cb'] },
        { type: 'okta', id: 'okta' },
      ]),
    });
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatch(/^invalid configuration: OAUTH_PROVIDERS \[\d\]/);
    expect(lines.join('\n')).toMatch(/\[0\]\.redirectUris\[0\]: must be an absolute URL/);
    expect(lines.join('\n')).toMatch(/\[0\]\.redirectUris\[1\]: must be an absolute URL without a query/);
    expect(lines.join('\n')).toMatch(/\[1\]\.id: must be 1-32/);
    expect(lines.join('\n')).toMatch(/\[1\]\.issuer: must be an absolute http\(s\) URL/);
    expect(lines.join('\n')).toMatch(/\[2\]\.tenant: must be one directory/);
  });

  it('refuses a missing secret variable, duplicate ids, http issuers off loopback or in production, and both sources at once', () => {
    expect(failure({ OAUTH_PROVIDERS: JSON.stringify([google]) })).toEqual([
      'invalid configuration: OAUTH_PROVIDERS [0].clientSecretEnv: the environment variable GOOGLE_SECRET is not set',
    ]);
    expect(failure({ OAUTH_PROVIDERS: JSON.stringify([google, google]), GOOGLE_SECRET: 's' })).toEqual([
      'invalid configuration: OAUTH_PROVIDERS [1].id: duplicates the id "google"',
    ]);
    const http = { type: 'oidc', id: 'local', clientId: 'c', redirectUris: ['http://localhost:3000/cb'] };
    expect(load({ OAUTH_PROVIDERS: JSON.stringify([{ ...http, issuer: 'http://127.0.0.1:8080' }]) }).oauth.providers[0]!.allowInsecureHttp).toBe(true);
    expect(failure({ OAUTH_PROVIDERS: JSON.stringify([{ ...http, issuer: 'http://sso.example' }]) })[0]).toMatch(/must use https/);
    expect(failure({ OAUTH_PROVIDERS: '[', OAUTH_PROVIDERS_FILE: '/nope' })).toEqual([
      'invalid configuration: set OAUTH_PROVIDERS or OAUTH_PROVIDERS_FILE, not both',
    ]);
    expect(failure({ OAUTH_PROVIDERS: '{not json' })[0]).toMatch(/^invalid configuration: OAUTH_PROVIDERS is not valid JSON/);
    expect(failure({ OAUTH_PROVIDERS_FILE: '/nonexistent/providers.json' })[0]).toMatch(/OAUTH_PROVIDERS_FILE cannot be read \(ENOENT/);
  });
});
