/**
 * Issue 10, item 4: lockout of any account. Wrong passwords from one address used to back off the
 * account itself, so an attacker kept the owner out from everywhere (RATE_LIMITED with the right
 * password). The back-off is now per (account, address); a per-account ceiling over a day spares
 * addresses the account signed in from before; a password reset ends both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { errorCode, type RequestOptions } from '../../helpers/graphql.js';
import { extractLink, startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken } } }';
const REQUEST_RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';
const NEW_PASSWORD = 'quiet meadow lantern 42';

/** A request from `client` through the one trusted proxy (127.0.0.1), as behind a load balancer. */
const from = (client: string): RequestOptions => ({ ip: '127.0.0.1', headers: { 'x-forwarded-for': client } });

describe('no lockout of an account from one address', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ smtp, env: { TRUST_PROXY: '127.0.0.1', RATE_LIMIT_LOGIN_ACCOUNT: '20/1d' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('12 wrong passwords from one address: the owner signs in at once from another, the attacker stays refused, a reset ends it', async () => {
    const user = await createUser(t.deps);
    const attacker = from('203.0.113.66');
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 12; i += 1) codes.push(errorCode(await t.graphql(LOGIN, { email: user.email, password: `guess-${i}` }, attacker)));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(codes.slice(5)).toContain('RATE_LIMITED');

    const owner = await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, from('198.51.100.7'));
    expect(owner.errors).toBeUndefined();
    // The attacker's address is still backed off, even with the right password.
    expect(errorCode(await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, attacker))).toBe('RATE_LIMITED');

    // A password reset starts the account's limits afresh: the new password works from that address too.
    expect((await t.graphql(REQUEST_RESET, { email: user.email }, from('198.51.100.7'))).errors).toBeUndefined();
    await deliverPendingEmails(t.deps);
    const link = new URL(extractLink(await smtp.waitFor((m) => m.to.includes(user.email) && /reset/i.test(m.subject))));
    expect((await t.graphql(RESET, { token: link.searchParams.get('token'), password: NEW_PASSWORD }, from('198.51.100.7'))).errors).toBeUndefined();
    expect((await t.graphql(LOGIN, { email: user.email, password: NEW_PASSWORD }, attacker)).errors).toBeUndefined();
  });

  it('failures from many addresses reach the per-account ceiling, which refuses new addresses but not one the owner used before', async () => {
    const user = await createUser(t.deps);
    const home = from('198.51.100.80');
    expect((await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, home)).errors).toBeUndefined();
    // 20 failures (the ceiling), 4 from each of five addresses: under each address's own back-off.
    for (let i = 0; i < 20; i += 1) {
      expect(errorCode(await t.graphql(LOGIN, { email: user.email, password: 'wrong' }, from(`203.0.113.${100 + (i % 5)}`)))).toBe('INVALID_CREDENTIALS');
    }
    const fresh = await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, from('192.0.2.44'));
    expect(errorCode(fresh)).toBe('RATE_LIMITED');
    expect(Number(fresh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.graphql(LOGIN, { email: user.email, password: PASSWORD }, home)).errors).toBeUndefined();
  });
});
