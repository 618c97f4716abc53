/**
 * Issue 10, item 9: the last active superuser could close their own account with the
 * self-service deactivateAccount, leaving nobody able to administer the instance. Now refused
 * with LAST_SUPERUSER by the same check the admin path makes (after the write, in one
 * serializable transaction), while a superuser who is not the last still can.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const DEACTIVATE = 'mutation ($password: String!) { deactivateAccount(password: $password) }';

describe('deactivateAccount and the last active superuser (issue 10, item 9)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  const activeSuperusers = () => t.deps.prisma.user.count({ where: { isSuperuser: true, isActive: true } });

  it('the last active superuser cannot deactivate their own account; nothing changes', async () => {
    await t.deps.prisma.user.updateMany({ where: { isSuperuser: true }, data: { isActive: false } });
    const last = await signedInUser(t.deps, { isStaff: true, isSuperuser: true });
    // An inactive superuser does not count.
    await createUser(t.deps, { isStaff: true, isSuperuser: true, isActive: false });
    const result = await t.graphql(DEACTIVATE, { password: PASSWORD }, { token: last.accessToken });
    expect(errorCode(result)).toBe('LAST_SUPERUSER');
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: last.user.id } })).isActive).toBe(true);
    expect(await activeSuperusers()).toBe(1);
    // The session survived the refused attempt.
    expect((await t.graphql('{ me { id } }', {}, { token: last.accessToken })).data).toEqual({ me: { id: last.user.id } });
    expect(await t.deps.prisma.auditEvent.count({ where: { type: 'auth.account_deactivated', userId: last.user.id } })).toBe(0);
  });

  it('a superuser who is not the last can deactivate; then the remaining one cannot', async () => {
    const [first, second] = [
      await signedInUser(t.deps, { isStaff: true, isSuperuser: true }),
      await signedInUser(t.deps, { isStaff: true, isSuperuser: true }),
    ];
    await t.deps.prisma.user.updateMany({ where: { isSuperuser: true, id: { notIn: [first.user.id, second.user.id] } }, data: { isActive: false } });
    const done = await t.graphql(DEACTIVATE, { password: PASSWORD }, { token: first.accessToken });
    expect(done.data).toEqual({ deactivateAccount: true });
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: first.user.id } })).isActive).toBe(false);
    const refused = await t.graphql(DEACTIVATE, { password: PASSWORD }, { token: second.accessToken });
    expect(errorCode(refused)).toBe('LAST_SUPERUSER');
    expect(await activeSuperusers()).toBe(1);
  });

  it('an ordinary user still deactivates with no superuser check in the way', async () => {
    const user = await signedInUser(t.deps);
    const result = await t.graphql(DEACTIVATE, { password: PASSWORD }, { token: user.accessToken });
    expect(result.data).toEqual({ deactivateAccount: true });
  });
});
