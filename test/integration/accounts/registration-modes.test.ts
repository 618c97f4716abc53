/**
 * Issue 15, item 5: REGISTRATION_MODE. Internal tools do not want public sign-up: `invite-only`
 * accepts only the people staff invite, `closed` only accounts created with a password.
 */
import { describe, expect, it } from 'vitest';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { signedInStaff } from '../../helpers/admin.js';
import { LOGIN, registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { errorCode } from '../../helpers/graphql.js';
import { extractLink, startSmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp } from '../../helpers/test-app.js';

const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }';
const MODE = '{ registrationMode }';

describe('REGISTRATION_MODE', () => {
  it('open (the default): register works and the mode says so', async () => {
    const t = await createTestApp();
    expect((await t.graphql(MODE)).data).toEqual({ registrationMode: 'OPEN' });
    expect((await registerUser(t, uniqueEmail())).errors).toBeUndefined();
  });

  it('invite-only: register is refused before anything is written or mailed; an invited person chooses a password and signs in', async () => {
    const smtp = await startSmtpCatcher();
    try {
      const t = await createTestApp({ smtp, env: { REGISTRATION_MODE: 'invite-only' } });
      expect((await t.graphql(MODE)).data).toEqual({ registrationMode: 'INVITE_ONLY' });
      const email = uniqueEmail('walk-in');
      const refused = await registerUser(t, email);
      expect(errorCode(refused)).toBe('REGISTRATION_CLOSED');
      expect(refused.errors?.[0]?.extensions?.mode).toBe('invite-only');
      expect(await t.deps.prisma.user.count({ where: { email } })).toBe(0);
      expect(await t.deps.prisma.outboxEmail.count()).toBe(0);

      const { accessToken } = await signedInStaff(t.deps, ['users.add_user']);
      const invited = uniqueEmail('invited');
      expect((await t.graphql(CREATE, { input: { email: invited, sendInvite: true } }, { token: accessToken })).errors).toBeUndefined();
      await deliverPendingEmails(t.deps);
      const link = new URL(extractLink(await smtp.waitFor((m) => m.to.includes(invited))));
      const reset = await t.graphql('mutation ($token: String!) { resetPassword(token: $token, newPassword: "quiet meadow lantern 42") }', {
        token: link.searchParams.get('token'),
      });
      expect(reset.errors).toBeUndefined();
      expect((await t.graphql(LOGIN, { email: invited, password: 'quiet meadow lantern 42' })).errors).toBeUndefined();
    } finally {
      await smtp.stop();
    }
  });

  it('closed: register and invitations are refused; staff still create accounts with a password', async () => {
    const t = await createTestApp({ env: { REGISTRATION_MODE: 'closed' } });
    expect((await t.graphql(MODE)).data).toEqual({ registrationMode: 'CLOSED' });
    expect(errorCode(await registerUser(t, uniqueEmail()))).toBe('REGISTRATION_CLOSED');
    const { accessToken } = await signedInStaff(t.deps, ['users.add_user']);
    const invited = uniqueEmail('invited');
    expect(errorCode(await t.graphql(CREATE, { input: { email: invited, sendInvite: true } }, { token: accessToken }))).toBe('REGISTRATION_CLOSED');
    expect(await t.deps.prisma.user.count({ where: { email: invited } })).toBe(0);
    const made = uniqueEmail('made');
    expect(
      (await t.graphql(CREATE, { input: { email: made, password: 'quiet meadow lantern 42', emailVerified: true } }, { token: accessToken })).errors,
    ).toBeUndefined();
    expect((await t.graphql(LOGIN, { email: made, password: 'quiet meadow lantern 42' })).errors).toBeUndefined();
  });
});
