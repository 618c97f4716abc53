/**
 * Issue 15, item 1: signing in with a username or an email (LOGIN_IDENTIFIERS). `login` takes
 * `identifier`; `email` stays as a deprecated alias; usernames are Django's (NFKC, letters, digits
 * and @ . + - _, at most 150, compared exactly); an unknown identifier is answered like a wrong
 * password; the login limits are keyed on the account, or on the normalised identifier.
 */
import { describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { errorCode, type GraphQLResult } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { uniqueEmail } from '../../helpers/accounts.js';
import { randomUUID } from 'node:crypto';

const SIGN_IN = `mutation ($identifier: String, $email: String, $password: String!) {
  login(identifier: $identifier, email: $email, password: $password) { ... on AuthPayload { user { id } } }
}`;

type Result = GraphQLResult<{ login: { user: { id: string } } | null }>;
const signIn = (t: TestApp, vars: { identifier?: string; email?: string; password?: string }, ip?: string): Promise<Result> =>
  t.graphql(SIGN_IN, { password: PASSWORD, ...vars }, { ip });
const uniqueName = (prefix = 'Ana') => `${prefix}.${randomUUID().slice(0, 6)}`;

describe('LOGIN_IDENTIFIERS=email (the default)', () => {
  it('signs in with identifier or the deprecated email argument, never with a username; exactly one of them', async () => {
    const t = await createTestApp();
    const user = await createUser(t.deps, { email: uniqueEmail(), username: uniqueName() });
    expect((await signIn(t, { identifier: user.email })).data?.login?.user.id).toBe(user.id);
    expect((await signIn(t, { email: user.email.toUpperCase() })).data?.login?.user.id).toBe(user.id);
    expect(errorCode(await signIn(t, { identifier: user.username! }))).toBe('INVALID_CREDENTIALS');
    for (const vars of [{}, { identifier: user.email, email: user.email }]) {
      const result = await signIn(t, vars);
      expect(errorCode(result)).toBe('VALIDATION_FAILED');
      expect(result.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'identifier' })]);
    }
  });
});

describe('LOGIN_IDENTIFIERS=username', () => {
  it('signs in with the username as Django normalises it (NFKC, trimmed), exactly, and not with the address', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username' } });
    const name = uniqueName();
    const user = await createUser(t.deps, { username: name });
    // Before item 1, login looked the identifier up as an email only.
    expect((await signIn(t, { identifier: name })).data?.login?.user.id).toBe(user.id);
    expect((await signIn(t, { email: name })).data?.login?.user.id).toBe(user.id);
    expect((await signIn(t, { identifier: ` ${name} ` })).data?.login?.user.id).toBe(user.id);
    // Fullwidth letters are the same name after NFKC.
    const fullwidth = name.replace(/[A-Za-z]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
    expect((await signIn(t, { identifier: fullwidth })).data?.login?.user.id).toBe(user.id);
    // Compared exactly, as Django does: another case is another name.
    expect(errorCode(await signIn(t, { identifier: name.toLowerCase() }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await signIn(t, { identifier: user.email }))).toBe('INVALID_CREDENTIALS');
  });

  it('answers an unknown, malformed or over-long username exactly like a wrong password', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username' } });
    const user = await createUser(t.deps, { username: uniqueName() });
    const wrong = await signIn(t, { identifier: user.username!, password: 'not the password' });
    for (const identifier of [uniqueName('nobody'), 'has space', 'semi;colon', 'x'.repeat(151), 'y'.repeat(5000)]) {
      const result = await signIn(t, { identifier });
      expect(result.errors).toEqual(wrong.errors);
      expect(result.status).toBe(wrong.status);
    }
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'auth.login_failed', userId: null }, orderBy: { createdAt: 'desc' } });
    expect(JSON.parse(audit.metadata ?? '{}')).toMatchObject({ reason: 'unknown_identifier' });
  });
});

describe('LOGIN_IDENTIFIERS=both', () => {
  it('counts failures under the account, whichever spelling of its username is typed', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'both', LOGIN_BACKOFF_AFTER_FAILURES: '3' } });
    const name = uniqueName();
    const user = await createUser(t.deps, { username: name });
    const fullwidth = name.replace(/[A-Za-z]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
    const ip = '198.51.100.7';
    for (const identifier of [name, fullwidth, user.email])
      expect(errorCode(await signIn(t, { identifier, password: 'wrong' }, ip))).toBe('INVALID_CREDENTIALS');
    // Three failures through three spellings are one account's three: its back-off has started, even for the right password.
    expect(errorCode(await signIn(t, { identifier: ` ${name}` }, ip))).toBe('RATE_LIMITED');
    // Another address is not held back.
    expect((await signIn(t, { identifier: name }, '198.51.100.8')).data?.login?.user.id).toBe(user.id);
  });

  it('signs in with either; an address that is also another account’s username names the address’s owner', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'both' } });
    const user = await createUser(t.deps, { username: uniqueName() });
    expect((await signIn(t, { identifier: user.username! })).data?.login?.user.id).toBe(user.id);
    expect((await signIn(t, { identifier: user.email })).data?.login?.user.id).toBe(user.id);

    const owner = await createUser(t.deps, { email: uniqueEmail('owner') });
    const squatter = await createUser(t.deps, { username: owner.email });
    expect((await signIn(t, { identifier: owner.email })).data?.login?.user.id).toBe(owner.id);
    expect(squatter.id).not.toBe(owner.id);
  });
});

describe('usernames are stored as Django stores them', () => {
  it('NFKC-normalises a username at registration, so look-alike variants are taken', async () => {
    const t = await createTestApp({ env: { LOGIN_IDENTIFIERS: 'username' } });
    const REGISTER = 'mutation ($input: RegisterInput!) { register(input: $input) { user { id username } } }';
    const base = `ｊｏｈｎ${randomUUID().slice(0, 4)}`;
    const first = await t.graphql<{ register: { user: { username: string } } }>(REGISTER, {
      input: { email: uniqueEmail(), password: PASSWORD, firstName: 'J', lastName: 'D', username: base },
    });
    expect(first.data?.register.user.username).toBe(base.normalize('NFKC'));
    const clash = await t.graphql(REGISTER, {
      input: { email: uniqueEmail(), password: PASSWORD, firstName: 'J', lastName: 'D', username: base.normalize('NFKC') },
    });
    expect(errorCode(clash)).toBe('USERNAME_TAKEN');
    expect(
      errorCode(
        await t.graphql(REGISTER, { input: { email: uniqueEmail(), password: PASSWORD, firstName: 'J', lastName: 'D', username: 'no spaces allowed' } }),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});
