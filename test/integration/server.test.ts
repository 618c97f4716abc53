import { rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, testPostgresUrl } from '../helpers/test-database.js';
import { errorCode } from '../helpers/graphql.js';
import { signedInUser } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { graphql } from '../client/gql/index.js';

const Me = graphql(`query Me { me { id email } }`);
const Logout = graphql(`mutation Logout { logout }`);

describe('server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('answers { __typename } over the GraphQL endpoint', async () => {
    const result = await t.graphql<{ __typename: string }>('{ __typename }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ __typename: 'Query' });
  });

  it('returns null for me when anonymous', async () => {
    const result = await t.graphql('{ me { id } }');
    expect(result.data).toEqual({ me: null });
  });

  it('says the process is up at /healthz and the database is reachable at /readyz', async () => {
    expect((await t.request('/healthz')).status).toBe(200);
    const ready = await t.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const echoed = await t.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await t.request('/healthz', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a malformed query with a typed error and no stack trace', async () => {
    const result = await t.graphql('{ me { id ');
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.errors)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('resolves the viewer from a Bearer token, and a logout rejects that token at once', async () => {
    const { user, accessToken } = await signedInUser(t.deps);
    const me = await t.graphql(Me, {}, { token: accessToken });
    expect(me.data?.me).toEqual({ id: user.id, email: user.email });

    const logout = await t.graphql(Logout, {}, { token: accessToken });
    expect(logout.data).toEqual({ logout: true });
    const session = await t.deps.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.revokedAt).not.toBeNull();
    expect(session.revokeReason).toBe('logout');

    expect((await t.graphql(Me, {}, { token: accessToken })).data).toEqual({ me: null });
    const again = await t.graphql(Logout, {}, { token: accessToken });
    expect(errorCode(again)).toBe('UNAUTHENTICATED');
  });

  it('rejects a guarded field for an anonymous request with UNAUTHENTICATED', async () => {
    const result = await t.graphql('mutation { logout }');
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });

  it('reports a tampered token as TOKEN_INVALID on guarded fields', async () => {
    const { accessToken } = await signedInUser(t.deps);
    const [header, payload, signature] = accessToken.split('.');
    const tampered = `${header}.${payload}.${signature!.slice(0, -2)}xx`;
    expect(errorCode(await t.graphql('mutation { logout }', {}, { token: tampered }))).toBe('TOKEN_INVALID');
  });
});

describe('readiness when the database goes away', () => {
  it('answers 503 with a JSON reason', async () => {
    const t = await createTestApp();
    try {
      expect((await t.request('/readyz')).status).toBe(200);
      if (t.db.provider === 'sqlite') {
        rmSync(t.config.database.url.replace(/^file:/, ''));
      } else {
        const name = new URL(t.db.url).pathname.slice(1);
        await adminQuery(testPostgresUrl()!, `DROP DATABASE "${name}" WITH (FORCE)`);
      }
      const response = await t.request('/readyz');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', reason: expect.any(String) });
      expect((await t.request('/healthz')).status).toBe(200);
    } finally {
      await t.close().catch(() => {});
    }
  });
});
