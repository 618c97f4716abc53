/**
 * Outgoing webhooks, end to end: each trigger queues its event in the change's transaction, the
 * worker posts it to a real receiver on 127.0.0.1, and every request verifies with the
 * standardwebhooks package under the secret the admin API showed once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingWebhooks } from '../../../src/webhooks/worker.js';
import { WEBHOOK_EVENT_TYPES } from '../../../src/webhooks/events.js';
import { loginTokens, PASSWORD, registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { signedInStaff } from '../../helpers/admin.js';
import { createUser } from '../../helpers/factories.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { createEndpoint, verified, type CreatedEndpoint, type VerifiedEvent } from './helpers.js';

const WEBHOOK_ENV = { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', REAUTH_WINDOW_SECONDS: '3600' };

describe('webhook events', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let endpoint: CreatedEndpoint;
  let adminToken: string;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestApp({ clock, env: WEBHOOK_ENV });
    receiver = await startWebhookReceiver();
    const admin = await signedInStaff(t.deps, [
      'webhooks.change_webhookendpoint',
      'users.add_user',
      'users.change_user',
      'users.delete_user',
      'users.view_user',
    ]);
    adminToken = admin.accessToken;
    endpoint = await createEndpoint(t, adminToken, receiver.url, [...WEBHOOK_EVENT_TYPES]);
    return () => receiver.stop();
  });

  /**
   * Delivers what is due and returns the events received since, each verified, in the order they
   * happened (rows of one transaction share a due time, so the worker's order among them is free).
   */
  async function deliveredEvents(): Promise<VerifiedEvent[]> {
    const before = receiver.received.length;
    await deliverPendingWebhooks(t.deps);
    const events = receiver.received.slice(before).map((request) => verified(endpoint.secret, request));
    const order = new Map(
      (await t.deps.prisma.webhookDelivery.findMany({ orderBy: { createdAt: 'asc' }, select: { eventId: true } })).map((row, i) => [row.eventId, i]),
    );
    return events.sort((a, b) => order.get(a.id)! - order.get(b.id)! || a.type.localeCompare(b.type));
  }
  const types = (events: VerifiedEvent[]) => events.map((event) => event.type).sort();
  const ofType = (events: VerifiedEvent[], type: string) => events.find((event) => event.type === type)!;

  it('the secret is shown once as whsec_<base64> and stored encrypted', async () => {
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await t.deps.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.secretEncrypted).not.toContain(endpoint.secret.slice(6));
    const listed = await t.graphql('{ webhookEndpoints { id url } }', {}, { token: adminToken });
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret.slice(6));
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'admin.webhook_endpoint_created' } });
    expect(JSON.parse(audit.metadata)).toMatchObject({ endpointId: endpoint.id, url: receiver.url });
    expect(audit.metadata).not.toContain(endpoint.secret.slice(6));
  });

  it('register: user.created, signed, versioned, without the password hash', async () => {
    const email = uniqueEmail('hook');
    const registered = await registerUser(t, email);
    const [event, ...rest] = await deliveredEvents();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'user.created',
      version: 1,
      data: { user: { id: registered.data!.register.user.id, email }, actor: { kind: 'user' } },
    });
    expect(event!.id).toBe(receiver.received.at(-1)!.headers['webhook-id']);
    expect(receiver.received.at(-1)!.body).not.toMatch(/passwordHash|argon2|\$/);
  });

  it('admin createUser, updateUser, setUserActive (both ways), deleteUser', async () => {
    const created = await t.graphql<{ createUser: { id: string } }>(
      'mutation ($email: String!) { createUser(input: { email: $email, firstName: "Ada" }) { id } }',
      { email: uniqueEmail('admin-made') },
      { token: adminToken },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createUser.id;
    await t.graphql('mutation ($id: ID!) { updateUser(id: $id, input: { lastName: "Lovelace" }) { id } }', { id }, { token: adminToken });
    await t.graphql('mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }', { id }, { token: adminToken });
    await t.graphql('mutation ($id: ID!) { setUserActive(id: $id, active: true) { id } }', { id }, { token: adminToken });
    await t.graphql('mutation ($id: ID!) { deleteUser(id: $id) }', { id }, { token: adminToken });
    const events = await deliveredEvents();
    expect(types(events)).toEqual(['user.created', 'user.deactivated', 'user.deleted', 'user.reactivated', 'user.updated']);
    expect(ofType(events, 'user.updated').data).toMatchObject({ changedFields: ['lastName'], user: { id, lastName: 'Lovelace' }, actor: { kind: 'admin' } });
    expect(ofType(events, 'user.deactivated').data).toMatchObject({ user: { id, isActive: false } });
    expect(ofType(events, 'user.deleted').data).toMatchObject({ userId: id });
    // One event id per event, distinct.
    expect(new Set(events.map((event) => event.id)).size).toBe(5);
  });

  it('sign-in, profile update, password change, logout, self-deactivation', async () => {
    const user = await createUser(t.deps);
    const tokens = await loginTokens(t, user.email);
    const token = tokens.accessToken;
    expect((await t.graphql('mutation { updateProfile(input: { firstName: "Grace" }) { id } }', {}, { token })).errors).toBeUndefined();
    const other = await loginTokens(t, user.email);
    const changed = await t.graphql(
      'mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }',
      { current: PASSWORD, next: 'another correct horse battery staple' },
      { token },
    );
    expect(changed.errors).toBeUndefined();
    const events = await deliveredEvents();
    expect(types(events)).toEqual(['session.created', 'session.created', 'session.revoked', 'user.password_changed', 'user.updated']);
    expect(events.filter((event) => event.type === 'session.created').map((event) => event.data)).toEqual(
      expect.arrayContaining([{ userId: user.id, sessionId: tokens.session.id, authMethods: ['password'] }]),
    );
    expect(ofType(events, 'user.updated').data).toMatchObject({ changedFields: ['firstName'], actor: { kind: 'user', id: user.id } });
    expect(ofType(events, 'session.revoked').data).toEqual({ userId: user.id, sessionIds: [other.session.id], reason: 'password_changed' });
    expect(ofType(events, 'user.password_changed').data).toEqual({ userId: user.id, actor: { kind: 'user', id: user.id }, via: 'change' });
    // Nothing secret in any body: no token, hash or password.
    const bodies = receiver.received.map((request) => request.body).join('\n');
    for (const secret of [tokens.accessToken, tokens.refreshToken, other.refreshToken, PASSWORD, endpoint.secret]) expect(bodies).not.toContain(secret);

    await t.graphql('mutation { logout }', {}, { token });
    expect((await deliveredEvents()).map((event) => [event.type, event.data['reason']])).toEqual([['session.revoked', 'logout']]);

    const last = await loginTokens(t, user.email, 'another correct horse battery staple');
    const closed = await t.graphql(
      'mutation ($p: String!) { deactivateAccount(password: $p) }',
      { p: 'another correct horse battery staple' },
      { token: last.accessToken },
    );
    expect(closed.errors).toBeUndefined();
    const final = await deliveredEvents();
    expect(types(final)).toEqual(['session.created', 'session.revoked', 'user.deactivated']);
    expect(ofType(final, 'user.deactivated').data).toMatchObject({ user: { id: user.id, isActive: false }, actor: { kind: 'user', id: user.id } });
    expect(ofType(final, 'session.revoked').data).toEqual({ userId: user.id, sessionIds: [last.session.id], reason: 'account_deactivated' });
  });

  it('an email change: user.updated naming the email, and user.email_changed', async () => {
    const user = await createUser(t.deps);
    const token = (await loginTokens(t, user.email)).accessToken;
    const newEmail = uniqueEmail('moved');
    expect(
      (await t.graphql('mutation ($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }', { e: newEmail, p: PASSWORD }, { token }))
        .errors,
    ).toBeUndefined();
    const mail = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: newEmail, template: 'email_change_code' } });
    const { code } = JSON.parse(mail.payload) as { code: string };
    expect((await t.graphql('mutation ($c: String!) { confirmEmailChange(code: $c) { email } }', { c: code }, { token })).errors).toBeUndefined();
    const events = await deliveredEvents();
    expect(types(events)).toEqual(['session.created', 'user.email_changed', 'user.updated']);
    expect(ofType(events, 'user.updated').data).toMatchObject({ changedFields: ['email'], user: { id: user.id, email: newEmail } });
    expect(ofType(events, 'user.email_changed').data).toMatchObject({ user: { id: user.id, email: newEmail }, previousEmail: user.email });
    // The code mailed to the new address is in no webhook.
    expect(receiver.received.map((request) => request.body).join('\n')).not.toContain(code);
  });

  it('an endpoint gets only the types it subscribed to; a disabled one gets nothing queued', async () => {
    const narrow = await createEndpoint(t, adminToken, receiver.url.replace('/hook', '/narrow'), ['user.deleted']);
    await registerUser(t, uniqueEmail('narrow'));
    expect(await t.deps.prisma.webhookDelivery.count({ where: { endpointId: narrow.id } })).toBe(0);
    await t.graphql('mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: false }) { id } }', { id: endpoint.id }, { token: adminToken });
    await registerUser(t, uniqueEmail('off'));
    expect(await t.deps.prisma.webhookDelivery.count({ where: { endpointId: endpoint.id, status: 'PENDING' } })).toBe(1); // the earlier one only
    await t.graphql('mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: true }) { id } }', { id: endpoint.id }, { token: adminToken });
    expect((await deliveredEvents()).map((event) => event.type)).toEqual(['user.created']);
  });
});
