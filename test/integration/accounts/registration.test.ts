/**
 * Registration: validation, mandatory profile fields, taken addresses (also under concurrency),
 * and that a refused registration writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { login, PASSWORD, registerUser, REGISTER, uniqueEmail } from '../../helpers/accounts.js';

interface FieldProblem {
  field: string;
  code: string;
}

function fieldsOf(result: { errors?: { extensions?: Record<string, unknown> }[] }): FieldProblem[] {
  return ((result.errors?.[0]?.extensions?.fields as FieldProblem[] | undefined) ?? []).map(({ field, code }) => ({ field, code }));
}

describe('register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { REGISTRATION_REQUIRED_FIELDS: 'organizationName,country' } });
  });

  it('reports every bad field at once, and writes nothing', async () => {
    const before = await t.deps.prisma.user.count();
    const result = await t.graphql(REGISTER, {
      input: {
        email: 'not-an-email',
        password: '12345',
        firstName: ' ',
        lastName: 'x'.repeat(151),
        country: 'NZ',
        organizationName: '',
        username: 'bad name!',
      },
    });
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(result)).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'invalid' },
        { field: 'firstName', code: 'required' },
        { field: 'lastName', code: 'too_long' },
        { field: 'username', code: 'invalid' },
        { field: 'organizationName', code: 'required' },
        { field: 'password', code: 'password_too_short' },
        { field: 'password', code: 'password_entirely_numeric' },
      ]),
    );
    expect(await t.deps.prisma.user.count()).toBe(before);
    expect(await t.deps.prisma.outboxEmail.count()).toBe(0);
  });

  it('bounds every text input', async () => {
    const email = uniqueEmail();
    const result = await registerUser(t, email, {
      organizationName: 'o'.repeat(256),
      country: 'c'.repeat(256),
      signatureRole: 'r'.repeat(256),
      pictureUrl: `https://x.io/${'p'.repeat(2048)}`,
    });
    expect(fieldsOf(result)).toEqual([
      { field: 'pictureUrl', code: 'too_long' },
      { field: 'organizationName', code: 'too_long' },
      { field: 'country', code: 'too_long' },
      { field: 'signatureRole', code: 'too_long' },
    ]);
    const long = await registerUser(t, `${'a'.repeat(300)}@example.com`, { organizationName: 'Org', country: 'NZ' });
    expect(fieldsOf(long)).toEqual([{ field: 'email', code: 'invalid' }]);
  });

  it('refuses a password like the user, too common, or too long', async () => {
    const tooSimilar = await registerUser(t, 'grace.hopper@example.com', { organizationName: 'Org', country: 'NZ', password: 'gracehopper' });
    expect(fieldsOf(tooSimilar)).toContainEqual({ field: 'password', code: 'password_too_similar' });
    const common = await registerUser(t, uniqueEmail(), { organizationName: 'Org', country: 'NZ', password: 'password123' });
    expect(fieldsOf(common)).toContainEqual({ field: 'password', code: 'password_too_common' });
    const long = await registerUser(t, uniqueEmail(), { organizationName: 'Org', country: 'NZ', password: 'x'.repeat(5000) });
    expect(fieldsOf(long)).toEqual([{ field: 'password', code: 'password_too_long' }]);
  });

  it('creates an unverified account with the profile fields, queues the code email, audits', async () => {
    const email = uniqueEmail();
    const result = await registerUser(t, email, { organizationName: ' Navy ', country: 'US', username: 'amazing_grace' });
    expect(result.data?.register.user.emailVerified).toBe(false);
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      organizationName: 'Navy',
      country: 'US',
      username: 'amazing_grace',
      isActive: true,
      emailVerifiedAt: null,
      role: 'USER',
      isStaff: false,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const queued = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(queued).toMatchObject({ template: 'verification_code', status: 'PENDING' });
    const token = await t.deps.prisma.oneTimeToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(token.tokenHash).not.toContain((JSON.parse(queued.payload) as { code: string }).code);
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'auth.registered', userId: user.id } })).toBe(1);
  });

  it('says EMAIL_TAKEN (whatever the case) and USERNAME_TAKEN', async () => {
    const email = uniqueEmail();
    await registerUser(t, email, { organizationName: 'Org', country: 'NZ', username: 'taken_name' });
    const again = await registerUser(t, email.toUpperCase(), { organizationName: 'Org', country: 'NZ' });
    expect(again.errors?.[0]?.extensions).toEqual({
      code: 'EMAIL_TAKEN',
      fields: [{ field: 'email', code: 'email_taken', message: 'An account with this email already exists.' }],
    });
    expect(errorCode(await registerUser(t, uniqueEmail(), { organizationName: 'Org', country: 'NZ', username: 'taken_name' }))).toBe('USERNAME_TAKEN');
  });

  // Regression guard: the check-then-insert race must end in EMAIL_TAKEN, not a 500 or two accounts.
  it('lets exactly one of two concurrent registrations with one email succeed', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(Array.from({ length: 4 }, () => registerUser(t, email, { organizationName: 'Org', country: 'NZ' })));
    const codes = results.map((r) => (r.data ? 'ok' : errorCode(r)));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'EMAIL_TAKEN')).toHaveLength(3);
    // Regression guard: the check before the write and the lost race used to answer in two shapes.
    const taken = results.filter((r) => !r.data).map((r) => r.errors?.[0]?.extensions);
    expect(new Set(taken.map((e) => JSON.stringify(e)))).toEqual(
      new Set([
        JSON.stringify({ code: 'EMAIL_TAKEN', fields: [{ field: 'email', code: 'email_taken', message: 'An account with this email already exists.' }] }),
      ]),
    );
    expect(await t.deps.prisma.user.count({ where: { email } })).toBe(1);
    expect(await t.deps.prisma.outboxEmail.count({ where: { to: email } })).toBe(1);
  });

  it('lets an unverified account sign in when verification is not required', async () => {
    const open = await createTestApp({ env: { REQUIRE_EMAIL_VERIFICATION: 'false' } });
    try {
      const email = uniqueEmail();
      const result = await registerUser(open, email);
      expect(result.data?.register.emailVerificationRequired).toBe(false);
      expect((await login(open, email, PASSWORD)).data?.login.user.email).toBe(email);
    } finally {
      await open.close();
    }
  });
});
