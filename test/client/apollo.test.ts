/**
 * A real Apollo Client (v4, in Node) against a real Gatehouse process, through the code of
 * examples/apollo-bearer.ts and examples/apollo-cookies.ts (docs/clients.md quotes those files).
 */
import { CombinedGraphQLErrors } from '@apollo/client';
import { CookieJar } from 'tough-cookie';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBearerClient, login, type TokenStore, type Tokens } from '../../examples/apollo-bearer.js';
import { createCookieClient } from '../../examples/apollo-cookies.js';
import { createAccessTokenService } from '../../src/auth/tokens/access-token.js';
import { createUser, PASSWORD } from '../helpers/factories.js';
import { startGatehouse, type GatehouseProcess } from '../helpers/gatehouse-process.js';
import { CookieLogin, CookieRefresh, Me, MySessions, SignOut } from './operations.js';
import { LOGIN } from '../helpers/accounts.js';
import { createHttpClient } from '../helpers/graphql.js';
import { CONFIRM_TOTP, START_TOTP } from '../helpers/second-factors.js';
import { totpCode } from '../helpers/totp.js';

/** A token store that remembers, and a fetch that records which operations went over the wire. */
function harness() {
  let tokens: Tokens | null = null;
  const store: TokenStore = { get: () => tokens, set: (next) => (tokens = next) };
  const sent: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    sent.push((JSON.parse(String(init?.body)) as { operationName: string }).operationName);
    return fetch(input, init);
  };
  return { store, sent, fetch: recordingFetch };
}

function codesOf(error: unknown): string[] {
  return CombinedGraphQLErrors.is(error) ? error.errors.map((e) => String(e.extensions?.code)) : [`not a GraphQL error: ${String(error)}`];
}

describe('Apollo Client with Bearer tokens and the refresh link', () => {
  let gatehouse: GatehouseProcess;
  let email: string;
  beforeAll(async () => {
    gatehouse = await startGatehouse();
    email = (await createUser(gatehouse.deps, { firstName: 'Grace' })).email;
  });

  /** A genuine access token for the session, signed by the server's key, that expired an hour ago. */
  const expiredAccessToken = (accessToken: string) => {
    const service = createAccessTokenService(gatehouse.config);
    const { sub, sid } = service.verify(accessToken, new Date());
    return service.sign({ userId: sub, sessionId: sid }, new Date(Date.now() - 3_600_000)).token;
  };

  it('logs in, then sends the access token on every operation', async () => {
    const h = harness();
    const client = createBearerClient({ url: gatehouse.url, store: h.store, fetch: h.fetch });
    const user = await login(client, h.store, email, PASSWORD);
    expect(user.email).toBe(email);
    const { data } = await client.query({ query: Me });
    expect(data?.me).toMatchObject({ email, firstName: 'Grace' });
    expect(h.sent).toEqual(['Login', 'CurrentUser']);
  });

  it('signs an account with an authenticator app in through the MfaChallenge branch, asking for a code', async () => {
    // The server process runs on the real clock: the code comes from the test's own RFC 6238.
    const { email: mfaEmail, secret } = await userWithAuthenticator();
    const h = harness();
    const client = createBearerClient({ url: gatehouse.url, store: h.store, fetch: h.fetch });
    await expect(login(client, h.store, mfaEmail, PASSWORD)).rejects.toThrow(/second factor/);
    const asked: string[][] = [];
    const user = await login(client, h.store, mfaEmail, PASSWORD, async ({ methods }) => {
      asked.push(methods);
      return totpCode(secret, new Date(), 1);
    });
    expect(user.email).toBe(mfaEmail);
    expect(asked).toEqual([['TOTP', 'RECOVERY_CODE']]);
    const { data } = await client.query({ query: Me });
    expect(data?.me?.email).toBe(mfaEmail);
    expect(h.sent).toEqual(['Login', 'Login', 'CompleteMfaSignIn', 'CurrentUser']);
  });

  /** A user whose authenticator app was enrolled through the API (Bearer, plain fetch), with the code of the current step. */
  async function userWithAuthenticator(): Promise<{ email: string; secret: string }> {
    const user = await createUser(gatehouse.deps);
    const http = createHttpClient(gatehouse.url);
    const signedIn = await http.graphql<{ login: { accessToken: string } }>(LOGIN, { email: user.email, password: PASSWORD });
    const token = signedIn.data!.login.accessToken;
    const started = await http.graphql<{ startTotpEnrollment: { secret: string } }>(START_TOTP, {}, { token });
    const secret = started.data!.startTotpEnrollment.secret;
    const confirmed = await http.graphql(CONFIRM_TOTP, { code: totpCode(secret, new Date()) }, { token });
    if (confirmed.errors) throw new Error(JSON.stringify(confirmed.errors));
    return { email: user.email, secret };
  }

  it('refreshes and retries once when the server answers TOKEN_EXPIRED', async () => {
    const h = harness();
    const client = createBearerClient({ url: gatehouse.url, store: h.store, fetch: h.fetch });
    await login(client, h.store, email, PASSWORD);
    const before = h.store.get()!;
    // The client believes the token is fresh; the server knows it is not.
    h.store.set({ ...before, accessToken: expiredAccessToken(before.accessToken) });

    const { data } = await client.query({ query: MySessions });
    expect(data?.mySessions.filter((s) => s.current)).toHaveLength(1);
    expect(h.sent).toEqual(['Login', 'MySessions', 'RefreshToken', 'MySessions']);
    expect(h.store.get()!.refreshToken).not.toBe(before.refreshToken); // rotated
    expect(Object.keys(h.store.get()!).sort()).toEqual(['accessToken', 'accessTokenExpiresAt', 'refreshToken']);
  });

  it('refreshes on TOKEN_INVALID too (a garbled or rotated-out token)', async () => {
    const h = harness();
    const client = createBearerClient({ url: gatehouse.url, store: h.store, fetch: h.fetch });
    await login(client, h.store, email, PASSWORD);
    h.store.set({ ...h.store.get()!, accessToken: 'garbled.not-a.jwt' });
    const { data } = await client.query({ query: MySessions });
    expect(data?.mySessions.length).toBeGreaterThan(0);
    expect(h.sent).toEqual(['Login', 'MySessions', 'RefreshToken', 'MySessions']);
  });

  it('refreshes before sending when the stored expiry has passed, once for concurrent operations', async () => {
    const h = harness();
    const client = createBearerClient({ url: gatehouse.url, store: h.store, fetch: h.fetch });
    await login(client, h.store, email, PASSWORD);
    const tokens = h.store.get()!;
    h.store.set({ ...tokens, accessToken: expiredAccessToken(tokens.accessToken), accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString() });

    // `me` is public: with an expired token it would answer null rather than fail, so only an
    // early refresh keeps it right.
    const [me, sessions] = await Promise.all([client.query({ query: Me }), client.query({ query: MySessions })]);
    expect(me.data?.me?.email).toBe(email);
    expect(sessions.data?.mySessions.length).toBeGreaterThan(0);
    expect(h.sent.filter((name) => name === 'RefreshToken')).toHaveLength(1);
    expect(h.sent.slice(0, 2)).toEqual(['Login', 'RefreshToken']);
  });

  it('after logout the refresh is refused: the store is cleared and the original error surfaces', async () => {
    const h = harness();
    const client = createBearerClient({ url: gatehouse.url, store: h.store, fetch: h.fetch });
    await login(client, h.store, email, PASSWORD);
    const tokens = h.store.get()!;
    expect((await client.mutate({ mutation: SignOut })).data?.logout).toBe(true);
    h.store.set(tokens); // a client that kept the tokens of a revoked session

    const error = await client.query({ query: MySessions }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(codesOf(error)).toEqual(['UNAUTHENTICATED']);
    expect(h.sent).toEqual(['Login', 'SignOut', 'MySessions', 'RefreshToken']);
    expect(h.store.get()).toBeNull();
  });
});

describe('Apollo Client in cookie mode (credentials: include, CSRF header, cookie jar)', () => {
  let gatehouse: GatehouseProcess;
  let email: string;
  beforeAll(async () => {
    gatehouse = await startGatehouse({ AUTH_COOKIES: 'true', AUTH_COOKIE_SECURE: 'false' });
    email = (await createUser(gatehouse.deps, { firstName: 'Ada' })).email;
  });

  it('logs in with cookies, is signed in on the next request, refreshes by cookie and logs out', async () => {
    const jar = new CookieJar();
    const client = createCookieClient({ url: gatehouse.url, jar });
    const { data: signedIn } = await client.mutate({ mutation: CookieLogin, variables: { email, password: PASSWORD } });
    expect(signedIn?.login.user.email).toBe(email);

    // The jar holds both httpOnly cookies; the refresh cookie goes to /graphql only.
    const cookies = await jar.getCookies(`${gatehouse.url}/graphql`);
    expect(cookies.map((c) => [c.key, c.httpOnly, c.path]).sort()).toEqual([
      ['gatehouse_access', true, '/'],
      ['gatehouse_refresh', true, '/graphql'],
    ]);
    expect(await jar.getCookies(`${gatehouse.url}/healthz`)).toHaveLength(1);

    const { data: me } = await client.query({ query: Me, fetchPolicy: 'network-only' });
    expect(me?.me).toMatchObject({ email, firstName: 'Ada' });

    // The refresh cookie rotates (the access JWT can be byte-identical when issued in the same second).
    const refreshCookie = async () => (await jar.getCookies(`${gatehouse.url}/graphql`)).find((c) => c.key === 'gatehouse_refresh')!.value;
    const refreshBefore = await refreshCookie();
    const { data: refreshed } = await client.mutate({ mutation: CookieRefresh });
    expect(refreshed?.refreshToken.accessTokenExpiresAt).toBeTruthy();
    expect(await refreshCookie()).not.toBe(refreshBefore);
    const { data: sessions } = await client.query({ query: MySessions, fetchPolicy: 'network-only' });
    expect(sessions?.mySessions.filter((s) => s.current).map((s) => s.id)).toEqual([signedIn!.login.session.id]);

    expect((await client.mutate({ mutation: SignOut })).data?.logout).toBe(true);
    expect(await jar.getCookies(`${gatehouse.url}/graphql`)).toEqual([]);
    const { data: after } = await client.query({ query: Me, fetchPolicy: 'network-only' });
    expect(after?.me).toBeNull();
  });

  it('the CSRF header is what lets a cookie request through: without it, a GET is refused with 403', async () => {
    const jar = new CookieJar();
    const client = createCookieClient({ url: gatehouse.url, jar });
    await client.mutate({ mutation: CookieLogin, variables: { email, password: PASSWORD } });
    const cookie = await jar.getCookieString(`${gatehouse.url}/graphql`);
    const query = `${gatehouse.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`;
    const refused = await fetch(query, { headers: { cookie } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    const allowed = await fetch(query, { headers: { cookie, 'x-graphql-csrf': '1' } });
    expect(await allowed.json()).toEqual({ data: { me: { email } } });
  });
});
