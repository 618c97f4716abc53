/**
 * Issue 15, item 1 (the rest of it): accounts without an email address, allowed only when
 * usernames sign in (LOGIN_IDENTIFIERS username or both). They register and sign in by username,
 * coexist (many NULLs under the unique index, on both databases), get no notices (the audit rows are
 * written all the same), and every flow that must email them says so with EMAIL_REQUIRED.
 * Before this change User.email was NOT NULL and `register` required an address in every mode.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { signedInStaff } from '../../helpers/admin.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { uniqueEmail } from '../../helpers/accounts.js';
import { enrolTotp, START_TOTP } from '../../helpers/second-factors.js';

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { user { id email username emailVerified } emailVerificationRequired }
}`;
const SIGN_IN = `mutation ($identifier: String!, $password: String!) {
  login(identifier: $identifier, password: $password) { ... on AuthPayload { accessToken user { id email username } } }
}`;
const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email username } }';

type Registered = {
  register: { user: { id: string; email: string | null; username: string | null; emailVerified: boolean }; emailVerificationRequired: boolean };
};
type SignedIn = { login: { accessToken: string; user: { id: string; email: string | null; username: string | null } } | null };

const uniqueName = (prefix = 'ana') => `${prefix}.${randomUUID().slice(0, 6)}`;
const register = (t: TestApp, input: Record<string, unknown>) =>
  t.graphql<Registered>(REGISTER, { input: { password: PASSWORD, firstName: 'Ana', lastName: 'Lima', ...input } });
const signIn = (t: TestApp, identifier: string, password = PASSWORD) => t.graphql<SignedIn>(SIGN_IN, { identifier, password });
const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.fields;

describe.each(['username', 'both'] as const)('LOGIN_IDENTIFIERS=%s', (identifiers) => {
  it('registers with a username and no address, signs in by username (REQUIRE_EMAIL_VERIFICATION on), and a second such account coexists', async () => {
    // REQUIRE_EMAIL_VERIFICATION is on by default: an account without an address has nothing to verify.
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: identifiers } });
    const names = [uniqueName(), uniqueName()];
    for (const [i, username] of names.entries()) {
      // The second with `email: null`, the first with the field left out.
      const registered = await register(t, i === 0 ? { username } : { username, email: null });
      expect(registered.errors).toBeUndefined();
      expect(registered.data?.register).toEqual({
        user: { id: expect.any(String), email: null, username, emailVerified: false },
        emailVerificationRequired: false,
      });
      const signedIn = await signIn(t, username);
      expect(signedIn.errors).toBeUndefined();
      expect(signedIn.data?.login?.user).toEqual({ id: registered.data!.register.user.id, email: null, username });
      const me = await t.graphql<{ me: { email: string | null } }>('{ me { email } }', {}, { token: signedIn.data!.login!.accessToken });
      expect(me.data?.me.email).toBeNull();
    }
    // Two rows with a NULL address under the unique index, and no verification email queued for either.
    expect(await t.deps.prisma.user.count({ where: { email: null } })).toBe(2);
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'auth.registered' } })).toBe(2);
  });

  it('still needs a username when there is no address, and still verifies an address that is given', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: identifiers } });
    const nameless = await register(t, { email: '' });
    expect(errorCode(nameless)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(nameless)).toEqual([expect.objectContaining({ field: 'username', code: 'required' })]);

    const email = uniqueEmail();
    const withAddress = await register(t, { email, username: uniqueName() });
    expect(withAddress.data?.register).toMatchObject({ user: { email }, emailVerificationRequired: true });
    expect(await t.deps.prisma.outboxEmail.count({ where: { to: email, template: 'verification_code' } })).toBe(1);
  });
});

describe('LOGIN_IDENTIFIERS=email (the default)', () => {
  it('refuses a registration without an address, with a typed error, and writes nothing', async () => {
    const t = await createTestApp();
    const result = await register(t, { username: uniqueName() });
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(result)).toEqual([expect.objectContaining({ field: 'email', code: 'required' })]);
    expect(await t.deps.prisma.user.count()).toBe(0);
  });

  it('refuses an admin createUser without an address', async () => {
    const t = await createTestApp();
    const { accessToken } = await signedInStaff(t.deps, ['users.add_user']);
    const result = await t.graphql(CREATE_USER, { input: { username: uniqueName(), password: PASSWORD } }, { token: accessToken });
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(result)).toEqual([expect.objectContaining({ field: 'email', code: 'required' })]);
  });
});

describe('admin flows for an account without an address', () => {
  it('creates one with a username (not without); an invitation or a reset email for it is EMAIL_REQUIRED and nothing is written', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'both' } });
    const { accessToken } = await signedInStaff(t.deps, ['users.add_user', 'users.change_user']);
    const username = uniqueName();
    const created = await t.graphql<{ createUser: { id: string; email: string | null } }>(
      CREATE_USER,
      { input: { username, password: PASSWORD } },
      { token: accessToken },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUser.email).toBeNull();
    expect((await signIn(t, username)).data?.login?.user.id).toBe(created.data?.createUser.id);

    const nameless = await t.graphql(CREATE_USER, { input: { password: PASSWORD } }, { token: accessToken });
    expect(fieldsOf(nameless)).toEqual([expect.objectContaining({ field: 'username', code: 'required' })]);

    // An invitation nobody can receive would look sent to the admin who asked.
    const users = await t.deps.prisma.user.count();
    const invite = await t.graphql(CREATE_USER, { input: { username: uniqueName(), sendInvite: true } }, { token: accessToken });
    expect(errorCode(invite)).toBe('EMAIL_REQUIRED');
    expect(await t.deps.prisma.user.count()).toBe(users);

    const reset = await t.graphql('mutation ($id: ID!) { sendPasswordReset(id: $id) }', { id: created.data!.createUser.id }, { token: accessToken });
    expect(errorCode(reset)).toBe('EMAIL_REQUIRED');
    expect(await t.deps.prisma.oneTimeToken.count()).toBe(0);
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'admin.user_password_reset_sent' } })).toBe(0);
  });

  it('sets the password (the way to reset one) and deactivates it without a notice, auditing both', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username' } });
    const { accessToken } = await signedInStaff(t.deps, ['users.change_user']);
    const user = await createUser(t.deps, { email: null, username: uniqueName() });
    const NEW = 'a brand new passphrase 42';
    const set = await t.graphql(
      'mutation ($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }',
      { id: user.id, p: NEW },
      { token: accessToken },
    );
    expect(set.errors).toBeUndefined();
    expect((await signIn(t, user.username!, NEW)).data?.login?.user.id).toBe(user.id);
    const off = await t.graphql('mutation ($id: ID!) { setUserActive(id: $id, active: false) { isActive } }', { id: user.id }, { token: accessToken });
    expect(off.errors).toBeUndefined();
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
    const types = (await t.deps.prisma.auditEvent.findMany({ where: { userId: user.id }, select: { type: true } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['admin.user_password_set', 'admin.user_deactivated']));
  });

  it('may give it an address, but never takes one away', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'both' } });
    const { accessToken } = await signedInStaff(t.deps, ['users.change_user']);
    const withAddress = await createUser(t.deps);
    const removed = await t.graphql(
      'mutation ($id: ID!) { updateUser(id: $id, input: { email: null }) { email } }',
      { id: withAddress.id },
      { token: accessToken },
    );
    expect(errorCode(removed)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(removed)).toEqual([expect.objectContaining({ field: 'email', code: 'required' })]);

    const addressless = await createUser(t.deps, { email: null, username: uniqueName() });
    const email = uniqueEmail();
    const added = await t.graphql<{ updateUser: { email: string } }>(
      'mutation ($id: ID!, $email: String) { updateUser(id: $id, input: { email: $email }) { email } }',
      { id: addressless.id, email },
      { token: accessToken },
    );
    expect(added.data?.updateUser.email).toBe(email);
    // No old address to warn.
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
  });
});

describe('self-service for an account without an address', () => {
  it('changes its password without a notice, the audit row written', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username' } });
    const { user, accessToken } = await signedInUser(t.deps, { email: null, username: uniqueName() });
    const changed = await t.graphql(
      'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: PASSWORD, n: 'another long passphrase 9' },
      { token: accessToken },
    );
    expect(changed.errors).toBeUndefined();
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'auth.password_changed' } })).toBe(1);
  });

  it('adds its first address through the verified email-change flow, with no notice to a previous one', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username' } });
    const { user, accessToken } = await signedInUser(t.deps, { email: null, username: uniqueName() });
    const email = uniqueEmail();
    const requested = await t.graphql(
      'mutation ($e: String!, $p: String) { requestEmailChange(newEmail: $e, password: $p) }',
      { e: email, p: PASSWORD },
      { token: accessToken },
    );
    expect(requested.errors).toBeUndefined();
    const mail = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: 'email_change_code' } });
    const { code } = JSON.parse(mail.payload) as { code: string };
    const confirmed = await t.graphql<{ confirmEmailChange: { email: string; emailVerified: boolean } }>(
      'mutation ($c: String!) { confirmEmailChange(code: $c) { email emailVerified } }',
      { c: code },
      { token: accessToken },
    );
    expect(confirmed.data?.confirmEmailChange).toEqual({ email, emailVerified: true });
    expect(await t.deps.prisma.outboxEmail.count({ where: { template: 'email_change_notice' } })).toBe(0);
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: 'auth.email_changed' } });
    expect(JSON.parse(audit.metadata ?? '{}')).toEqual({ from: null, to: email });
  });

  it('enrols an authenticator app, labelled with its username, without a notice', async () => {
    const clock = new TestClock();
    const t = await createTestApp({ clock, env: { LOGIN_IDENTIFIERS: 'username' } });
    const username = uniqueName();
    const { user, accessToken } = await signedInUser(t.deps, { email: null, username });
    const started = await t.graphql<{ startTotpEnrollment: { otpauthUri: string } }>(START_TOTP, {}, { token: accessToken });
    expect(started.errors).toBeUndefined();
    expect(decodeURIComponent(started.data!.startTotpEnrollment.otpauthUri)).toContain(username);
    await enrolTotp(t, accessToken, clock);
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'mfa.totp_enabled' } })).toBe(1);
  });

  it('starts a passkey registration named by its username', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username', WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGINS: 'https://example.com' } });
    const username = uniqueName();
    const { accessToken } = await signedInUser(t.deps, { email: null, username, firstName: '', lastName: '' });
    const started = await t.graphql<{ startPasskeyRegistration: { user: { name: string; displayName: string } } }>(
      'mutation { startPasskeyRegistration }',
      {},
      { token: accessToken },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data?.startPasskeyRegistration.user).toMatchObject({ name: username, displayName: username });
  });

  it('leaves the anonymous flows keyed by an address as they were: true, and nothing sent', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username' } });
    await createUser(t.deps, { email: null, username: uniqueName() });
    const reset = await t.graphql<{ requestPasswordReset: boolean }>('mutation ($e: String!) { requestPasswordReset(email: $e) }', { e: uniqueEmail() });
    expect(reset.data?.requestPasswordReset).toBe(true);
    const resend = await t.graphql<{ resendVerificationEmail: boolean }>('mutation ($e: String!) { resendVerificationEmail(email: $e) }', { e: uniqueEmail() });
    expect(resend.data?.resendVerificationEmail).toBe(true);
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
  });

  it('answers a wrong password for it exactly as an unknown username', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'both' } });
    const user = await createUser(t.deps, { email: null, username: uniqueName() });
    const wrong = await signIn(t, user.username!, 'not the password');
    const unknown = await signIn(t, uniqueName('nobody'));
    expect(wrong.errors).toEqual(unknown.errors);
    expect(wrong.status).toBe(unknown.status);
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
  });
});
