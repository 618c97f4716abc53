/**
 * Sign-in with a real OpenID Connect provider (issue 14): oidc-provider on loopback, the whole
 * authorization-code + PKCE flow over HTTP, through Gatehouse's API. New accounts, the linking
 * rules, existing identities, a second factor after the provider, and the refusals of the state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { callbackArgs, startTestIdp, type TestIdp } from '../../helpers/oidc-provider.js';
import { COMPLETE_MFA, enrolTotp } from '../../helpers/second-factors.js';
import { COMPLETE_SIGN_IN, completeSignIn, REDIRECT_URI, START_SIGN_IN, startSignIn } from '../../helpers/oauth.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { totpCode } from '../../helpers/totp.js';

describe('OpenID Connect sign-in', () => {
  let idp: TestIdp;
  let t: TestApp;
  const clock = new TestClock();

  beforeAll(async () => {
    idp = await startTestIdp({ clients: [{ client_id: 'gatehouse', client_secret: 'gatehouse-secret', redirect_uris: [REDIRECT_URI] }] });
    const base = { type: 'oidc', issuer: idp.issuer, clientId: 'gatehouse', clientSecretEnv: 'IDP_SECRET', redirectUris: [REDIRECT_URI] };
    t = await createTestApp({
      clock,
      env: {
        IDP_SECRET: 'gatehouse-secret',
        OAUTH_PROVIDERS: JSON.stringify([
          { ...base, id: 'corp', name: 'Corp SSO', allowRegistration: true, trustEmailForLinking: true },
          { ...base, id: 'untrusted', allowRegistration: true },
          { ...base, id: 'closed' },
        ]),
      },
    });
  });
  afterAll(() => idp.close());

  /** Start, sign in at the provider as `login`, complete. */
  async function signInAs(provider: string, login: string) {
    const { authorizationUrl } = await startSignIn(t, provider);
    return completeSignIn(t, callbackArgs(await idp.authorize(authorizationUrl, login)));
  }

  it('lists the configured providers for a login page', async () => {
    const result = await t.graphql<{ oauthProviders: { id: string; name: string; kind: string; allowsRegistration: boolean }[] }>(
      '{ oauthProviders { id name kind allowsRegistration } }',
    );
    expect(result.data!.oauthProviders).toEqual([
      { id: 'corp', name: 'Corp SSO', kind: 'oidc', allowsRegistration: true },
      { id: 'untrusted', name: 'OpenID Connect', kind: 'oidc', allowsRegistration: true },
      { id: 'closed', name: 'OpenID Connect', kind: 'oidc', allowsRegistration: false },
    ]);
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, and keeps only digests and ciphertexts', async () => {
    const { authorizationUrl, state } = await startSignIn(t, 'corp');
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(state);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    const nonce = url.searchParams.get('nonce')!;
    expect(nonce.length).toBeGreaterThan(20);
    const rows = await t.deps.prisma.signInChallenge.findMany({ where: { purpose: 'OAUTH' } });
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(state);
    expect(stored).not.toContain(nonce);
  });

  it('creates a verified account without a password for a new person with a verified email, then signs the same identity in again', async () => {
    idp.accounts.set('newcomer', { email: 'Newcomer@Example.com', email_verified: true, given_name: 'New', family_name: 'Comer' });
    const first = await signInAs('corp', 'newcomer');
    expect(first.errors).toBeUndefined();
    const payload = first.data!.completeOAuthSignIn;
    if (payload.__typename !== 'AuthPayload') throw new Error('expected a session');
    expect(payload.user).toMatchObject({ email: 'newcomer@example.com', emailVerified: true });
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { id: payload.user.id }, include: { identities: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.firstName).toBe('New');
    expect(user.identities).toMatchObject([{ provider: 'corp', subject: 'sub-newcomer', emailVerified: true }]);
    const session = await t.deps.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(JSON.parse(session.authMethods)).toEqual(['oauth']);

    // The identity, not the email, finds the account next time (even with another address at the provider).
    idp.accounts.set('newcomer', { email: 'renamed@example.com', email_verified: true });
    const again = await signInAs('corp', 'newcomer');
    expect(again.data!.completeOAuthSignIn).toMatchObject({ __typename: 'AuthPayload', user: { id: user.id } });
    expect(await t.deps.prisma.user.count({ where: { email: 'renamed@example.com' } })).toBe(0);
    const types = (await t.deps.prisma.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['auth.registered', 'oauth.identity_linked', 'oauth.sign_in_succeeded', 'auth.login_succeeded']));
  });

  it('creates no account through a provider that does not allow registration', async () => {
    idp.accounts.set('stranger', { email: 'stranger@example.com', email_verified: true });
    expect(errorCode(await signInAs('closed', 'stranger'))).toBe('OAUTH_REGISTRATION_DISABLED');
    expect(await t.deps.prisma.user.count({ where: { email: 'stranger@example.com' } })).toBe(0);
  });

  // REGISTRATION_MODE holds for every way in: a provider allowed to register cannot open an invite-only server.
  it('creates no account while REGISTRATION_MODE is not open, and says so in oauthProviders', async () => {
    const closed = await createTestApp({
      clock,
      env: {
        IDP_SECRET: 'gatehouse-secret',
        REGISTRATION_MODE: 'invite-only',
        OAUTH_PROVIDERS: JSON.stringify([
          {
            type: 'oidc',
            issuer: idp.issuer,
            clientId: 'gatehouse',
            clientSecretEnv: 'IDP_SECRET',
            redirectUris: [REDIRECT_URI],
            id: 'corp',
            allowRegistration: true,
          },
        ]),
      },
    });
    expect((await closed.graphql('{ oauthProviders { allowsRegistration } }')).data).toEqual({ oauthProviders: [{ allowsRegistration: false }] });
    idp.accounts.set('walk-in', { email: 'walk-in@example.com', email_verified: true });
    const { authorizationUrl } = await startSignIn(closed, 'corp');
    expect(errorCode(await completeSignIn(closed, callbackArgs(await idp.authorize(authorizationUrl, 'walk-in'))))).toBe('OAUTH_REGISTRATION_DISABLED');
    expect(await closed.deps.prisma.user.count({ where: { email: 'walk-in@example.com' } })).toBe(0);
  });

  it('creates no account from an unverified (or missing) email', async () => {
    idp.accounts.set('unverified', { email: 'unverified@example.com', email_verified: false });
    expect(errorCode(await signInAs('corp', 'unverified'))).toBe('OAUTH_EMAIL_NOT_VERIFIED');
    idp.accounts.set('no-email', {});
    expect(errorCode(await signInAs('corp', 'no-email'))).toBe('OAUTH_EMAIL_NOT_VERIFIED');
    expect(await t.deps.prisma.user.count({ where: { email: 'unverified@example.com' } })).toBe(0);
  });

  describe('an account with the same email exists', () => {
    it('links it when the provider is trusted for linking and asserts the email as verified, and mails the owner', async () => {
      const owner = await createUser(t.deps, { email: 'owner@example.com' });
      idp.accounts.set('owner', { email: 'owner@example.com', email_verified: true });
      const result = await signInAs('corp', 'owner');
      expect(result.data!.completeOAuthSignIn).toMatchObject({ __typename: 'AuthPayload', user: { id: owner.id } });
      expect(await t.deps.prisma.identity.count({ where: { userId: owner.id, provider: 'corp' } })).toBe(1);
      const mail = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: 'owner@example.com', template: 'identity_linked' } });
      expect(JSON.parse(mail.payload)).toMatchObject({ provider: 'Corp SSO', email: 'owner@example.com' });
    });

    it('refuses with OAUTH_ACCOUNT_EXISTS when the provider is not trusted for linking, even with a verified email', async () => {
      const owner = await createUser(t.deps, { email: 'careful@example.com' });
      idp.accounts.set('careful', { email: 'careful@example.com', email_verified: true });
      expect(errorCode(await signInAs('untrusted', 'careful'))).toBe('OAUTH_ACCOUNT_EXISTS');
      expect(await t.deps.prisma.identity.count({ where: { userId: owner.id } })).toBe(0);
    });

    it('never links on an unverified email, even from a trusted provider (account takeover)', async () => {
      const victim = await createUser(t.deps, { email: 'victim@example.com' });
      idp.accounts.set('attacker', { email: 'victim@example.com', email_verified: false });
      expect(errorCode(await signInAs('corp', 'attacker'))).toBe('OAUTH_ACCOUNT_EXISTS');
      expect(await t.deps.prisma.identity.count({ where: { userId: victim.id } })).toBe(0);
      expect(await t.deps.prisma.session.count({ where: { userId: victim.id } })).toBe(0);
    });

    it('does not link to an account whose own email was never verified (pre-registered by someone else)', async () => {
      const squatter = await createUser(t.deps, { email: 'squatted@example.com', verified: false });
      idp.accounts.set('rightful', { email: 'squatted@example.com', email_verified: true });
      expect(errorCode(await signInAs('corp', 'rightful'))).toBe('OAUTH_ACCOUNT_EXISTS');
      expect(await t.deps.prisma.identity.count({ where: { userId: squatter.id } })).toBe(0);
    });
  });

  it('still asks for the second factor after the provider', async () => {
    const { user, accessToken } = await signedInUser(t.deps, { email: 'two-step@example.com' });
    const { secret } = await enrolTotp(t, accessToken, clock);
    idp.accounts.set('two-step', { email: 'two-step@example.com', email_verified: true });
    const result = await signInAs('corp', 'two-step');
    const challenge = result.data!.completeOAuthSignIn;
    if (challenge.__typename !== 'MfaChallenge') throw new Error(`expected an MfaChallenge, got ${JSON.stringify(result)}`);
    expect(await t.deps.prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    const done = await t.graphql<{ completeMfaSignIn: { user: { id: string } } }>(COMPLETE_MFA, { t: challenge.mfaToken, c: totpCode(secret, clock.now()) });
    expect(done.data!.completeMfaSignIn.user.id).toBe(user.id);
    const session = await t.deps.prisma.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: 'desc' } });
    expect(JSON.parse(session.authMethods)).toEqual(['oauth', 'totp']);
  });

  it('refuses a disabled account', async () => {
    const user = await createUser(t.deps, { email: 'disabled@example.com' });
    idp.accounts.set('disabled', { email: 'disabled@example.com', email_verified: true });
    expect((await signInAs('corp', 'disabled')).data!.completeOAuthSignIn.__typename).toBe('AuthPayload');
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(errorCode(await signInAs('corp', 'disabled'))).toBe('ACCOUNT_DISABLED');
  });

  describe('the state', () => {
    it('is single use: a replayed callback is refused', async () => {
      idp.accounts.set('replay', { email: 'replay@example.com', email_verified: true });
      const { authorizationUrl } = await startSignIn(t, 'corp');
      const args = callbackArgs(await idp.authorize(authorizationUrl, 'replay'));
      expect((await completeSignIn(t, args)).data!.completeOAuthSignIn.__typename).toBe('AuthPayload');
      expect(errorCode(await completeSignIn(t, args))).toBe('OAUTH_STATE_INVALID');
    });

    it('refuses a tampered state, and the code alone is worth nothing', async () => {
      idp.accounts.set('tamper', { email: 'tamper@example.com', email_verified: true });
      const { authorizationUrl } = await startSignIn(t, 'corp');
      const args = callbackArgs(await idp.authorize(authorizationUrl, 'tamper'));
      const flipped = args.state.slice(0, -1) + (args.state.endsWith('A') ? 'B' : 'A');
      expect(errorCode(await completeSignIn(t, { ...args, state: flipped }))).toBe('OAUTH_STATE_INVALID');
      expect(errorCode(await completeSignIn(t, { ...args, state: 'x'.repeat(5000) }))).toBe('OAUTH_STATE_INVALID');
      const failed = await t.deps.prisma.auditEvent.count({ where: { type: 'oauth.sign_in_failed' } });
      expect(failed).toBeGreaterThan(0);
    });

    it('expires after OAUTH_STATE_TTL_SECONDS', async () => {
      idp.accounts.set('slow', { email: 'slow@example.com', email_verified: true });
      const { authorizationUrl } = await startSignIn(t, 'corp');
      const args = callbackArgs(await idp.authorize(authorizationUrl, 'slow'));
      clock.advance((t.config.oauth.stateTtlSeconds + 1) * 1000);
      expect(errorCode(await completeSignIn(t, args))).toBe('OAUTH_STATE_INVALID');
    });
  });

  it('refuses a redirect URI that is not on the provider’s list, and an unknown provider', async () => {
    const other = await t.graphql(START_SIGN_IN, { p: 'corp', r: 'https://evil.example/callback' });
    expect(errorCode(other)).toBe('VALIDATION_FAILED');
    expect(other.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'redirectUri', code: 'not_allowed' })]);
    // A prefix of an allowed one is not allowed either.
    expect(errorCode(await t.graphql(START_SIGN_IN, { p: 'corp', r: `${REDIRECT_URI}/../evil` }))).toBe('VALIDATION_FAILED');
    const unknown = await t.graphql(START_SIGN_IN, { p: 'nope', r: REDIRECT_URI });
    expect(unknown.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'provider', code: 'unknown' })]);
  });

  it('counts starts and completions against RATE_LIMIT_OAUTH_IP', async () => {
    const limited = await createTestApp({
      env: {
        IDP_SECRET: 'gatehouse-secret',
        RATE_LIMIT_OAUTH_IP: '2/15m',
        OAUTH_PROVIDERS: JSON.stringify([
          { type: 'oidc', id: 'corp', issuer: idp.issuer, clientId: 'gatehouse', clientSecretEnv: 'IDP_SECRET', redirectUris: [REDIRECT_URI] },
        ]),
      },
    });
    const start = () => limited.graphql(START_SIGN_IN, { p: 'corp', r: REDIRECT_URI }, { ip: '203.0.113.7' });
    expect((await start()).errors).toBeUndefined();
    expect(errorCode(await limited.graphql(COMPLETE_SIGN_IN, { state: 'guess', code: 'c' }, { ip: '203.0.113.7' }))).toBe('OAUTH_STATE_INVALID');
    const refused = await start();
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await limited.graphql(START_SIGN_IN, { p: 'corp', r: REDIRECT_URI }, { ip: '198.51.100.9' })).errors).toBeUndefined();
  });

  it('reads the email from the ID token when the provider puts it there, and verification must be exactly true', async () => {
    const inToken = await startTestIdp({
      clients: [{ client_id: 'gatehouse', client_secret: 'gatehouse-secret', redirect_uris: [REDIRECT_URI] }],
      claimsInIdToken: true,
    });
    try {
      const app = await createTestApp({
        env: {
          IDP_SECRET: 'gatehouse-secret',
          OAUTH_PROVIDERS: JSON.stringify([
            {
              type: 'oidc',
              id: 'tok',
              issuer: inToken.issuer,
              clientId: 'gatehouse',
              clientSecretEnv: 'IDP_SECRET',
              redirectUris: [REDIRECT_URI],
              allowRegistration: true,
            },
          ]),
        },
      });
      const run = async (login: string) => {
        const { authorizationUrl } = await startSignIn(app, 'tok');
        return completeSignIn(app, callbackArgs(await inToken.authorize(authorizationUrl, login)));
      };
      inToken.accounts.set('claims', { email: 'claims@example.com', email_verified: true, given_name: 'Claire' });
      expect((await run('claims')).data!.completeOAuthSignIn).toMatchObject({ __typename: 'AuthPayload', user: { email: 'claims@example.com' } });
      // A string "true" is not a verification.
      inToken.accounts.set('stringly', { email: 'stringly@example.com', email_verified: 'true' as unknown as boolean });
      expect(errorCode(await run('stringly'))).toBe('OAUTH_EMAIL_NOT_VERIFIED');
    } finally {
      await inToken.close();
    }
  });
});
