/**
 * The account events added after the first webhook slice (issue 16): user.email_changed,
 * user.mfa_changed and identity.linked / identity.unlinked, each queued in the transaction of its
 * change and verified at a real receiver with the standardwebhooks package. Before these, an email
 * change was only a user.updated naming the field, and second factors and identities sent nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../../../src/webhooks/events.js';
import { loginTokens, PASSWORD, uniqueEmail } from '../../helpers/accounts.js';
import { createUser, signedInUser } from '../../helpers/factories.js';
import { callbackArgs, startTestIdp, type TestIdp } from '../../helpers/oidc-provider.js';
import { completeSignIn, LINK, REDIRECT_URI, START_LINK, startSignIn, UNLINK } from '../../helpers/oauth.js';
import { enrolTotp } from '../../helpers/second-factors.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { createEndpoint, deliveredEvents, type VerifiedEvent } from './helpers.js';

const types = (events: VerifiedEvent[]) => events.map((event) => event.type).sort();

describe('webhook events: email, second factors, identities', () => {
  let t: TestApp;
  let idp: TestIdp;
  let receiver: WebhookReceiver;
  let adminToken: string;
  let adminId: string;
  let delivered: () => Promise<VerifiedEvent[]>;
  const clock = new TestClock();

  beforeAll(async () => {
    idp = await startTestIdp({ clients: [{ client_id: 'gatehouse', client_secret: 'gatehouse-secret', redirect_uris: [REDIRECT_URI] }] });
    const base = { type: 'oidc', issuer: idp.issuer, clientId: 'gatehouse', clientSecretEnv: 'IDP_SECRET', redirectUris: [REDIRECT_URI] };
    t = await createTestApp({
      clock,
      env: {
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        REAUTH_WINDOW_SECONDS: '3600',
        IDP_SECRET: 'gatehouse-secret',
        OAUTH_PROVIDERS: JSON.stringify([{ ...base, id: 'corp', name: 'Corp SSO', allowRegistration: true, trustEmailForLinking: true }]),
      },
    });
    receiver = await startWebhookReceiver();
    const admin = await signedInUser(t.deps, { isSuperuser: true });
    adminToken = admin.accessToken;
    adminId = admin.user.id;
    // Only the new types: the sign-ins and profile changes these steps also cause are covered in events.test.ts.
    const newTypes = WEBHOOK_EVENT_TYPES.filter((type) => ['user.email_changed', 'user.mfa_changed', 'identity.linked', 'identity.unlinked'].includes(type));
    expect(newTypes).toHaveLength(4);
    const endpoint = await createEndpoint(t, adminToken, receiver.url, newTypes);
    delivered = deliveredEvents(t, receiver, endpoint.secret);
    return () => receiver.stop();
  });
  afterAll(() => idp.close());

  it('user.email_changed: a confirmed self-service change and an admin change, with the previous address', async () => {
    const user = await createUser(t.deps);
    const { accessToken: token } = await loginTokens(t, user.email);
    const moved = uniqueEmail('moved');
    const requested = await t.graphql(
      'mutation ($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }',
      { e: moved, p: PASSWORD },
      { token },
    );
    expect(requested.errors).toBeUndefined();
    // Nothing until the change is confirmed.
    expect(await delivered()).toEqual([]);
    const mail = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: moved, template: 'email_change_code' } });
    const { code } = JSON.parse(mail.payload) as { code: string };
    expect((await t.graphql('mutation ($c: String!) { confirmEmailChange(code: $c) { email } }', { c: code }, { token })).errors).toBeUndefined();
    const [self, ...rest] = await delivered();
    expect(rest).toEqual([]);
    expect(self).toMatchObject({
      type: 'user.email_changed',
      version: 1,
      data: { user: { id: user.id, email: moved }, previousEmail: user.email, actor: { kind: 'user', id: user.id } },
    });
    expect(receiver.received.at(-1)!.body).not.toContain(code);

    const byAdmin = uniqueEmail('by-admin');
    const updated = await t.graphql(
      'mutation ($id: ID!, $e: String!) { updateUser(id: $id, input: { email: $e }) { id } }',
      { id: user.id, e: byAdmin },
      { token: adminToken },
    );
    expect(updated.errors).toBeUndefined();
    expect((await delivered()).map((event) => event.data)).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ email: byAdmin }), previousEmail: moved, actor: { kind: 'admin', id: adminId } }),
    ]);
  });

  it('user.mfa_changed: TOTP on, recovery codes regenerated, passkey removed, TOTP off, admin reset; never a secret or code', async () => {
    const { user, accessToken: token } = await signedInUser(t.deps);
    const { secret, recoveryCodes } = await enrolTotp(t, token, clock);
    const regenerated = await t.graphql<{ regenerateRecoveryCodes: string[] }>(
      'mutation ($p: String) { regenerateRecoveryCodes(password: $p) }',
      { p: PASSWORD },
      { token },
    );
    expect(regenerated.errors).toBeUndefined();
    // Each step a second apart: the events are compared in the order they were queued.
    const step = () => clock.advance(1000);
    step();
    const passkey = await t.deps.prisma.passkey.create({
      data: { userId: user.id, credentialId: `cred-${user.id}`, publicKey: 'AQID', deviceType: 'singleDevice', name: 'Laptop', transports: '[]' },
    });
    expect(
      (await t.graphql('mutation ($id: ID!, $p: String) { removePasskey(id: $id, password: $p) }', { id: passkey.id, p: PASSWORD }, { token })).errors,
    ).toBeUndefined();
    step();
    expect((await t.graphql('mutation ($p: String) { disableTotp(password: $p) }', { p: PASSWORD }, { token })).errors).toBeUndefined();
    step();
    await enrolTotp(t, token, clock);
    expect((await t.graphql('mutation ($id: ID!) { resetUserMfa(id: $id) { id } }', { id: user.id }, { token: adminToken })).errors).toBeUndefined();

    const events = await delivered();
    const self = { kind: 'user', id: user.id };
    expect(events.map((event) => event.data)).toEqual([
      { userId: user.id, actor: self, factor: 'totp', action: 'enabled' },
      { userId: user.id, actor: self, factor: 'recovery_codes', action: 'regenerated' },
      { userId: user.id, actor: self, factor: 'passkey', action: 'removed', passkeyId: passkey.id },
      { userId: user.id, actor: self, factor: 'totp', action: 'disabled' },
      { userId: user.id, actor: self, factor: 'totp', action: 'enabled' },
      { userId: user.id, actor: { kind: 'admin', id: adminId }, factor: 'all', action: 'reset' },
    ]);
    expect(new Set(types(events))).toEqual(new Set(['user.mfa_changed']));
    const bodies = receiver.received.map((request) => request.body).join('\n');
    for (const hidden of [secret, ...recoveryCodes, ...regenerated.data!.regenerateRecoveryCodes]) expect(bodies).not.toContain(hidden);
  });

  it('identity.linked (link, sign-in by verified email, registration) and identity.unlinked (owner, admin)', async () => {
    const { user, accessToken: token } = await signedInUser(t.deps);
    idp.accounts.set('hook-link', { email: 'elsewhere@corp.example', email_verified: false });
    const started = await t.graphql<{ startLinkOAuthIdentity: { authorizationUrl: string } }>(START_LINK, { p: 'corp', r: REDIRECT_URI }, { token });
    const args = callbackArgs(await idp.authorize(started.data!.startLinkOAuthIdentity.authorizationUrl, 'hook-link'));
    const linked = await t.graphql<{ linkOAuthIdentity: { id: string } }>(LINK, { ...args }, { token });
    expect(linked.errors).toBeUndefined();
    const identityId = linked.data!.linkOAuthIdentity.id;
    expect((await delivered()).map((event) => [event.type, event.data])).toEqual([
      ['identity.linked', { userId: user.id, identityId, provider: 'corp', via: 'link', actor: { kind: 'user', id: user.id } }],
    ]);
    expect((await t.graphql(UNLINK, { id: identityId }, { token })).errors).toBeUndefined();
    expect((await delivered()).map((event) => [event.type, event.data])).toEqual([
      ['identity.unlinked', { userId: user.id, identityId, provider: 'corp', actor: { kind: 'user', id: user.id } }],
    ]);

    // A sign-in whose verified email matches an account links the identity to it.
    const existing = await createUser(t.deps, { email: 'matched@corp.example' });
    idp.accounts.set('matched', { email: 'matched@corp.example', email_verified: true });
    const signedIn = await completeSignIn(t, callbackArgs(await idp.authorize((await startSignIn(t, 'corp')).authorizationUrl, 'matched')));
    expect(signedIn.errors).toBeUndefined();
    const byEmail = await t.deps.prisma.identity.findFirstOrThrow({ where: { userId: existing.id } });
    clock.advance(1000);
    // A new account through the provider.
    idp.accounts.set('newcomer', { email: 'newcomer@corp.example', email_verified: true });
    expect((await completeSignIn(t, callbackArgs(await idp.authorize((await startSignIn(t, 'corp')).authorizationUrl, 'newcomer')))).errors).toBeUndefined();
    const newcomer = await t.deps.prisma.user.findUniqueOrThrow({ where: { email: 'newcomer@corp.example' }, include: { identities: true } });
    expect((await delivered()).map((event) => event.data)).toEqual([
      { userId: existing.id, identityId: byEmail.id, provider: 'corp', via: 'verified_email', actor: { kind: 'user', id: existing.id } },
      { userId: newcomer.id, identityId: newcomer.identities[0]!.id, provider: 'corp', via: 'registration', actor: { kind: 'user', id: newcomer.id } },
    ]);

    expect((await t.graphql('mutation ($id: ID!) { adminUnlinkIdentity(id: $id) }', { id: byEmail.id }, { token: adminToken })).errors).toBeUndefined();
    expect((await delivered()).map((event) => [event.type, event.data])).toEqual([
      ['identity.unlinked', { userId: existing.id, identityId: byEmail.id, provider: 'corp', actor: { kind: 'admin', id: adminId } }],
    ]);
  });
});
