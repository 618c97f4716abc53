/**
 * Access-token attacks against the authenticated `logout` and the public `me`: each is refused
 * with its documented code on `logout` (and `me` answers as for an anonymous caller), the
 * victim's session is untouched, and the server keeps serving.
 */
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';
import { loadConfig } from '../../../src/config/index.js';

/** What the server signs HS256 access tokens with: a key derived from JWT_SECRET, not the secret itself. */
const KEYS = loadConfig(TEST_ENV).jwt.derivedKeys;
const SECRET = KEYS.accessToken;
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JWT attacks', () => {
  let t: TestApp;
  let victim: Awaited<ReturnType<typeof signedInUser>>;
  const claims = () => ({ sub: victim.user.id, sid: victim.session.id, iss: 'gatehouse', aud: 'gatehouse', iat: now(), exp: now() + 600 });
  const sign = (payload: object, key: jwt.Secret = SECRET, options: jwt.SignOptions = { algorithm: 'HS256' }) => jwt.sign(payload, key, options);

  beforeAll(async () => {
    t = await createTestApp();
    victim = await signedInUser(t.deps);
  });

  /** Sends `token` to logout and me; returns logout's code after checking me stayed anonymous. */
  async function attempt(token: string): Promise<string | undefined> {
    const me = await t.graphql('{ me { id email } }', {}, { token });
    expect(me.data).toEqual({ me: null });
    const logout = await t.graphql('mutation { logout }', {}, { token });
    expect(logout.data ?? null).toBeNull();
    return errorCode(logout);
  }

  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it.each<[string, () => string, string]>([
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, 'TOKEN_INVALID'],
    [
      'alg none with the real signature kept',
      () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.${victim.accessToken.split('.')[2]}`,
      'TOKEN_INVALID',
    ],
    ['RS256 signed with an attacker key', () => sign(claims(), privateKey, { algorithm: 'RS256' }), 'TOKEN_INVALID'],
    ['HS256 keyed with an RSA public key (HS/RS confusion)', () => sign(claims(), publicPem), 'TOKEN_INVALID'],
    ['HS512 with the right secret (algorithm not pinned)', () => sign(claims(), SECRET, { algorithm: 'HS512' }), 'TOKEN_INVALID'],
    ['wrong secret', () => sign(claims(), 'another-secret-that-is-long-enough-for-hs256'), 'TOKEN_INVALID'],
    // Keys are derived per use: a token HMAC-signed with JWT_SECRET itself (the scheme before key
    // derivation, or a key leaked from another use) is forged.
    ['HS256 signed with the raw JWT_SECRET', () => sign(claims(), TEST_ENV.JWT_SECRET!), 'TOKEN_INVALID'],
    ['HS256 signed with the refresh-successor key', () => sign(claims(), KEYS.refreshSuccessor), 'TOKEN_INVALID'],
    ['HS256 signed with the code-digest key', () => sign(claims(), KEYS.codeDigest), 'TOKEN_INVALID'],
    ['HS256 signed with the rate-limit key', () => sign(claims(), KEYS.rateLimit), 'TOKEN_INVALID'],
    ['wrong issuer', () => sign({ ...claims(), iss: 'someone-else' }), 'TOKEN_INVALID'],
    ['wrong audience', () => sign({ ...claims(), aud: 'another-service' }), 'TOKEN_INVALID'],
    ['expired', () => sign({ ...claims(), iat: now() - 1200, exp: now() - 600 }), 'TOKEN_EXPIRED'],
    ['not yet valid (nbf in the future)', () => sign({ ...claims(), nbf: now() + 3600 }), 'TOKEN_INVALID'],
    // Regression: jsonwebtoken checks nbf but not a future iat; such tokens were accepted before.
    ['issued in the future (iat)', () => sign({ ...claims(), iat: now() + 3600, exp: now() + 7200 }), 'TOKEN_INVALID'],
    [
      'tampered payload (sub changed, signature kept)',
      () => {
        const [header, , signature] = victim.accessToken.split('.');
        return `${header}.${b64({ ...claims(), sub: '00000000-0000-7000-8000-000000000000' })}.${signature}`;
      },
      'TOKEN_INVALID',
    ],
    ['session id of someone else with a forged signature', () => sign({ ...claims(), sid: 'not-a-session' }, 'guess'), 'TOKEN_INVALID'],
    ['garbage', () => 'not.a.jwt', 'TOKEN_INVALID'],
    ['10 KB of garbage', () => 'x'.repeat(10_000), 'TOKEN_INVALID'],
    ['missing claims (no sid)', () => sign({ sub: victim.user.id, iss: 'gatehouse', aud: 'gatehouse', exp: now() + 600 }), 'TOKEN_INVALID'],
  ])('%s', async (_label, token, code) => {
    expect(await attempt(token())).toBe(code);
    // The victim's session survived the attempt and still works.
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: victim.session.id } });
    expect(session.revokedAt).toBeNull();
    expect((await t.graphql('{ me { id } }', {}, { token: victim.accessToken })).data).toEqual({ me: { id: victim.user.id } });
  });

  it('refuses a valid token of a deleted user', async () => {
    const doomed = await signedInUser(t.deps);
    await t.deps.prisma.user.delete({ where: { id: doomed.user.id } });
    expect(await attempt(doomed.accessToken)).toBe('TOKEN_INVALID');
  });

  it('refuses a valid token of a deactivated user', async () => {
    const disabled = await signedInUser(t.deps);
    await t.deps.prisma.user.update({ where: { id: disabled.user.id }, data: { isActive: false } });
    expect(await attempt(disabled.accessToken)).toBe('ACCOUNT_DISABLED');
  });

  it('refuses a valid token of a revoked session', async () => {
    const revoked = await signedInUser(t.deps);
    await t.deps.prisma.session.update({ where: { id: revoked.session.id }, data: { revokedAt: new Date(), revokeReason: 'revoked_by_admin' } });
    expect(await attempt(revoked.accessToken)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token sent in the URL and reads only the Authorization header', async () => {
    const response = await t.request(`/graphql?query=${encodeURIComponent('{ me { id } }')}&access_token=${victim.accessToken}`, {
      headers: { accept: 'application/json' },
    });
    expect(await response.json()).toEqual({ data: { me: null } });
  });
});
