import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokenService } from '../../src/auth/tokens/access-token.js';
import { loadConfig } from '../../src/config/index.js';
import { signedInUser } from '../helpers/factories.js';
import { errorCode } from '../helpers/graphql.js';
import { createTestApp, TEST_ENV, TestClock, type TestApp } from '../helpers/test-app.js';

const SECRET = 'introspection-secret-for-the-api-gateway-0123456789';
const VERIFY = `query ($token: String!) {
  verifyAccessToken(token: $token) {
    active reason userId sessionId email role isStaff isSuperuser groups permissions issuedAt expiresAt
  }
}`;

interface Result {
  verifyAccessToken: { active: boolean; reason: string | null; [field: string]: unknown };
}

describe('verifyAccessToken', () => {
  const clock = new TestClock(new Date('2030-01-01T00:00:00Z'));
  let t: TestApp;
  const ask = (token: string, secret: string | null = SECRET) =>
    t.graphql<Result>(VERIFY, { token }, { headers: secret === null ? {} : { 'x-introspection-secret': secret } });

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { INTROSPECTION_SECRETS: `old-secret-being-rotated-out-0123456789,${SECRET}` } });
  });

  it('requires a configured introspection secret: not anonymous callers, not signed-in users', async () => {
    const { accessToken } = await signedInUser(t.deps, { isSuperuser: true });
    for (const [secret, token] of [
      [null, undefined],
      ['wrong', undefined],
      [SECRET.slice(0, -1), undefined],
      [null, accessToken], // even a superuser's session is not a service credential
    ] as const) {
      const result = await t.graphql(VERIFY, { token: accessToken }, { token, headers: secret ? { 'x-introspection-secret': secret } : {} });
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors![0]!.message).toContain('X-Introspection-Secret');
      expect(result.data).toBeNull();
    }
    // Either configured secret works (rotation).
    expect((await ask(accessToken, 'old-secret-being-rotated-out-0123456789')).data?.verifyAccessToken.active).toBe(true);
  });

  it('is disabled when no secret is configured, whatever header is sent', async () => {
    const plain = await createTestApp();
    try {
      const { accessToken } = await signedInUser(plain.deps);
      for (const secret of ['', 'anything']) {
        const result = await plain.graphql(VERIFY, { token: accessToken }, { headers: { 'x-introspection-secret': secret } });
        expect(errorCode(result)).toBe('FORBIDDEN');
        expect(result.errors![0]!.message).toBe('Token introspection is disabled (set INTROSPECTION_SECRETS).');
      }
    } finally {
      await plain.close();
    }
  });

  it("describes an active token with the user's current access", async () => {
    const { user, session, accessToken } = await signedInUser(t.deps, { isStaff: true, email: 'svc-check@example.com' });
    const permission = await t.deps.prisma.permission.create({ data: { codename: 'shop.refund_order' } });
    await t.deps.prisma.group.create({
      data: { name: 'support', users: { create: { userId: user.id } }, permissions: { create: { permissionId: permission.id } } },
    });
    const result = await ask(accessToken);
    expect(result.errors).toBeUndefined();
    expect(result.data?.verifyAccessToken).toEqual({
      active: true,
      reason: null,
      userId: user.id,
      sessionId: session.id,
      email: 'svc-check@example.com',
      role: 'STAFF',
      isStaff: true,
      isSuperuser: false,
      groups: ['support'],
      permissions: ['shop.refund_order'],
      issuedAt: '2030-01-01T00:00:00.000Z',
      expiresAt: '2030-01-01T00:15:00.000Z',
    });
  });

  it('answers active=false with a reason for bad tokens, never an error', async () => {
    const inactive = async (token: string) => {
      const result = await ask(token);
      expect(result.errors).toBeUndefined();
      const { active, reason, userId, email, permissions } = result.data!.verifyAccessToken;
      expect({ active, userId, email, permissions }).toEqual({ active: false, userId: null, email: null, permissions: null });
      return reason;
    };
    expect(await inactive('')).toBe('INVALID');
    expect(await inactive('not.a.jwt')).toBe('INVALID');
    expect(await inactive('x'.repeat(20_000))).toBe('INVALID');
    const foreign = createAccessTokenService(loadConfig({ ...TEST_ENV, JWT_SECRET: 'another-deployment-secret-0123456789' }));
    const { user, session, accessToken } = await signedInUser(t.deps);
    expect(await inactive(foreign.sign({ userId: user.id, sessionId: session.id }, clock.now()).token)).toBe('INVALID');

    await t.deps.prisma.session.update({ where: { id: session.id }, data: { revokedAt: clock.now(), revokeReason: 'logout' } });
    expect(await inactive(accessToken)).toBe('SESSION_ENDED');

    const other = await signedInUser(t.deps);
    await t.deps.prisma.user.update({ where: { id: other.user.id }, data: { isActive: false } });
    expect(await inactive(other.accessToken)).toBe('ACCOUNT_DISABLED');

    const later = await signedInUser(t.deps);
    clock.advance(15 * 60 * 1000 + 1000);
    expect(await inactive(later.accessToken)).toBe('EXPIRED');
  });
});
