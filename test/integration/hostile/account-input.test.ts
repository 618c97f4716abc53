/**
 * Hostile input to the account flows: look-alike and mixed-case emails, 1 MB strings in every
 * text argument, NUL bytes, SQL- and script-like text. Each gets its documented answer, the
 * database is unchanged where it should be, and the server keeps serving. Runs on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, loginTokens, ME, PASSWORD, registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { errorCode, type GraphQLResult } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const MB = 1024 * 1024;
const BIG = 'x'.repeat(MB);

/** What must not change: every user, session and one-time token, and the number of queued emails. */
async function snapshot(t: TestApp) {
  const { prisma } = t.deps;
  return {
    users: await prisma.user.findMany({ orderBy: { id: 'asc' } }),
    sessions: await prisma.session.findMany({ orderBy: { id: 'asc' } }),
    tokens: await prisma.oneTimeToken.findMany({ orderBy: { id: 'asc' } }),
    emails: await prisma.outboxEmail.count(),
  };
}

async function stillServing(t: TestApp): Promise<void> {
  expect((await t.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
}

describe('look-alike and mixed-case emails', () => {
  let t: TestApp;
  let userId: string;
  // Holds a `k` and an `fi`, which have compatibility look-alikes (the Kelvin sign, the ligature).
  const address = 'kafi.test@example.com';
  beforeAll(async () => {
    t = await createTestApp({ env: { REQUIRE_EMAIL_VERIFICATION: 'false', RATE_LIMITS_ENABLED: 'false' } });
    const registered = await registerUser(t, address);
    userId = registered.data!.register.user.id;
  });

  it.each<[string, string]>([
    ['upper case', 'KAFI.TEST@EXAMPLE.COM'],
    ['mixed case', 'Kafi.Test@Example.Com'],
    ['leading and trailing spaces', '  kafi.test@example.com  '],
    ['a trailing tab and newline', 'kafi.test@example.com\t\n'],
    ['a trailing no-break space (U+00A0)', 'kafi.test@example.com\u00a0'],
    ['fullwidth letters (U+FF4B...)', 'ｋａｆｉ.ｔｅｓｔ@ｅｘａｍｐｌｅ.ｃｏｍ'],
    ['fullwidth upper case', 'ＫＡＦＩ.ＴＥＳＴ@ＥＸＡＭＰＬＥ.ＣＯＭ'],
    ['the Kelvin sign for K (U+212A)', '\u212Aafi.test@example.com'],
    ['the fi ligature (U+FB01)', 'ka\uFB01.test@example.com'],
    ['mathematical bold letters (U+1D41A...)', '𝐤𝐚𝐟𝐢.test@example.com'],
    ['circled letters (U+24DA...)', 'ⓚⓐⓕⓘ.test@example.com'],
    ['a modifier letter small k (U+1D4F)', '\u1D4Fafi.test@example.com'],
    ['a fullwidth at sign (U+FF20)', 'kafi.test＠example.com'],
  ])('%s: EMAIL_TAKEN, no second account, and it signs in to the same one', async (_label, variant) => {
    const before = await snapshot(t);
    expect(errorCode(await registerUser(t, variant))).toBe('EMAIL_TAKEN');
    expect(await snapshot(t)).toEqual(before);
    expect(await t.deps.prisma.user.count()).toBe(1);
    expect((await loginTokens(t, variant)).user.id).toBe(userId);
  });

  it.each<[string, string]>([
    ['a zero-width space (U+200B)', 'kafi\u200b.test@example.com'],
    ['a zero-width joiner (U+200D)', 'kafi.test\u200d@example.com'],
    ['a right-to-left override (U+202E)', 'kafi.test@\u202Eexample.com'],
    ['a soft hyphen (U+00AD)', 'ka\u00adfi.test@example.com'],
    ['a byte-order mark (U+FEFF) inside', 'kafi.te\ufeffst@example.com'],
  ])('%s: invisible, so refused as VALIDATION_FAILED rather than becoming a look-alike account', async (_label, variant) => {
    const before = await snapshot(t);
    const result = await registerUser(t, variant);
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'email', code: 'invalid' })]);
    expect(await snapshot(t)).toEqual(before);
    await stillServing(t);
  });

  it('treats a homoglyph from another script (Cyrillic а, U+0430) as the different address it is: its own account, the original untouched', async () => {
    // NFKC does not fold scripts into each other, and mail servers deliver these to another mailbox;
    // the new account must prove that mailbox by email before it can sign in with verification on.
    const before = (await snapshot(t)).users;
    const cyrillic = 'k\u0430fi.test@example.com';
    const result = await registerUser(t, cyrillic);
    expect(result.data?.register.user.email).toBe(cyrillic);
    expect(result.data?.register.user.id).not.toBe(userId);
    expect(await t.deps.prisma.user.findUniqueOrThrow({ where: { id: userId } })).toEqual(before.find((u) => u.id === userId));
    await t.deps.prisma.user.delete({ where: { email: cyrillic } });
  });
});

interface BigCase {
  /** The operation and the argument holding 1 MB. */
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** Signed in as the victim? */
  auth?: boolean;
  /** The documented answer: an error code, or the data of a "never reveals" operation. */
  expected: { code: string } | { data: Record<string, unknown> };
}

const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { emailVerificationRequired } }';
const PROFILE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }';
const registerWith = (field: string, value: string) => ({
  input: { email: uniqueEmail('big'), password: PASSWORD, firstName: 'Big', lastName: 'Input', [field]: value },
});

/** Every text argument of the account flows, each with a 1 MB string. */
const bigCases: BigCase[] = [
  ...[
    'email',
    'password',
    'firstName',
    'lastName',
    'username',
    'pictureUrl',
    'organizationName',
    'organizationType',
    'country',
    'signatureName',
    'signatureRole',
  ].map((field): BigCase => ({
    label: `register input.${field}`,
    query: REGISTER,
    variables: registerWith(field, BIG),
    expected: { code: 'VALIDATION_FAILED' },
  })),
  {
    label: 'login email',
    query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthPayload { accessToken } } }',
    variables: { e: BIG, p: PASSWORD },
    expected: { code: 'INVALID_CREDENTIALS' },
  },
  {
    label: 'login password',
    query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ... on AuthPayload { accessToken } } }',
    variables: { e: 'victim@example.com', p: BIG },
    expected: { code: 'INVALID_CREDENTIALS' },
  },
  {
    label: 'verifyEmail email',
    query: 'mutation($e: String!, $c: String!) { verifyEmail(email: $e, code: $c) { id } }',
    variables: { e: BIG, c: '123456' },
    expected: { code: 'INVALID_CODE' },
  },
  {
    label: 'verifyEmail code',
    query: 'mutation($e: String!, $c: String!) { verifyEmail(email: $e, code: $c) { id } }',
    variables: { e: 'victim@example.com', c: BIG },
    expected: { code: 'INVALID_CODE' },
  },
  {
    label: 'resendVerificationEmail email',
    query: 'mutation($e: String!) { resendVerificationEmail(email: $e) }',
    variables: { e: BIG },
    expected: { data: { resendVerificationEmail: true } },
  },
  {
    label: 'requestPasswordReset email',
    query: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
    variables: { e: BIG },
    expected: { data: { requestPasswordReset: true } },
  },
  {
    label: 'verifyPasswordResetToken token',
    query: 'query($t: String!) { verifyPasswordResetToken(token: $t) }',
    variables: { t: BIG },
    expected: { data: { verifyPasswordResetToken: false } },
  },
  {
    label: 'resetPassword token',
    query: 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
    variables: { t: BIG, p: 'a brand new passphrase' },
    expected: { code: 'TOKEN_INVALID' },
  },
  {
    label: 'resetPassword newPassword',
    query: 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
    variables: { t: 'not-a-token', p: BIG },
    expected: { code: 'TOKEN_INVALID' },
  },
  {
    label: 'refreshToken refreshToken',
    query: 'mutation($t: String) { refreshToken(refreshToken: $t) { accessToken } }',
    variables: { t: BIG },
    expected: { code: 'TOKEN_INVALID' },
  },
  ...['firstName', 'lastName', 'username', 'pictureUrl', 'organizationName', 'organizationType', 'country', 'signatureName', 'signatureRole'].map(
    (field): BigCase => ({
      label: `updateProfile input.${field}`,
      query: PROFILE,
      variables: { input: { [field]: BIG } },
      auth: true,
      expected: { code: 'VALIDATION_FAILED' },
    }),
  ),
  {
    label: 'changePassword currentPassword',
    query: 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
    variables: { c: BIG, n: 'a brand new passphrase' },
    auth: true,
    expected: { code: 'INVALID_CREDENTIALS' },
  },
  {
    label: 'changePassword newPassword',
    query: 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
    variables: { c: PASSWORD, n: BIG },
    auth: true,
    expected: { code: 'VALIDATION_FAILED' },
  },
  {
    label: 'requestEmailChange newEmail',
    query: 'mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }',
    variables: { e: BIG, p: PASSWORD },
    auth: true,
    expected: { code: 'VALIDATION_FAILED' },
  },
  {
    label: 'requestEmailChange password',
    query: 'mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, password: $p) }',
    variables: { e: uniqueEmail('new'), p: BIG },
    auth: true,
    expected: { code: 'INVALID_CREDENTIALS' },
  },
  {
    label: 'confirmEmailChange code',
    query: 'mutation($c: String!) { confirmEmailChange(code: $c) { id } }',
    variables: { c: BIG },
    auth: true,
    expected: { code: 'INVALID_CODE' },
  },
  {
    label: 'deactivateAccount password',
    query: 'mutation($p: String!) { deactivateAccount(password: $p) }',
    variables: { p: BIG },
    auth: true,
    expected: { code: 'INVALID_CREDENTIALS' },
  },
  {
    label: 'revokeSession id',
    query: 'mutation($id: ID!, $p: String) { revokeSession(id: $id, password: $p) }',
    variables: { id: BIG, p: PASSWORD },
    auth: true,
    expected: { code: 'NOT_FOUND' },
  },
  {
    label: 'revokeSession password',
    query: 'mutation($id: ID!, $p: String) { revokeSession(id: $id, password: $p) }',
    variables: { id: 'another-session', p: BIG },
    auth: true,
    expected: { code: 'INVALID_CREDENTIALS' },
  },
  {
    label: 'logoutAll password',
    query: 'mutation($p: String!) { logoutAll(password: $p) }',
    variables: { p: BIG },
    auth: true,
    expected: { code: 'INVALID_CREDENTIALS' },
  },
];

describe('1 MB strings in every text argument', () => {
  // Two servers: one with the default body limit, one that lets 1 MB through to the resolvers.
  let small: TestApp;
  let large: TestApp;
  const victims = new Map<TestApp, string>();
  beforeAll(async () => {
    const env = { RATE_LIMITS_ENABLED: 'false' };
    small = await createTestApp({ env });
    large = await createTestApp({ env: { ...env, GRAPHQL_MAX_BODY_BYTES: String(4 * MB) } });
    for (const t of [small, large]) victims.set(t, (await signedInUser(t.deps, { email: 'victim@example.com' })).accessToken);
  });
  afterAll(async () => {
    await small.close();
    await large.close();
  });

  const send = (t: TestApp, c: BigCase): Promise<GraphQLResult<Record<string, unknown>>> =>
    t.graphql(c.query, c.variables, c.auth ? { token: victims.get(t)! } : {});

  it.each(bigCases.map((c) => [c.label, c] as const))('%s: PAYLOAD_TOO_LARGE (413) at the default body limit', async (_label, c) => {
    const before = await snapshot(small);
    const result = await send(small, c);
    expect(result.status).toBe(413);
    expect(errorCode(result)).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot(small)).toEqual(before);
    await stillServing(small);
  });

  it.each(bigCases.map((c) => [c.label, c] as const))('%s: its documented answer when the body limit lets it through', async (_label, c) => {
    const before = await snapshot(large);
    const result = await send(large, c);
    if ('code' in c.expected) {
      expect(errorCode(result)).toBe(c.expected.code);
      // The error names what was wrong, not the 1 MB back.
      expect(JSON.stringify(result.errors).length).toBeLessThan(2000);
    } else {
      expect(result).toMatchObject({ data: c.expected.data, errors: undefined });
    }
    expect(await snapshot(large)).toEqual(before);
    await stillServing(large);
  });
});

describe('NUL bytes, SQL- and script-like text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { REQUIRE_EMAIL_VERIFICATION: 'false', RATE_LIMITS_ENABLED: 'false' } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a NUL in the email', { email: 'nul\u0000@example.com' }, 'email'],
    ['a NUL in firstName', { firstName: 'Ada\u0000' }, 'firstName'],
    ['a NUL in lastName', { lastName: '\u0000' + 'Lovelace' }, 'lastName'],
    ['a NUL in username', { username: 'ada\u0000' }, 'username'],
    ['a NUL in organizationName', { organizationName: 'Engines\u0000Ltd' }, 'organizationName'],
    ['a NUL in pictureUrl', { pictureUrl: 'https://example.com/\u0000.png' }, 'pictureUrl'],
  ])('register with %s: VALIDATION_FAILED naming the field, nothing written', async (_label, input, field) => {
    const before = await snapshot(t);
    const result = await t.graphql(REGISTER, { input: { email: uniqueEmail('nul'), password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace', ...input } });
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code: 'invalid' })]));
    expect(await snapshot(t)).toEqual(before);
    await stillServing(t);
  });

  it('updateProfile with a NUL in any field: VALIDATION_FAILED, the profile unchanged', async () => {
    const { accessToken } = await signedInUser(t.deps);
    for (const field of ['firstName', 'lastName', 'username', 'country', 'signatureRole']) {
      const before = await snapshot(t);
      const result = await t.graphql(PROFILE, { input: { [field]: 'a\u0000b' } }, { token: accessToken });
      expect(errorCode(result), field).toBe('VALIDATION_FAILED');
      expect(await snapshot(t)).toEqual(before);
    }
    await stillServing(t);
  });

  it('keeps a password with a NUL whole: the part before the NUL does not sign in (no C-string truncation)', async () => {
    const email = uniqueEmail('nulpass');
    const password = 'correct horse\u0000battery staple';
    expect((await registerUser(t, email, { password })).errors).toBeUndefined();
    expect(errorCode(await login(t, email, 'correct horse'))).toBe('INVALID_CREDENTIALS');
    expect((await login(t, email, password)).data?.login.user.email).toBe(email);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['login email', { q: 'mutation($v: String!) { login(email: $v, password: "x") { ... on AuthPayload { accessToken } } }' }, 'INVALID_CREDENTIALS'],
    ['verifyEmail code', { q: 'mutation($v: String!) { verifyEmail(email: "nobody@example.com", code: $v) { id } }' }, 'INVALID_CODE'],
    ['refreshToken', { q: 'mutation($v: String!) { refreshToken(refreshToken: $v) { accessToken } }' }, 'TOKEN_INVALID'],
    ['resetPassword token', { q: 'mutation($v: String!) { resetPassword(token: $v, newPassword: "a brand new passphrase") }' }, 'TOKEN_INVALID'],
  ])('%s with a NUL: %s, nothing written', async (_label, { q }, code) => {
    const before = await snapshot(t);
    expect(errorCode(await t.graphql(q as string, { v: 'abc\u0000def' }))).toBe(code);
    expect(await snapshot(t)).toEqual(before);
    await stillServing(t);
  });

  const injections: [string, string][] = [
    ['SQL: close a string and drop a table', `Robert'); DROP TABLE "User";--`],
    ['SQL: a tautology', `' OR '1'='1`],
    ['SQL: a comment and a semicolon', `x"; DELETE FROM "Session"; --`],
    ['HTML: a script tag', '<script>alert(1)</script>'],
    ['HTML: an attribute breaking out', `"><img src=x onerror=alert(1)>`],
    ['template and format strings', '${7*7} {{7*7}} %s%n%x'],
    ['a LIKE wildcard', '100% _real_'],
    ['right-to-left text and emoji', 'مرحبا 👩🏽‍💻'],
  ];

  it.each(injections)('%s: stored and returned verbatim by register, me and updateProfile', async (_label, text) => {
    const email = uniqueEmail('verbatim');
    const registered = await registerUser(t, email, { firstName: text, lastName: text, organizationName: text, signatureRole: text });
    expect(registered.errors).toBeUndefined();
    const { accessToken } = await loginTokens(t, email);
    const profile = '{ me { firstName lastName organizationName signatureRole country } }';
    expect((await t.graphql(profile, {}, { token: accessToken })).data).toEqual({
      me: { firstName: text, lastName: text, organizationName: text, signatureRole: text, country: null },
    });

    const updated = await t.graphql(PROFILE, { input: { country: text } }, { token: accessToken });
    expect(updated.errors).toBeUndefined();
    const row = await t.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    expect([row.firstName, row.lastName, row.organizationName, row.signatureRole, row.country]).toEqual([text, text, text, text, text]);
    // The tables are all still there and whole.
    expect(await t.deps.prisma.user.count()).toBeGreaterThan(0);
    expect(await t.deps.prisma.session.count()).toBeGreaterThan(0);
    await stillServing(t);
  });

  it.each(injections)('%s as a login email or password: INVALID_CREDENTIALS, nothing else', async (_label, text) => {
    const before = await snapshot(t);
    expect(errorCode(await login(t, text, text))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await login(t, `${text}@example.com`, PASSWORD))).toBe('INVALID_CREDENTIALS');
    expect(await snapshot(t)).toEqual(before);
  });

  it('signs up and in an address with an apostrophe and a plus (valid, not an injection)', async () => {
    const email = `o'reilly+${uniqueEmail('tag')}`;
    expect((await registerUser(t, email)).data?.register.user.email).toBe(email);
    expect((await loginTokens(t, email)).user.email).toBe(email);
    expect((await t.graphql(ME, {}, { token: (await loginTokens(t, email)).accessToken })).data).toMatchObject({ me: { email } });
  });
});
