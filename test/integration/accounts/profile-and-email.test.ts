/**
 * Editing my profile, changing my email address (verified by a code sent to the new one), and
 * deactivating my account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { extractCode, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { latestEmail, login, loginTokens, ME, PASSWORD, refresh, registerAndVerify, uniqueEmail } from '../../helpers/accounts.js';

const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { firstName lastName username pictureUrl organizationName country role isStaff email } }`;
const REQUEST_CHANGE = 'mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }';
const CONFIRM_CHANGE = 'mutation($c: String!) { confirmEmailChange(code: $c) { email emailVerified } }';
const DEACTIVATE = 'mutation($p: String!) { deactivateAccount(password: $p) }';

describe('profile, email change, deactivation', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('updates the given profile fields only, audits, and emails an "account updated" notice', async () => {
    const email = uniqueEmail();
    const id = await registerAndVerify(t, smtp, email);
    const { accessToken } = await loginTokens(t, email);
    const result = await t.graphql(
      UPDATE,
      { input: { firstName: ' Amazing ', username: 'grace_h', pictureUrl: 'https://cdn.example.com/g.png', country: 'US' } },
      { token: accessToken },
    );
    expect(result.data).toEqual({
      updateProfile: {
        firstName: 'Amazing',
        lastName: 'Hopper',
        username: 'grace_h',
        pictureUrl: 'https://cdn.example.com/g.png',
        organizationName: null,
        country: 'US',
        role: 'USER',
        isStaff: false,
        email,
      },
    });
    const notice = await latestEmail(t, smtp, email, /account was updated/i);
    expect(notice.text).toContain('firstName');
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'auth.profile_updated', userId: id } });
    expect(JSON.parse(audit.metadata)).toEqual({ fields: ['firstName', 'username', 'pictureUrl', 'country'] });
    // null clears an optional field
    const cleared = await t.graphql<{ updateProfile: { country: string | null } }>(UPDATE, { input: { country: null } }, { token: accessToken });
    expect(cleared.data?.updateProfile.country).toBeNull();
  });

  it('cannot set email, role or flags, and refuses bad or taken values with typed errors', async () => {
    const email = uniqueEmail();
    await registerAndVerify(t, smtp, email);
    const { accessToken } = await loginTokens(t, email);
    const smuggled = await t.graphql(UPDATE, { input: { isStaff: true, email: 'x@example.com' } }, { token: accessToken });
    expect(smuggled.data ?? null).toBeNull();
    expect(smuggled.errors?.[0]?.message).toMatch(/isStaff|email/);
    const bad = await t.graphql(
      UPDATE,
      { input: { firstName: 'x'.repeat(151), pictureUrl: 'javascript:alert(1)', organizationName: 'o'.repeat(256), lastName: null } },
      { token: accessToken },
    );
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect((bad.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'firstName',
      'lastName',
      'pictureUrl',
      'organizationName',
    ]);
    await t.graphql(
      UPDATE,
      { input: { username: 'someone_taken' } },
      { token: (await loginTokens(t, await emailOf(await registerAndVerify(t, smtp)))).accessToken },
    );
    expect(errorCode(await t.graphql(UPDATE, { input: { username: 'someone_taken' } }, { token: accessToken }))).toBe('USERNAME_TAKEN');
    expect(errorCode(await t.graphql(UPDATE, { input: { firstName: 'Anon' } }))).toBe('UNAUTHENTICATED');
  });

  async function emailOf(id: string): Promise<string> {
    return (await t.deps.prisma.user.findUniqueOrThrow({ where: { id } })).email!;
  }

  it('changes the email address only after the new one proves itself, and tells the old one', async () => {
    const email = uniqueEmail('old');
    const newEmail = uniqueEmail('new');
    await registerAndVerify(t, smtp, email);
    const { accessToken } = await loginTokens(t, email);
    expect(errorCode(await t.graphql(REQUEST_CHANGE, { e: newEmail, p: 'wrong password' }, { token: accessToken }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await t.graphql(REQUEST_CHANGE, { e: 'nope', p: PASSWORD }, { token: accessToken }))).toBe('VALIDATION_FAILED');
    const taken = uniqueEmail('taken');
    await registerAndVerify(t, smtp, taken);
    expect(errorCode(await t.graphql(REQUEST_CHANGE, { e: taken, p: PASSWORD }, { token: accessToken }))).toBe('EMAIL_TAKEN');

    expect((await t.graphql(REQUEST_CHANGE, { e: newEmail, p: PASSWORD }, { token: accessToken })).data).toEqual({ requestEmailChange: true });
    const code = extractCode(await latestEmail(t, smtp, newEmail, /confirm your new email/i));
    expect(await emailOf((await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).id)).toBe(email); // unchanged so far
    expect(errorCode(await t.graphql(CONFIRM_CHANGE, { c: code === '000000' ? '111111' : '000000' }, { token: accessToken }))).toBe('INVALID_CODE');
    expect((await t.graphql(CONFIRM_CHANGE, { c: code }, { token: accessToken })).data).toEqual({
      confirmEmailChange: { email: newEmail, emailVerified: true },
    });
    const notice = await latestEmail(t, smtp, email, /email address is changing/i);
    expect(notice.text).toContain(newEmail);
    expect(errorCode(await login(t, email))).toBe('INVALID_CREDENTIALS');
    expect((await login(t, newEmail)).data?.login.user.email).toBe(newEmail);
    expect(errorCode(await t.graphql(CONFIRM_CHANGE, { c: code }, { token: accessToken }))).toBe('INVALID_CODE');
  });

  it('refuses the change when the new address was taken meanwhile (EMAIL_TAKEN, nothing changed)', async () => {
    const email = uniqueEmail();
    const newEmail = uniqueEmail('contested');
    await registerAndVerify(t, smtp, email);
    const { accessToken } = await loginTokens(t, email);
    await t.graphql(REQUEST_CHANGE, { e: newEmail, p: PASSWORD }, { token: accessToken });
    const code = extractCode(await latestEmail(t, smtp, newEmail, /confirm/i));
    await registerAndVerify(t, smtp, newEmail);
    expect(errorCode(await t.graphql(CONFIRM_CHANGE, { c: code }, { token: accessToken }))).toBe('EMAIL_TAKEN');
    expect((await t.graphql<{ me: { email: string } }>(ME, {}, { token: accessToken })).data?.me.email).toBe(email);
  });

  it('deactivates the account: every session ends at once and sign-in is refused', async () => {
    const email = uniqueEmail();
    const id = await registerAndVerify(t, smtp, email);
    const one = await loginTokens(t, email);
    const two = await loginTokens(t, email);
    expect(errorCode(await t.graphql(DEACTIVATE, { p: 'wrong password' }, { token: one.accessToken }))).toBe('INVALID_CREDENTIALS');
    expect((await t.graphql(DEACTIVATE, { p: PASSWORD }, { token: one.accessToken })).data).toEqual({ deactivateAccount: true });
    for (const tokens of [one, two]) {
      expect((await t.graphql(ME, {}, { token: tokens.accessToken })).data).toEqual({ me: null });
      expect(errorCode(await refresh(t, tokens.refreshToken))).toBe('TOKEN_INVALID');
    }
    expect(errorCode(await login(t, email))).toBe('ACCOUNT_DISABLED');
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user.isActive).toBe(false);
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'auth.account_deactivated', userId: id } })).toBe(1);
  });
});
