/**
 * The GitHub preset (issue 14): plain OAuth 2.0 (no ID token) against a GitHub-style server on
 * loopback, the account found by GitHub's numeric id and its email taken from /user/emails
 * (primary and verified only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { startGithubServer, type GithubServer } from '../../helpers/github-server.js';
import { completeSignIn, REDIRECT_URI, startSignIn } from '../../helpers/oauth.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

describe('GitHub sign-in', () => {
  let gh: GithubServer;
  let t: TestApp;

  beforeAll(async () => {
    gh = await startGithubServer({ clientId: 'Iv1.gatehouse', clientSecret: 'gh-secret' });
    t = await createTestApp({
      env: {
        GH_SECRET: 'gh-secret',
        OAUTH_PROVIDERS: JSON.stringify([
          gh.providerEntry({ id: 'github', clientSecretEnv: 'GH_SECRET', redirectUris: [REDIRECT_URI], allowRegistration: true, trustEmailForLinking: true }),
        ]),
      },
    });
  });
  afterAll(() => gh.close());

  /** GitHub approves at once: the authorization URL redirects straight back with code and state. */
  async function signInAs(user: GithubServer['nextUser'], tamperCode = false) {
    gh.nextUser = user;
    const { authorizationUrl } = await startSignIn(t, 'github');
    const res = await fetch(authorizationUrl, { redirect: 'manual' });
    const back = new URL(res.headers.get('location')!);
    const code = back.searchParams.get('code')!;
    return completeSignIn(t, { state: back.searchParams.get('state')!, code: tamperCode ? `${code}x` : code, iss: null });
  }

  it('asks for read:user and user:email with PKCE, and no nonce', async () => {
    const url = new URL((await startSignIn(t, 'github')).authorizationUrl);
    expect(url.searchParams.get('scope')).toBe('read:user user:email');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.has('nonce')).toBe(false);
  });

  it('creates an account from the primary verified email and finds it again by the numeric id after a rename', async () => {
    const octo = { id: 583231, login: 'octocat', name: 'Mona Lisa Octocat', emails: [{ email: 'octocat@github.example', primary: true, verified: true }] };
    const first = await signInAs(octo);
    expect(first.errors).toBeUndefined();
    const payload = first.data!.completeOAuthSignIn;
    if (payload.__typename !== 'AuthPayload') throw new Error('expected a session');
    expect(payload.user.email).toBe('octocat@github.example');
    const identity = await t.deps.prisma.identity.findFirstOrThrow({ where: { userId: payload.user.id } });
    expect(identity).toMatchObject({ provider: 'github', subject: '583231', emailVerified: true });
    expect(await t.deps.prisma.user.findUniqueOrThrow({ where: { id: payload.user.id } })).toMatchObject({ firstName: 'Mona', lastName: 'Lisa Octocat' });

    const renamed = await signInAs({ ...octo, login: 'monalisa', emails: [{ email: 'mona@new.example', primary: true, verified: true }] });
    expect(renamed.data!.completeOAuthSignIn).toMatchObject({ user: { id: payload.user.id } });
  });

  it('does not use an unverified primary email, even when another address is verified', async () => {
    const result = await signInAs({
      id: 1001,
      login: 'halfway',
      name: null,
      emails: [
        { email: 'halfway@example.com', primary: true, verified: false },
        { email: 'other@example.com', primary: false, verified: true },
      ],
    });
    expect(errorCode(result)).toBe('OAUTH_EMAIL_NOT_VERIFIED');
  });

  it('links an existing account with the same verified primary email (trusted for linking)', async () => {
    const owner = await createUser(t.deps, { email: 'dev@example.com' });
    const result = await signInAs({ id: 2002, login: 'dev', name: 'Dev', emails: [{ email: 'dev@example.com', primary: true, verified: true }] });
    expect(result.data!.completeOAuthSignIn).toMatchObject({ __typename: 'AuthPayload', user: { id: owner.id } });
  });

  it('answers a refused code (GitHub reports it with HTTP 200) as OAUTH_PROVIDER_ERROR', async () => {
    const result = await signInAs({ id: 3003, login: 'x', name: null, emails: [{ email: 'x@example.com', primary: true, verified: true }] }, true);
    expect(errorCode(result)).toBe('OAUTH_PROVIDER_ERROR');
    expect(result.status).toBe(200);
  });
});
