/**
 * MFA_REQUIRED_FOR: a user the policy covers who has no second factor signs in (login answers an
 * AuthPayload) but may only enrol: `me`, `logout`, `reauthenticate` and the enrolment fields work,
 * everything else answers MFA_ENROLLMENT_REQUIRED; once a factor is on, the same session has full
 * access. Each policy value covers exactly the accounts it names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/deps.js';
import type { UserWithEmail } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { loginTokens, uniqueEmail } from '../../helpers/accounts.js';
import { grant, newToken } from '../../helpers/admin.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { enrolTotp, LOGIN_RESULT } from '../../helpers/second-factors.js';

const MY_SESSIONS = '{ mySessions { id } }';
const USERS = '{ users { totalCount } }';

type Kind = 'user' | 'staff' | 'superuser';
const KINDS: Kind[] = ['user', 'staff', 'superuser'];

async function accountOf(deps: Deps, kind: Kind): Promise<UserWithEmail> {
  const user = await createUser(deps, { email: uniqueEmail(kind), isStaff: kind !== 'user', isSuperuser: kind === 'superuser' });
  if (kind === 'staff') await grant(deps, user.id, ['users.view_user']);
  return user;
}

describe.each([
  { policy: 'none', held: [] as Kind[] },
  { policy: 'staff', held: ['staff', 'superuser'] as Kind[] },
  { policy: 'superuser', held: ['superuser'] as Kind[] },
  { policy: 'all', held: KINDS },
])('MFA_REQUIRED_FOR=$policy', ({ policy, held }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { MFA_REQUIRED_FOR: policy } });
  });

  it.each(KINDS)('holds a %s without a second factor to enrolment exactly when the policy names them', async (kind) => {
    const user = await accountOf(t.deps, kind);
    // Login still answers a session: enrolling needs one.
    const { accessToken } = await loginTokens(t, user.email);
    const me = await t.graphql<{ me: { id: string } }>('{ me { id email } }', {}, { token: accessToken });
    expect(me.data?.me.id).toBe(user.id);
    const sessions = await t.graphql(MY_SESSIONS, {}, { token: accessToken });
    if (held.includes(kind)) expect(errorCode(sessions)).toBe('MFA_ENROLLMENT_REQUIRED');
    else expect(sessions.errors).toBeUndefined();
    if (kind !== 'user') {
      const admin = await t.graphql(USERS, {}, { token: accessToken });
      if (held.includes(kind)) expect(errorCode(admin)).toBe('MFA_ENROLLMENT_REQUIRED');
      else expect(admin.errors).toBeUndefined();
    }
  });
});

describe('a user held to enrolment (MFA_REQUIRED_FOR=staff)', () => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { MFA_REQUIRED_FOR: 'staff' } });
  });

  it('can read me, reauthenticate and log out, and nothing else', async () => {
    const staff = await accountOf(t.deps, 'staff');
    const { accessToken } = await loginTokens(t, staff.email);
    const as = { token: accessToken };
    for (const document of [
      MY_SESSIONS,
      USERS,
      'mutation { updateProfile(input: { firstName: "Eve" }) { id } }',
      `mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "a brand new passphrase 9") }`,
      'mutation { logoutAll(password: "x") }',
    ]) {
      expect(errorCode(await t.graphql(document, {}, as)), document).toBe('MFA_ENROLLMENT_REQUIRED');
    }
    const me = await t.graphql<{ me: { mfa: { enabled: boolean } } }>('{ me { id mfa { enabled } } }', {}, as);
    expect(me.data?.me.mfa.enabled).toBe(false);
    expect((await t.graphql('mutation ($p: String) { reauthenticate(password: $p) }', { p: PASSWORD }, as)).data).toEqual({ reauthenticate: true });
    expect((await t.graphql('mutation { logout }', {}, as)).data).toEqual({ logout: true });
    expect(errorCode(await t.graphql(MY_SESSIONS, {}, as))).toBe('UNAUTHENTICATED');
  });

  it('gets full access in the same session once a second factor is on', async () => {
    const staff = await accountOf(t.deps, 'staff');
    const { accessToken } = await loginTokens(t, staff.email);
    const as = { token: accessToken };
    // Seen once while held, so the session cache holds the row with mfaEnabled false.
    expect(errorCode(await t.graphql(USERS, {}, as))).toBe('MFA_ENROLLMENT_REQUIRED');
    // The real enrolment, through the fields the `enrolling` scope leaves open.
    await enrolTotp(t, accessToken, clock);
    expect((await t.graphql(USERS, {}, as)).errors).toBeUndefined();
    expect((await t.graphql(MY_SESSIONS, {}, as)).errors).toBeUndefined();
    // Signing in with the password now asks for the second factor.
    const again = await t.graphql<{ login: { __typename: string } }>(LOGIN_RESULT, { email: staff.email, password: PASSWORD });
    expect(again.data?.login.__typename).toBe('MfaChallenge');
  });

  it("is held again after an admin's resetUserMfa", async () => {
    const staff = await accountOf(t.deps, 'staff');
    await enrolTotp(t, await newToken(t.deps, staff.id), clock);
    const superuser = await createUser(t.deps, { isStaff: true, isSuperuser: true });
    const superToken = await newToken(t.deps, superuser.id);
    await enrolTotp(t, superToken, clock);
    const reset = await t.graphql('mutation ($id: ID!) { resetUserMfa(id: $id) { id } }', { id: staff.id }, { token: superToken });
    expect(reset.errors).toBeUndefined();
    const { accessToken } = await loginTokens(t, staff.email);
    expect(errorCode(await t.graphql(USERS, {}, { token: accessToken }))).toBe('MFA_ENROLLMENT_REQUIRED');
  });
});
