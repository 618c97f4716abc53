/**
 * Django users brought across end to end: `import-django` (the CLI, as a process) loads a
 * `manage.py dumpdata` file into a fresh database, then those users sign in through the `login`
 * mutation with their old passwords, and their stored hashes are argon2id afterwards.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../helpers/graphql.js';
import { runProcess } from '../helpers/server-process.js';
import { createTestApp, TEST_ENV, type TestApp } from '../helpers/test-app.js';
import { graphql } from '../client/gql/index.js';

const DUMP = fileURLToPath(new URL('../fixtures/django/dumpdata-auth.json', import.meta.url));

const DjangoLogin = graphql(`
  mutation DjangoLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) { ... on AuthPayload { accessToken user { email role } } }
  }
`);
const DjangoMe = graphql(`query DjangoMe { me { email username } }`);

/** Users of the dump with the password they had in Django, by the hash format Django stored. */
const USERS = [
  { format: 'pbkdf2_sha256', email: 'admin@example.com', password: 'lètmein', role: 'ADMIN', username: 'admin', prefix: 'pbkdf2_sha256$' },
  { format: 'argon2 (Django wrapping)', email: 'alice@example.com', password: 'password', role: 'STAFF', username: 'alice', prefix: 'argon2$argon2id$' },
  { format: 'bcrypt_sha256', email: 'bob@example.org', password: 'bob-secret-1', role: 'USER', username: 'bob', prefix: 'bcrypt_sha256$' },
] as const;

describe('Django users log in with their old passwords after import-django', () => {
  let t: TestApp;
  const hashOf = async (email: string) => (await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash;

  beforeAll(async () => {
    t = await createTestApp();
    // These users sign in at once: the site vouches for their addresses (the default leaves them unverified).
    const imported = await runProcess(['src/cli/index.ts', 'import-django', DUMP, '--email-verified'], { ...TEST_ENV, DATABASE_URL: t.db.url });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('users:       6 created');
  });

  it.each(USERS)('$format: $email signs in, and the hash is now argon2id', async ({ email, password, role, username, prefix }) => {
    expect(await hashOf(email)).toMatch(new RegExp(`^${prefix.replace(/\$/g, '\\$')}`));

    const wrong = await t.graphql(DjangoLogin, { email, password: `${password}x` });
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(await hashOf(email)).toMatch(new RegExp(`^${prefix.replace(/\$/g, '\\$')}`)); // a failed login upgrades nothing

    const login = await t.graphql(DjangoLogin, { email, password });
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.user).toEqual({ email, role });
    expect(await hashOf(email)).toMatch(/^\$argon2id\$/);

    const me = await t.graphql(DjangoMe, {}, { token: login.data!.login.accessToken });
    expect(me.data?.me).toEqual({ email, username });
    // The upgraded hash keeps working with the same password.
    expect(errorCode(await t.graphql(DjangoLogin, { email, password }))).toBeUndefined();
  });

  it('unsalted SHA-256: a deactivated user stays out with the old hash untouched; once reactivated, signs in and is upgraded', async () => {
    const email = 'carol@example.net';
    const sha256 = await hashOf(email);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(errorCode(await t.graphql(DjangoLogin, { email, password: 'carol-pass' }))).toBe('ACCOUNT_DISABLED');
    expect(await hashOf(email)).toBe(sha256);

    // An administrator lets her back in.
    await t.deps.prisma.user.update({ where: { email }, data: { isActive: true } });
    const login = await t.graphql(DjangoLogin, { email, password: 'carol-pass' });
    expect(login.data?.login.user.email).toBe(email);
    expect(await hashOf(email)).toMatch(/^\$argon2id\$/);
  });

  it('a user whose Django password was unusable or unsupported cannot sign in with any password', async () => {
    for (const email of ['grace@example.com', 'heidi@example.com']) {
      expect(await hashOf(email)).toBeNull();
      expect(errorCode(await t.graphql(DjangoLogin, { email, password: 'password' }))).toBe('INVALID_CREDENTIALS');
    }
  });
});
