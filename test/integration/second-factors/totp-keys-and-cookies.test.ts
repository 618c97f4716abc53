/**
 * Issue 13: rotating DATA_ENCRYPTION_KEY keeps authenticator apps working and rewrites their seeds
 * under the new key when used; in cookie mode an MfaChallenge sets no cookies, the completed
 * sign-in does.
 */
import { describe, expect, it } from 'vitest';
import { COMPLETE_MFA, LOGIN_RESULT, enrolTotp, type LoginResult } from '../../helpers/second-factors.js';
import { PASSWORD, signedInUser } from '../../helpers/factories.js';
import { createTestApp, TestClock } from '../../helpers/test-app.js';
import { totpCode } from '../../helpers/totp.js';

const OLD_KEY = 'old-data-key-Hx7pQ2mZ9vL4cT8nW1bK6yR3sF5gJ0dA';
const NEW_KEY = 'new-data-key-Q2mZ9vL4cT8nW1bK6yR3sF5gJ0dAHx7p';

describe('DATA_ENCRYPTION_KEY rotation', () => {
  it('a seed under the previous key still verifies, and is re-encrypted under the new key by that use', async () => {
    const clock = new TestClock(new Date('2026-12-03T10:00:05Z'));
    const before = await createTestApp({ clock, env: { DATA_ENCRYPTION_KEY: OLD_KEY } });
    const { user, accessToken } = await signedInUser(before.deps);
    const { secret } = await enrolTotp(before, accessToken, clock);
    const oldValue = (await before.deps.prisma.totpFactor.findUniqueOrThrow({ where: { userId: user.id } })).secretCiphertext;

    // The same database (createTestApp's own is left unused), the server restarted with the new key and the old one as previous.
    const after = await createTestApp({ clock, env: { DATABASE_URL: before.db.url, DATA_ENCRYPTION_KEY: NEW_KEY, DATA_ENCRYPTION_PREVIOUS_KEYS: OLD_KEY } });
    const mfa = (await after.graphql<{ login: LoginResult }>(LOGIN_RESULT, { email: user.email, password: PASSWORD })).data!.login;
    if (mfa.__typename !== 'MfaChallenge') throw new Error('expected a challenge');
    expect((await after.graphql(COMPLETE_MFA, { t: mfa.mfaToken, c: totpCode(secret, clock.now()) })).errors).toBeUndefined();
    const newValue = (await after.deps.prisma.totpFactor.findUniqueOrThrow({ where: { userId: user.id } })).secretCiphertext;
    expect(newValue.split('.')[1]).toBe(after.config.dataEncryption.current.id);
    expect(newValue.split('.')[1]).not.toBe(oldValue.split('.')[1]);
    await after.close();

    // Without the previous key the seed cannot be read: the sign-in fails closed (no session), without a stack trace.
    clock.advance(30_000);
    const lost = await createTestApp({ clock, env: { DATABASE_URL: before.db.url, DATA_ENCRYPTION_KEY: 'third-key-vL4cT8nW1bK6yR3sF5gJ0dAHx7pQ2mZ9' } });
    const again = (await lost.graphql<{ login: LoginResult }>(LOGIN_RESULT, { email: user.email, password: PASSWORD })).data!.login;
    if (again.__typename !== 'MfaChallenge') throw new Error('expected a challenge');
    const refused = await lost.graphql(COMPLETE_MFA, { t: again.mfaToken, c: totpCode(secret, clock.now()) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(refused.errors)).not.toMatch(/at .*\.ts|stack/i);
  });
});

describe('second factor in cookie mode', () => {
  it('an MfaChallenge sets no cookie; the completed sign-in sets both', async () => {
    const clock = new TestClock(new Date('2026-12-03T10:00:05Z'));
    const t = await createTestApp({ clock, env: { AUTH_COOKIES: 'true' } });
    const { user, accessToken } = await signedInUser(t.deps);
    const { secret } = await enrolTotp(t, accessToken, clock);
    const login = await t.graphql<{ login: LoginResult }>(LOGIN_RESULT, { email: user.email, password: PASSWORD });
    expect(login.data!.login.__typename).toBe('MfaChallenge');
    expect(login.headers.getSetCookie()).toEqual([]);
    const challenge = login.data!.login as Extract<LoginResult, { __typename: 'MfaChallenge' }>;
    const done = await t.graphql(COMPLETE_MFA, { t: challenge.mfaToken, c: totpCode(secret, clock.now()) });
    expect(done.errors).toBeUndefined();
    const names = done.headers.getSetCookie().map((line) => line.split('=')[0]);
    expect(names.sort()).toEqual(['gatehouse_access', 'gatehouse_refresh']);
  });
});
