/**
 * Linked identities while signed in (issue 14): linking with a fresh proof, bound to the user who
 * started it; an identity belongs to one account; unlinking, refused when it is the last way in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { callbackArgs, startTestIdp, type TestIdp } from '../../helpers/oidc-provider.js';
import { completeSignIn, LINK, MY_IDENTITIES, REDIRECT_URI, START_LINK, startSignIn, UNLINK } from '../../helpers/oauth.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

interface LinkedIdentity {
  id: string;
  provider: string;
  email: string | null;
}

describe('linked identities', () => {
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
          { ...base, id: 'corp', name: 'Corp SSO', allowRegistration: true },
          { ...base, id: 'other', name: 'Other SSO' },
        ]),
      },
    });
  });
  afterAll(() => idp.close());

  /** Starts a link as the holder of `token`, signs in at the provider as `login`; returns what the redirect carried. */
  async function linkCallback(token: string, login: string, provider = 'corp') {
    const started = await t.graphql<{ startLinkOAuthIdentity: { authorizationUrl: string } }>(START_LINK, { p: provider, r: REDIRECT_URI }, { token });
    if (!started.data) throw new Error(JSON.stringify(started.errors));
    return callbackArgs(await idp.authorize(started.data.startLinkOAuthIdentity.authorizationUrl, login));
  }

  async function link(token: string, login: string, provider = 'corp') {
    return t.graphql<{ linkOAuthIdentity: LinkedIdentity }>(LINK, { ...(await linkCallback(token, login, provider)) }, { token });
  }

  it('links an identity (whatever its email), lists it, mails the owner, and signs in through it afterwards', async () => {
    const { user, accessToken } = await signedInUser(t.deps, { email: 'linker@example.com' });
    idp.accounts.set('linker', { email: 'someone.else@elsewhere.example', email_verified: false });
    const linked = await link(accessToken, 'linker');
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkOAuthIdentity).toMatchObject({ provider: 'corp', email: 'someone.else@elsewhere.example' });

    const mine = await t.graphql<{ myIdentities: (LinkedIdentity & { providerName: string })[] }>(MY_IDENTITIES, {}, { token: accessToken });
    expect(mine.data!.myIdentities).toEqual([expect.objectContaining({ provider: 'corp', providerName: 'Corp SSO' })]);
    expect(await t.deps.prisma.outboxEmail.count({ where: { to: 'linker@example.com', template: 'identity_linked' } })).toBe(1);
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'oauth.identity_linked' } })).toBe(1);

    const { authorizationUrl } = await startSignIn(t, 'corp');
    const signedIn = await completeSignIn(t, callbackArgs(await idp.authorize(authorizationUrl, 'linker')));
    expect(signedIn.data!.completeOAuthSignIn).toMatchObject({ __typename: 'AuthPayload', user: { id: user.id } });
  });

  // #15 item 1: for an account without an address, a provider that gave no email was taken as
  // "confirming" it (null === null) and marked the account verified; no notice can go to it either.
  it('links and signs in an account without an address: never "verified" by a provider with no email, no notices, audited', async () => {
    const { user, accessToken } = await signedInUser(t.deps, { email: null, username: 'no.address' });
    idp.accounts.set('addressless', {});
    const notices = () => t.deps.prisma.outboxEmail.count({ where: { template: { in: ['identity_linked', 'identity_unlinked'] } } });
    const noticesBefore = await notices();
    const linked = await link(accessToken, 'addressless');
    expect(linked.errors).toBeUndefined();
    const { authorizationUrl } = await startSignIn(t, 'corp');
    const signedIn = await completeSignIn(t, callbackArgs(await idp.authorize(authorizationUrl, 'addressless')));
    expect(signedIn.data!.completeOAuthSignIn).toMatchObject({ __typename: 'AuthPayload', user: { id: user.id, email: null, emailVerified: false } });
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
    const unlinked = await t.graphql(UNLINK, { id: linked.data!.linkOAuthIdentity.id, password: PASSWORD }, { token: accessToken });
    expect(unlinked.errors).toBeUndefined();
    expect(await notices()).toBe(noticesBefore);
    const types = (await t.deps.prisma.auditEvent.findMany({ where: { userId: user.id }, select: { type: true } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['oauth.identity_linked', 'oauth.sign_in_succeeded', 'oauth.identity_unlinked']));
  });

  it('needs a fresh proof to start a link', async () => {
    const { accessToken } = await signedInUser(t.deps);
    clock.advance((t.config.mfa.reauthWindowSeconds + 1) * 1000);
    expect(errorCode(await t.graphql(START_LINK, { p: 'corp', r: REDIRECT_URI }, { token: accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
    const withPassword = await t.graphql(START_LINK, { p: 'corp', r: REDIRECT_URI, password: PASSWORD }, { token: accessToken });
    expect(withPassword.errors).toBeUndefined();
  });

  it('is finished only by the user who started it, and never by the sign-in mutation', async () => {
    const starter = await signedInUser(t.deps);
    const other = await signedInUser(t.deps);
    idp.accounts.set('bound', { email: 'bound@example.com', email_verified: true });
    const args = await linkCallback(starter.accessToken, 'bound');
    // Someone else's session completing it would link the identity to the wrong account.
    expect(errorCode(await t.graphql(LINK, { ...args }, { token: other.accessToken }))).toBe('OAUTH_STATE_INVALID');
    const args2 = await linkCallback(starter.accessToken, 'bound');
    expect(errorCode(await completeSignIn(t, args2))).toBe('OAUTH_STATE_INVALID');
    expect(await t.deps.prisma.identity.count({ where: { subject: 'sub-bound' } })).toBe(0);
  });

  it('refuses an identity already linked to another account', async () => {
    const first = await signedInUser(t.deps);
    const second = await signedInUser(t.deps);
    idp.accounts.set('shared', { email: 'shared@example.com', email_verified: true });
    expect((await link(first.accessToken, 'shared')).errors).toBeUndefined();
    expect(errorCode(await link(second.accessToken, 'shared'))).toBe('OAUTH_IDENTITY_TAKEN');
    // Linking it again to the same account is a no-op.
    expect((await link(first.accessToken, 'shared')).errors).toBeUndefined();
    expect(await t.deps.prisma.identity.count({ where: { subject: 'sub-shared', provider: 'corp' } })).toBe(1);
  });

  describe('unlinking', () => {
    it('removes an identity of an account that has a password, with an audit row and a notice', async () => {
      const { user, accessToken } = await signedInUser(t.deps);
      idp.accounts.set('removable', { email: 'removable@example.com', email_verified: true });
      const { id } = (await link(accessToken, 'removable')).data!.linkOAuthIdentity;
      const result = await t.graphql(UNLINK, { id }, { token: accessToken });
      expect(result.errors).toBeUndefined();
      expect(await t.deps.prisma.identity.count({ where: { userId: user.id } })).toBe(0);
      expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'oauth.identity_unlinked' } })).toBe(1);
      expect(await t.deps.prisma.outboxEmail.count({ where: { to: user.email, template: 'identity_unlinked' } })).toBe(1);
    });

    it('refuses to remove the last way to sign in (no password, no passkey, no other identity)', async () => {
      const { user, accessToken } = await signedInUser(t.deps, { password: null });
      idp.accounts.set('only-a', { email: 'only-a@example.com', email_verified: true });
      idp.accounts.set('only-b', { email: 'only-b@example.com', email_verified: true });
      const a = (await link(accessToken, 'only-a')).data!.linkOAuthIdentity;
      const b = (await link(accessToken, 'only-b', 'other')).data!.linkOAuthIdentity;
      // Two identities: one may go.
      expect((await t.graphql(UNLINK, { id: a.id }, { token: accessToken })).errors).toBeUndefined();
      expect(errorCode(await t.graphql(UNLINK, { id: b.id }, { token: accessToken }))).toBe('OAUTH_LAST_SIGN_IN_METHOD');
      expect(await t.deps.prisma.identity.count({ where: { userId: user.id } })).toBe(1);
    });

    it('keeps the last way in when two unlinks race (the user row is locked first)', async () => {
      const { user, accessToken } = await signedInUser(t.deps, { password: null });
      const [a, b] = await Promise.all(
        ['race-a', 'race-b'].map((subject) => t.deps.prisma.identity.create({ data: { userId: user.id, provider: 'corp', subject } })),
      );
      const results = await Promise.all([a!, b!].map((identity) => t.graphql(UNLINK, { id: identity.id }, { token: accessToken })));
      expect(results.map((r) => errorCode(r) ?? 'ok').sort()).toEqual(['OAUTH_LAST_SIGN_IN_METHOD', 'ok']);
      expect(await t.deps.prisma.identity.count({ where: { userId: user.id } })).toBe(1);
    });

    it('cannot remove another user’s identity', async () => {
      const owner = await signedInUser(t.deps);
      const intruder = await signedInUser(t.deps);
      idp.accounts.set('owned', { email: 'owned@example.com', email_verified: true });
      const { id } = (await link(owner.accessToken, 'owned')).data!.linkOAuthIdentity;
      expect(errorCode(await t.graphql(UNLINK, { id }, { token: intruder.accessToken }))).toBe('NOT_FOUND');
      expect(await t.deps.prisma.identity.count({ where: { id } })).toBe(1);
    });

    it('needs a fresh proof', async () => {
      const { accessToken } = await signedInUser(t.deps);
      idp.accounts.set('stale', { email: 'stale@example.com', email_verified: true });
      const { id } = (await link(accessToken, 'stale')).data!.linkOAuthIdentity;
      clock.advance((t.config.mfa.reauthWindowSeconds + 1) * 1000);
      expect(errorCode(await t.graphql(UNLINK, { id }, { token: accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
      expect((await t.graphql(UNLINK, { id, password: PASSWORD }, { token: accessToken })).errors).toBeUndefined();
    });
  });

  it('shows a user’s identities to staff who may read users, not to other users', async () => {
    const subject = await createUser(t.deps);
    await t.deps.prisma.identity.create({ data: { userId: subject.id, provider: 'corp', subject: 'admin-view' } });
    const query = 'query($id: ID!) { user(id: $id) { identities { provider } } }';
    const { accessToken: nobody } = await signedInUser(t.deps);
    expect(errorCode(await t.graphql(query, { id: subject.id }, { token: nobody }))).toBe('FORBIDDEN');
    const { accessToken: admin } = await signedInUser(t.deps, { isSuperuser: true });
    const seen = await t.graphql<{ user: { identities: { provider: string }[] } }>(query, { id: subject.id }, { token: admin });
    expect(seen.data!.user.identities).toEqual([{ provider: 'corp' }]);
  });

  it('lets an admin unlink a user’s identity, even the last way in, with an audit row and a notice', async () => {
    const subject = await createUser(t.deps, { password: null });
    const identity = await t.deps.prisma.identity.create({ data: { userId: subject.id, provider: 'corp', subject: 'admin-unlink' } });
    const { user: admin, accessToken } = await signedInUser(t.deps, { isSuperuser: true });
    const result = await t.graphql('mutation($id: ID!) { adminUnlinkIdentity(id: $id) }', { id: identity.id }, { token: accessToken });
    expect(result.errors).toBeUndefined();
    expect(await t.deps.prisma.identity.count({ where: { id: identity.id } })).toBe(0);
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'admin.identity_unlinked', userId: subject.id } });
    expect(audit.actorId).toBe(admin.id);
    const mail = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: subject.email, template: 'identity_unlinked' } });
    expect(JSON.parse(mail.payload)).toMatchObject({ provider: 'Corp SSO', byAdmin: true });
  });
});
