/**
 * resetUserMfa: an admin removes every second factor of a user (authenticator app, recovery codes,
 * passkeys), which signs the user out everywhere, is audited and mailed; refused like the other
 * account takeovers to staff who do not outrank the target, to staff without users.change_user,
 * on superusers for non-superusers, and on one's own account.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factorSummary } from '../../../src/auth/mfa/factors.js';
import type { UserWithEmail } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createUser, grant, newToken, signedInStaff } from '../../helpers/admin.js';
import { latestEmail, uniqueEmail } from '../../helpers/accounts.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { enrolTotp } from '../../helpers/second-factors.js';

const RESET = 'mutation ($id: ID!) { resetUserMfa(id: $id) { id } }';

describe('resetUserMfa', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, clock });
  });
  afterAll(async () => {
    await smtp.stop();
  });

  /** A user with an authenticator app, its ten recovery codes and a passkey; returns the user and a live token. */
  async function withFactors(overrides: { isStaff?: boolean; isSuperuser?: boolean } = {}): Promise<{ user: UserWithEmail; token: string }> {
    const user = await createUser(t.deps, { email: uniqueEmail('factors'), ...overrides });
    const token = await newToken(t.deps, user.id);
    await enrolTotp(t, token, clock);
    // No passkey ceremony here (the passkey tests run one in Chromium): the row as registration writes it.
    await t.deps.prisma.passkey.create({
      data: { userId: user.id, credentialId: randomUUID(), publicKey: 'pk', deviceType: 'singleDevice', name: 'Security key' },
    });
    return { user, token };
  }

  async function unchanged(userId: string): Promise<void> {
    expect(await factorSummary(t.deps.prisma, userId)).toEqual({ totp: true, passkeys: 1, recoveryCodesLeft: 10 });
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: userId } })).mfaEnabled).toBe(true);
  }

  it('removes every factor, signs the user out, audits and mails them; the password alone then signs in', async () => {
    const { user, token } = await withFactors();
    const admin = await signedInStaff(t.deps, ['users.change_user']);
    const result = await t.graphql(RESET, { id: user.id }, { token: admin.accessToken });
    expect(result.errors).toBeUndefined();

    expect(await factorSummary(t.deps.prisma, user.id)).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
    expect(errorCode(await t.graphql('{ mySessions { id } }', {}, { token }))).toBe('UNAUTHENTICATED');
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'admin.mfa_reset', userId: user.id } });
    expect(audit.actorId).toBe(admin.user.id);
    expect(JSON.parse(audit.metadata)).toMatchObject({ totp: true, passkeys: 1, recoveryCodes: 10 });
    const mail = await latestEmail(t, smtp, user.email, /sign-in method was removed/i);
    expect(mail.text).toMatch(/An administrator removed/);
    // No second factor any more: the password yields a session, not a challenge.
    const signedIn = await t.graphql<{ login: { __typename: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }',
      { email: user.email, password: 'correct horse battery staple' },
    );
    expect(signedIn.data?.login.__typename).toBe('AuthPayload');
  });

  it('is refused to staff who do not outrank the target, and changes nothing', async () => {
    const { user } = await withFactors({ isStaff: true });
    await grant(t.deps, user.id, ['groups.change_group']);
    const admin = await signedInStaff(t.deps, ['users.change_user']);
    expect(errorCode(await t.graphql(RESET, { id: user.id }, { token: admin.accessToken }))).toBe('FORBIDDEN');
    await unchanged(user.id);
  });

  it('is refused to staff without users.change_user', async () => {
    const { user } = await withFactors();
    const admin = await signedInStaff(t.deps, ['users.view_user']);
    expect(errorCode(await t.graphql(RESET, { id: user.id }, { token: admin.accessToken }))).toBe('FORBIDDEN');
    await unchanged(user.id);
  });

  it('only superusers reset a superuser', async () => {
    const { user } = await withFactors({ isStaff: true, isSuperuser: true });
    const admin = await signedInStaff(t.deps, ['users.change_user']);
    expect(errorCode(await t.graphql(RESET, { id: user.id }, { token: admin.accessToken }))).toBe('FORBIDDEN');
    await unchanged(user.id);
    const superuser = await createUser(t.deps, { isStaff: true, isSuperuser: true });
    expect((await t.graphql(RESET, { id: user.id }, { token: await newToken(t.deps, superuser.id) })).errors).toBeUndefined();
  });

  it('is refused on one own account (a stolen staff token must not strip the second factor)', async () => {
    const { user, token } = await withFactors({ isStaff: true, isSuperuser: true });
    expect(errorCode(await t.graphql(RESET, { id: user.id }, { token }))).toBe('FORBIDDEN');
    await unchanged(user.id);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const superuser = await createUser(t.deps, { isStaff: true, isSuperuser: true });
    expect(errorCode(await t.graphql(RESET, { id: randomUUID() }, { token: await newToken(t.deps, superuser.id) }))).toBe('NOT_FOUND');
  });
});
