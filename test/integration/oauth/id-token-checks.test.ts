/**
 * The provider's answer is checked before anyone is signed in (issue 14): ID tokens forged by the
 * test (`alg: none`, another key, HS256 keyed with the client secret, wrong audience, issuer or
 * nonce, expired) against a provider whose JWKS the test serves; a real provider's expired token
 * (by the injected clock), a swapped nonce and an HS256 client; a provider that is down or silent.
 * Every refusal is a typed error, audited, never a 500.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../../src/security/encryption.js';
import { errorCode } from '../../helpers/graphql.js';
import { forgeJwt, startForgingIdp, type ForgingIdp } from '../../helpers/forging-idp.js';
import { callbackArgs, startTestIdp, type TestIdp } from '../../helpers/oidc-provider.js';
import { completeSignIn, REDIRECT_URI, START_SIGN_IN, startSignIn } from '../../helpers/oauth.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { tokenDigest } from '../../../src/auth/tokens/opaque.js';

describe('checks on the provider’s answer', () => {
  let idp: TestIdp;
  let forging: ForgingIdp;
  let silent: Server;
  let t: TestApp;
  const clock = new TestClock();

  beforeAll(async () => {
    idp = await startTestIdp({
      clients: [
        { client_id: 'gatehouse', client_secret: 'gatehouse-secret', redirect_uris: [REDIRECT_URI] },
        {
          client_id: 'gatehouse-hs',
          client_secret: 'gatehouse-hs-secret-long-enough-for-hmac',
          redirect_uris: [REDIRECT_URI],
          id_token_signed_response_alg: 'HS256',
        },
      ],
    });
    forging = await startForgingIdp();
    // Accepts connections and never answers.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const common = { type: 'oidc', redirectUris: [REDIRECT_URI], allowRegistration: true, trustEmailForLinking: true };
    t = await createTestApp({
      clock,
      env: {
        OAUTH_STATE_TTL_SECONDS: '3600',
        SECRET_A: 'gatehouse-secret',
        SECRET_HS: 'gatehouse-hs-secret-long-enough-for-hmac',
        SECRET_FORGE: 'forge-client-secret',
        OAUTH_PROVIDERS: JSON.stringify([
          { ...common, id: 'real', issuer: idp.issuer, clientId: 'gatehouse', clientSecretEnv: 'SECRET_A' },
          { ...common, id: 'real-hs', issuer: idp.issuer, clientId: 'gatehouse-hs', clientSecretEnv: 'SECRET_HS' },
          { ...common, id: 'forge', issuer: forging.issuer, clientId: 'gatehouse', clientSecretEnv: 'SECRET_FORGE' },
          // Nothing listens on port 9 of loopback (discard): refused at once.
          { ...common, id: 'down', issuer: 'http://127.0.0.1:9', clientId: 'gatehouse' },
          { ...common, id: 'silent', issuer: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, clientId: 'gatehouse', timeoutSeconds: 1 },
        ]),
      },
    });
  });
  afterAll(async () => {
    await Promise.all([idp.close(), forging.close()]);
    silent.closeAllConnections();
    silent.close();
  });

  describe('forged ID tokens', () => {
    let sequence = 0;
    /** Starts a flow at the forging provider, lets `forge` make the ID token from good claims, completes. */
    async function withToken(forge: (claims: Record<string, unknown>) => string) {
      const { authorizationUrl, state } = await startSignIn(t, 'forge');
      const nonce = new URL(authorizationUrl).searchParams.get('nonce')!;
      const now = Math.floor(clock.now().getTime() / 1000);
      sequence += 1;
      const claims = {
        iss: forging.issuer,
        sub: `forged-${sequence}`,
        aud: 'gatehouse',
        iat: now,
        exp: now + 300,
        nonce,
        email: `forged-${sequence}@example.com`,
        email_verified: true,
      };
      forging.nextIdToken = forge(claims);
      return completeSignIn(t, { state, code: 'any-code', iss: null });
    }

    it('accepts a well-formed token signed with the published key (the harness works)', async () => {
      const result = await withToken((c) => forgeJwt(c, { alg: 'RS256', key: forging.key }));
      expect(result.errors).toBeUndefined();
      expect(result.data!.completeOAuthSignIn.__typename).toBe('AuthPayload');
    });

    it.each([
      ['alg: none', (c: Record<string, unknown>) => forgeJwt(c, { alg: 'none' })],
      ['a key the provider never published', (c: Record<string, unknown>) => forgeJwt(c, { alg: 'RS256', key: forging.strangerKey })],
      ['HS256 keyed with the client secret (HS/RS confusion)', (c: Record<string, unknown>) => forgeJwt(c, { alg: 'HS256', secret: 'forge-client-secret' })],
      ['another audience', (c: Record<string, unknown>) => forgeJwt({ ...c, aud: 'someone-else' }, { alg: 'RS256', key: forging.key })],
      [
        'several audiences and no azp',
        (c: Record<string, unknown>) => forgeJwt({ ...c, aud: ['gatehouse', 'someone-else'] }, { alg: 'RS256', key: forging.key }),
      ],
      [
        'an azp naming another client',
        (c: Record<string, unknown>) => forgeJwt({ ...c, aud: ['gatehouse', 'x'], azp: 'x' }, { alg: 'RS256', key: forging.key }),
      ],
      ['another issuer', (c: Record<string, unknown>) => forgeJwt({ ...c, iss: 'https://evil.example' }, { alg: 'RS256', key: forging.key })],
      ['another nonce', (c: Record<string, unknown>) => forgeJwt({ ...c, nonce: 'not-the-nonce' }, { alg: 'RS256', key: forging.key })],
      [
        'an expiry an hour ago',
        (c: Record<string, unknown>) => forgeJwt({ ...c, iat: (c.iat as number) - 7200, exp: (c.iat as number) - 3600 }, { alg: 'RS256', key: forging.key }),
      ],
      [
        'a tampered payload',
        (c: Record<string, unknown>) =>
          forgeJwt(c, { alg: 'RS256', key: forging.key }).replace(
            /\.[^.]+\./,
            `.${Buffer.from(JSON.stringify({ ...c, sub: 'admin' })).toString('base64url')}.`,
          ),
      ],
    ])('refuses an ID token with %s', async (_name, forge) => {
      const before = await t.deps.prisma.user.count();
      const result = await withToken(forge);
      expect(errorCode(result)).toBe('OAUTH_PROVIDER_ERROR');
      expect(result.status).toBe(200);
      expect(Object.keys(result.errors![0]!.extensions!)).toEqual(['code']);
      expect(await t.deps.prisma.user.count()).toBe(before);
      const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'oauth.sign_in_failed' }, orderBy: { createdAt: 'desc' } });
      expect(JSON.parse(audit.metadata)).toMatchObject({ provider: 'forge', step: 'token' });
    });
  });

  describe('a real provider', () => {
    it('refuses its ID token once expired by the server’s clock', async () => {
      idp.accounts.set('late', { email: 'late@example.com', email_verified: true });
      const { authorizationUrl } = await startSignIn(t, 'real');
      const args = callbackArgs(await idp.authorize(authorizationUrl, 'late'));
      // The provider's ID tokens live 600 s; the state (OAUTH_STATE_TTL_SECONDS=3600) is still good.
      clock.advance(20 * 60_000);
      expect(errorCode(await completeSignIn(t, args))).toBe('OAUTH_PROVIDER_ERROR');
      const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'oauth.sign_in_failed' }, orderBy: { createdAt: 'desc' } });
      expect(JSON.parse(audit.metadata)).toMatchObject({ provider: 'real', reason: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' });
    });

    it('refuses an ID token whose nonce is not the one this flow sent', async () => {
      idp.accounts.set('nonce', { email: 'nonce@example.com', email_verified: true });
      const { authorizationUrl, state } = await startSignIn(t, 'real');
      // The flow's stored nonce is replaced, as if the ID token had been minted for another request.
      const tokenHash = tokenDigest(state);
      const row = await t.deps.prisma.signInChallenge.findUniqueOrThrow({ where: { tokenHash } });
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      payload.nonce = encryptSecret(t.config.dataEncryption, 'some-other-nonce', `oauth:${tokenHash}`);
      await t.deps.prisma.signInChallenge.update({ where: { tokenHash }, data: { payload: JSON.stringify(payload) } });
      const result = await completeSignIn(t, callbackArgs(await idp.authorize(authorizationUrl, 'nonce')));
      expect(errorCode(result)).toBe('OAUTH_PROVIDER_ERROR');
      expect(await t.deps.prisma.user.count({ where: { email: 'nonce@example.com' } })).toBe(0);
    });

    it('refuses an HS256 ID token from a provider that signs with the client secret', async () => {
      idp.accounts.set('hs', { email: 'hs@example.com', email_verified: true });
      const { authorizationUrl } = await startSignIn(t, 'real-hs');
      const result = await completeSignIn(t, callbackArgs(await idp.authorize(authorizationUrl, 'hs')));
      expect(errorCode(result)).toBe('OAUTH_PROVIDER_ERROR');
    });

    it('refuses a code exchanged with another flow’s PKCE verifier (the code of one flow completed with the state of another)', async () => {
      idp.accounts.set('swap', { email: 'swap@example.com', email_verified: true });
      const first = await startSignIn(t, 'real');
      const second = await startSignIn(t, 'real');
      const args = callbackArgs(await idp.authorize(first.authorizationUrl, 'swap'));
      // The second flow's state with the first flow's code: the provider refuses the verifier.
      const result = await completeSignIn(t, { ...args, state: second.state });
      expect(errorCode(result)).toBe('OAUTH_PROVIDER_ERROR');
    });
  });

  describe('a provider that cannot be reached', () => {
    it('answers OAUTH_PROVIDER_UNAVAILABLE when discovery is refused', async () => {
      const result = await t.graphql(START_SIGN_IN, { p: 'down', r: REDIRECT_URI });
      expect(errorCode(result)).toBe('OAUTH_PROVIDER_UNAVAILABLE');
      expect(result.status).toBe(200);
      // What failed and why goes to the log, not to the client.
      expect(Object.keys(result.errors![0]!.extensions!)).toEqual(['code']);
    });

    it('gives up on a silent provider after its timeoutSeconds', async () => {
      expect(errorCode(await t.graphql(START_SIGN_IN, { p: 'silent', r: REDIRECT_URI }))).toBe('OAUTH_PROVIDER_UNAVAILABLE');
    });

    it('answers OAUTH_PROVIDER_UNAVAILABLE when the provider goes down between start and completion', async () => {
      const gone = await startTestIdp({ clients: [{ client_id: 'gatehouse', client_secret: 'gatehouse-secret', redirect_uris: [REDIRECT_URI] }] });
      const app = await createTestApp({
        env: {
          SECRET_A: 'gatehouse-secret',
          OAUTH_PROVIDERS: JSON.stringify([
            {
              type: 'oidc',
              id: 'gone',
              issuer: gone.issuer,
              clientId: 'gatehouse',
              clientSecretEnv: 'SECRET_A',
              redirectUris: [REDIRECT_URI],
              allowRegistration: true,
            },
          ]),
        },
      });
      gone.accounts.set('someone', { email: 'someone@example.com', email_verified: true });
      const { authorizationUrl } = await startSignIn(app, 'gone');
      const args = callbackArgs(await gone.authorize(authorizationUrl, 'someone'));
      await gone.close();
      expect(errorCode(await completeSignIn(app, args))).toBe('OAUTH_PROVIDER_UNAVAILABLE');
    });
  });
});
