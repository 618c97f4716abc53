/**
 * "Sign in with …" through the Apollo example (examples/apollo-bearer.ts: startSocialSignIn and
 * finishSocialSignIn) against a real Gatehouse process and a real OpenID provider on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBearerClient, finishSocialSignIn, startSocialSignIn, type TokenStore, type Tokens } from '../../examples/apollo-bearer.js';
import { startGatehouse, type GatehouseProcess } from '../helpers/gatehouse-process.js';
import { startTestIdp, type TestIdp } from '../helpers/oidc-provider.js';
import { REDIRECT_URI } from '../helpers/oauth.js';
import { Me } from './operations.js';

describe('Apollo Client: social sign-in', () => {
  let idp: TestIdp;
  let gatehouse: GatehouseProcess;
  beforeAll(async () => {
    idp = await startTestIdp({ clients: [{ client_id: 'gatehouse', client_secret: 'gatehouse-secret', redirect_uris: [REDIRECT_URI] }] });
    gatehouse = await startGatehouse({
      IDP_SECRET: 'gatehouse-secret',
      OAUTH_PROVIDERS: JSON.stringify([
        {
          type: 'oidc',
          id: 'corp',
          issuer: idp.issuer,
          clientId: 'gatehouse',
          clientSecretEnv: 'IDP_SECRET',
          redirectUris: [REDIRECT_URI],
          allowRegistration: true,
        },
      ]),
    });
  });
  afterAll(() => idp.close());

  function client() {
    let tokens: Tokens | null = null;
    const store: TokenStore = { get: () => tokens, set: (next) => (tokens = next) };
    return { store, client: createBearerClient({ url: gatehouse.url, store }) };
  }

  it('starts, lets the provider sign the person in, finishes, and is signed in', async () => {
    idp.accounts.set('apollo', { email: 'apollo@example.com', email_verified: true });
    const { client: apollo, store } = client();
    const { authorizationUrl, state } = await startSocialSignIn(apollo, 'corp', REDIRECT_URI);
    const callback = await idp.authorize(authorizationUrl, 'apollo');
    const user = await finishSocialSignIn(apollo, store, callback.href, state);
    expect(user.email).toBe('apollo@example.com');
    const { data } = await apollo.query({ query: Me });
    expect(data?.me?.email).toBe('apollo@example.com');
  });

  it('refuses to finish a sign-in it did not start (another state)', async () => {
    idp.accounts.set('someone', { email: 'someone@example.com', email_verified: true });
    const { client: apollo, store } = client();
    const theirs = await startSocialSignIn(apollo, 'corp', REDIRECT_URI);
    const mine = await startSocialSignIn(apollo, 'corp', REDIRECT_URI);
    const callback = await idp.authorize(theirs.authorizationUrl, 'someone');
    await expect(finishSocialSignIn(apollo, store, callback.href, mine.state)).rejects.toThrow('not started here');
    expect(store.get()).toBeNull();
  });
});
