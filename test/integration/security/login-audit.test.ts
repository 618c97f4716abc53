/**
 * Issue 10 (lower severity): login_failed audit rows stored the typed email, and people type
 * their password into the email field, so the audit table collected passwords. An unmatched
 * identifier is now kept only as a keyed digest; a matched one as the account id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken } } }';

describe('login_failed audit rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('do not hold what was typed into the email field', async () => {
    const user = await createUser(t.deps);
    // The password typed into the email field (then the email into the password field).
    expect(errorCode(await t.graphql(LOGIN, { email: PASSWORD, password: user.email }, { ip: '198.51.100.1' }))).toBe('INVALID_CREDENTIALS');
    // A password that looks like an address, for an account that does not exist.
    expect(errorCode(await t.graphql(LOGIN, { email: 'hunter2@secret.example', password: 'x' }, { ip: '198.51.100.1' }))).toBe('INVALID_CREDENTIALS');
    // A wrong password for a real account: the row names the account by id.
    expect(errorCode(await t.graphql(LOGIN, { email: user.email, password: 'wrong' }, { ip: '198.51.100.1' }))).toBe('INVALID_CREDENTIALS');

    const rows = await t.deps.prisma.auditEvent.findMany({ where: { type: 'auth.login_failed' } });
    expect(rows).toHaveLength(3);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain('hunter2');
    expect(rows.filter((row) => row.userId === user.id)).toHaveLength(1);
    // The same typed text gives the same digest, so repeated attempts can still be told apart from a spray.
    const digests = rows.map((row) => (JSON.parse(row.metadata ?? '{}') as { identifierDigest?: string }).identifierDigest).filter(Boolean);
    expect(new Set(digests).size).toBe(2);
  });
});
