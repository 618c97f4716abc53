/**
 * Issue 15, item 8: when staff change a user's email, password or active flag, the user gets a
 * notice, as self-service changes already do (a takeover by an admin's token, or a mistake, must
 * not go unseen). The email change is told at the old address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { signedInStaff } from '../../helpers/admin.js';
import { uniqueEmail } from '../../helpers/accounts.js';
import { createUser } from '../../helpers/factories.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

describe('notices of changes made by staff', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  let token: string;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp });
    token = (await signedInStaff(t.deps, ['users.change_user'])).accessToken;
  });
  afterAll(() => smtp.stop());

  async function noticeTo(address: string, pattern: RegExp): Promise<string> {
    await deliverPendingEmails(t.deps);
    const message = await smtp.waitFor((m) => m.to.includes(address) && /administrator changed your account/i.test(m.subject) && pattern.test(m.text));
    return message.text;
  }

  it('a new email address: the old address is told, and what the new one is', async () => {
    const user = await createUser(t.deps);
    const next = uniqueEmail('moved');
    const result = await t.graphql(
      'mutation ($id: ID!, $e: String!) { updateUser(id: $id, input: { email: $e }) { email } }',
      { id: user.id, e: next },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(await noticeTo(user.email, /changed the email address/)).toContain(next);
  });

  it('deactivation and reactivation, through setUserActive and through updateUser', async () => {
    const user = await createUser(t.deps);
    await t.graphql('mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }', { id: user.id }, { token });
    await noticeTo(user.email, /deactivated your account/);
    await t.graphql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: true }) { id } }', { id: user.id }, { token });
    await noticeTo(user.email, /reactivated your account/);
  });

  it('a password set by staff', async () => {
    const user = await createUser(t.deps);
    const result = await t.graphql('mutation ($id: ID!) { setUserPassword(id: $id, password: "quiet meadow lantern 42") { id } }', { id: user.id }, { token });
    expect(result.errors).toBeUndefined();
    await noticeTo(user.email, /set a new password/);
  });

  it('a change of name alone mails nobody', async () => {
    const user = await createUser(t.deps);
    await t.graphql('mutation ($id: ID!) { updateUser(id: $id, input: { firstName: "Renamed" }) { id } }', { id: user.id }, { token });
    await deliverPendingEmails(t.deps);
    expect(await t.deps.prisma.outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });
});
