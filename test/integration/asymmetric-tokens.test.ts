import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createSession } from '../../src/auth/sessions/create-session.js';
import { createApp } from '../../src/server/app.js';
import { closeDeps, createDeps } from '../../src/create-deps.js';
import { signedInUser } from '../helpers/factories.js';
import { createGraphQLClient } from '../helpers/graphql.js';
import { listen } from '../helpers/listen.js';
import { createTestApp, TEST_ENV, type TestApp } from '../helpers/test-app.js';

const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();

function keyPair(alg: 'RS256' | 'ES256') {
  const { privateKey, publicKey } =
    alg === 'RS256' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKeyPem: pem(privateKey, 'pkcs8'), publicKeyPem: pem(publicKey, 'spki') };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ME = '{ me { id email } }';

/** A second application over the same database with other settings, as after a redeploy. */
async function redeploy(first: TestApp, env: Record<string, string>) {
  const config = loadConfig({ ...TEST_ENV, DATABASE_URL: first.db.url, MIGRATE_ON_START: 'false', ...env });
  const deps = await createDeps(config);
  const app = createApp(deps);
  return { app, deps, ...createGraphQLClient(app), close: () => closeDeps(deps) };
}

describe.each(['RS256', 'ES256'] as const)('%s access tokens', (alg) => {
  const keys = keyPair(alg);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { JWT_ALGORITHM: alg, JWT_PRIVATE_KEY: keys.privateKeyPem, JWT_KEY_ID: `key-${alg}`, JWT_INCLUDE_CLAIMS: 'role,groups,permissions' },
    });
  });

  it('verify with jose from the JWKS URL alone, with role, groups and permissions claims', async () => {
    const { user, accessToken } = await signedInUser(t.deps, { isStaff: true });
    const permission = await t.deps.prisma.permission.create({ data: { codename: 'blog.change_post', name: 'Can change post' } });
    const direct = await t.deps.prisma.permission.create({ data: { codename: 'blog.view_post' } });
    await t.deps.prisma.group.create({
      data: { name: 'editors', permissions: { create: { permissionId: permission.id } }, users: { create: { userId: user.id } } },
    });
    await t.deps.prisma.userPermission.create({ data: { userId: user.id, permissionId: direct.id } });

    const server = await listen(t.app);
    try {
      const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
      // Claims are computed when a token is issued: a session started after the grants carries them.
      const fresh = await createSession(t.deps, user.id, { ip: null, userAgent: null });
      const { payload, protectedHeader } = await jwtVerify(fresh.accessToken, jwks, {
        issuer: 'gatehouse',
        audience: 'gatehouse',
        algorithms: [alg],
      });
      expect(protectedHeader).toMatchObject({ alg, kid: `key-${alg}` });
      expect(payload).toMatchObject({
        sub: user.id,
        sid: fresh.session.id,
        role: 'STAFF',
        groups: ['editors'],
        permissions: ['blog.change_post', 'blog.view_post'],
      });
      // The token issued before the grants verifies too, with the access it had then.
      const before = await jwtVerify(accessToken, jwks, { issuer: 'gatehouse', audience: 'gatehouse', algorithms: [alg] });
      expect(before.payload).toMatchObject({ role: 'STAFF', groups: [], permissions: [] });

      const document = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
      expect(document.keys).toHaveLength(1);
      expect(document.keys[0]).toMatchObject({ kid: `key-${alg}`, alg, use: 'sig', kty: alg === 'RS256' ? 'RSA' : 'EC' });
      // Only public members are published.
      expect(Object.keys(document.keys[0]!).sort()).toEqual(
        alg === 'RS256' ? ['alg', 'e', 'kid', 'kty', 'n', 'use'] : ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'],
      );
    } finally {
      await server.close();
    }
    expect((await t.graphql<{ me: { id: string } }>(ME, {}, { token: accessToken })).data?.me.id).toBe(user.id);
  });

  it('refuses alg none, HS256 signed with the public key (HS/RS confusion), unknown and missing kids', async () => {
    const { user, session, accessToken } = await signedInUser(t.deps);
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const kid = `key-${alg}`;
    const hmacWith = (secret: string | KeyObject, header: Record<string, unknown>) => {
      const input = `${b64url(header)}.${b64url(payload)}`;
      return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    };
    const forged = {
      none: `${b64url({ alg: 'none', typ: 'JWT', kid })}.${b64url(payload)}.`,
      // The classic attack: the published public key used as an HMAC secret.
      hsWithPublicPem: hmacWith(keys.publicKeyPem, { alg: 'HS256', typ: 'JWT', kid }),
      hsWithTestSecret: hmacWith(TEST_ENV.JWT_SECRET!, { alg: 'HS256', typ: 'JWT', kid }),
      // The key HS256 tokens would be signed with (derived from JWT_SECRET): not accepted under RS/ES.
      hsWithDerivedKey: hmacWith(t.config.jwt.derivedKeys.accessToken, { alg: 'HS256', typ: 'JWT', kid }),
      unknownKid: `${b64url({ ...decodeProtectedHeader(accessToken), kid: 'other' })}.${accessToken.split('.').slice(1).join('.')}`,
      noKid: `${b64url({ alg, typ: 'JWT' })}.${accessToken.split('.').slice(1).join('.')}`,
    };
    for (const [name, token] of Object.entries(forged)) {
      expect(() => t.deps.accessTokens.verify(token, new Date()), name).toThrow(/invalid/);
      // Over HTTP the request is anonymous: `me` is null, not the victim.
      expect((await t.graphql(ME, {}, { token })).data, name).toEqual({ me: null });
    }
    // The genuine one still works (the forgeries were refused for their signature, not their claims).
    expect(t.deps.accessTokens.verify(accessToken, new Date())).toMatchObject({ sub: user.id, sid: session.id });
  });
});

describe('key rotation', () => {
  const oldKey = keyPair('ES256');
  const newKey = keyPair('RS256');
  let first: TestApp;
  beforeAll(async () => {
    first = await createTestApp({ env: { JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: oldKey.privateKeyPem } });
  });

  it('keeps accepting and publishing a retired key until it is removed', async () => {
    const { user, accessToken: oldToken } = await signedInUser(first.deps);
    const oldKid = decodeProtectedHeader(oldToken).kid!;

    // Rotate to a new key (here also a new algorithm); the old public key stays for a while.
    const rotated = await redeploy(first, {
      JWT_ALGORITHM: 'RS256',
      JWT_PRIVATE_KEY: newKey.privateKeyPem.replace(/\n/g, '\\n'), // one-line form, as in .env files
      JWT_PREVIOUS_PUBLIC_KEYS: oldKey.publicKeyPem,
    });
    const server = await listen(rotated.app);
    try {
      const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
      const { accessToken: newToken } = await signedInUser(rotated.deps);
      const newKid = decodeProtectedHeader(newToken).kid!;
      expect(newKid).not.toBe(oldKid);
      const document = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string; alg: string }[] };
      expect(document.keys.map((k) => [k.kid, k.alg])).toEqual([
        [newKid, 'RS256'],
        [oldKid, 'ES256'],
      ]);
      // The default kid is the RFC 7638 thumbprint, so a PEM-listed previous key keeps its kid.
      for (const token of [oldToken, newToken]) await jwtVerify(token, jwks, { issuer: 'gatehouse', audience: 'gatehouse' });
      expect((await rotated.graphql<{ me: { id: string } }>(ME, {}, { token: oldToken })).data?.me.id).toBe(user.id);
    } finally {
      await server.close();
      await rotated.close();
    }

    // Once the old key is removed, its tokens are refused by Gatehouse and by verifiers.
    const retired = await redeploy(first, { JWT_ALGORITHM: 'RS256', JWT_PRIVATE_KEY: newKey.privateKeyPem });
    const server2 = await listen(retired.app);
    try {
      const jwks = createRemoteJWKSet(new URL(`${server2.url}/.well-known/jwks.json`));
      await expect(jwtVerify(oldToken, jwks)).rejects.toThrow(/no applicable key/i);
      expect(() => retired.deps.accessTokens.verify(oldToken, new Date())).toThrow(/invalid/);
    } finally {
      await server2.close();
      await retired.close();
    }
  });

  it('publishes an empty key set with HS256', async () => {
    const hs = await redeploy(first, {});
    try {
      const response = await hs.request('/.well-known/jwks.json');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/jwk-set+json');
      expect(await response.json()).toEqual({ keys: [] });
      expect((await hs.request('/.well-known/jwks.json', { method: 'POST' })).status).toBe(405);
      // An ES256 token is refused by an HS256 deployment.
      const { accessToken } = await signedInUser(first.deps);
      expect(() => hs.deps.accessTokens.verify(accessToken, new Date())).toThrow(/invalid/);
    } finally {
      await hs.close();
    }
  });
});
