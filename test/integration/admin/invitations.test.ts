/**
 * Admin-triggered emails: the invitation of createUser(sendInvite) and sendPasswordReset, both
 * queued through the outbox in the same transaction and read here from a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { signedInStaff } from '../../helpers/admin.js';
import { createUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, extractLink, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id emailVerified } }';

describe('admin invitations and reset links', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  let token: string;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp });
    token = (await signedInStaff(t.deps, ['users.add_user', 'users.change_user'])).accessToken;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('invites an account without a password with a link to choose one, which also proves the address', async () => {
    const email = 'invited-no-password@example.com';
    const created = await t.graphql(CREATE, { input: { email, sendInvite: true } }, { token });
    expect(created.errors).toBeUndefined();
    await deliverPendingEmails(t.deps);
    const url = new URL(extractLink(await smtp.waitFor((m) => m.to.includes(email))));
    const reset = await t.graphql('mutation ($token: String!) { resetPassword(token: $token, newPassword: "quiet meadow lantern 42") }', {
      token: url.searchParams.get('token'),
    });
    expect(reset.errors).toBeUndefined();
    const login = await t.graphql(
      'mutation { login(email: "invited-no-password@example.com", password: "quiet meadow lantern 42") { ... on AuthPayload { user { emailVerified } } } }',
    );
    expect(login.data).toEqual({ login: { user: { emailVerified: true } } });
  });

  it('invites an account with a password but an unverified address with a verification code', async () => {
    const email = 'invited-with-password@example.com';
    await t.graphql(CREATE, { input: { email, password: 'quiet meadow lantern 42', sendInvite: true } }, { token });
    await deliverPendingEmails(t.deps);
    const code = extractCode(await smtp.waitFor((m) => m.to.includes(email)));
    const verified = await t.graphql('mutation ($email: String!, $code: String!) { verifyEmail(email: $email, code: $code) { emailVerified } }', {
      email,
      code,
    });
    expect(verified.data).toEqual({ verifyEmail: { emailVerified: true } });
  });

  it('sends nothing without sendInvite', async () => {
    const email = 'not-invited@example.com';
    await t.graphql(CREATE, { input: { email } }, { token });
    expect(await t.deps.prisma.outboxEmail.count({ where: { to: email } })).toBe(0);
  });

  it('sendPasswordReset emails a working reset link and records who asked', async () => {
    const user = await createUser(t.deps, { email: 'forgetful@example.com' });
    const sent = await t.graphql('mutation ($id: ID!) { sendPasswordReset(id: $id) }', { id: user.id }, { token });
    expect(sent.data).toEqual({ sendPasswordReset: true });
    await deliverPendingEmails(t.deps);
    const url = new URL(extractLink(await smtp.waitFor((m) => m.to.includes(user.email))));
    expect((await t.graphql('query ($token: String!) { verifyPasswordResetToken(token: $token) }', { token: url.searchParams.get('token') })).data).toEqual({
      verifyPasswordResetToken: true,
    });
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'admin.user_password_reset_sent', userId: user.id } })).toBe(1);
  });

  it('refuses to send a reset link to a disabled account', async () => {
    const user = await createUser(t.deps, { isActive: false });
    expect(errorCode(await t.graphql('mutation ($id: ID!) { sendPasswordReset(id: $id) }', { id: user.id }, { token }))).toBe('CONFLICT');
    expect(await t.deps.prisma.outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });
});
