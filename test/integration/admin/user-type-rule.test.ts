/**
 * User's type rule (src/schema/user.ts): a User's fields are read by the user themself, by staff
 * holding one of USER_READERS, or under the `ownAccount` grant of the sign-in fields, by nobody
 * else. The admin page (issue 12) reordered the rule so its staff half is evaluated once per
 * request; these pin down each branch, including the ones the root-field matrix cannot reach (a
 * staff member who may read audit events but not users meets other users through `AuditEvent.user`).
 * A plain user has no root field that returns someone else's account, so the rule's refusal is
 * seen here through staff without a reader permission.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { signedInStaff } from '../../helpers/admin.js';

const EVENTS = `{ auditEvents(first: 10, filter: { type: "test.rule" }) { nodes { userId user { id email } } } }`;

interface EventsData {
  auditEvents: { nodes: { userId: string | null; user: { id: string; email: string | null } | null }[] };
}

describe("User's type rule", () => {
  let t: TestApp;
  let other: { id: string; email: string | null };
  beforeAll(async () => {
    t = await createTestApp();
    other = await createUser(t.deps, { email: 'other@example.com' });
  });

  /** An audit event about each of `userIds`, which `EVENTS` lists with the subject's fields. */
  async function eventsAbout(userIds: string[]): Promise<void> {
    await t.deps.prisma.auditEvent.deleteMany({ where: { type: 'test.rule' } });
    for (const userId of userIds) await t.deps.prisma.auditEvent.create({ data: { type: 'test.rule', userId } });
  }

  it('staff without a reader permission: another user is FORBIDDEN (null), their own account is readable (self)', async () => {
    const { user: auditor, accessToken } = await signedInStaff(t.deps, ['audit.view_auditevent']);
    await eventsAbout([other.id, auditor.id]);
    const result = await t.graphql<EventsData>(EVENTS, {}, { token: accessToken });
    const byUser = new Map(result.data?.auditEvents.nodes.map((node) => [node.userId, node.user]));
    expect(byUser.get(other.id)).toBeNull();
    expect(byUser.get(auditor.id)).toEqual({ id: auditor.id, email: auditor.email });
    // One error per refused field that ran: the non-null id nulls the user, and whether its other
    // fields still report depends on whether the rule answered synchronously (it does once the
    // request's permissions are loaded), so the count is not pinned.
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors ?? []) {
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(error.path?.slice(0, -1)).toEqual(['auditEvents', 'nodes', result.data?.auditEvents.nodes.findIndex((node) => node.userId === other.id), 'user']);
    }
  });

  it.each(['users.view_user', 'users.add_user', 'users.change_user'])('staff holding %s read another user', async (reader) => {
    const { accessToken } = await signedInStaff(t.deps, ['audit.view_auditevent', reader]);
    await eventsAbout([other.id]);
    const result = await t.graphql<EventsData>(EVENTS, {}, { token: accessToken });
    expect(result.errors).toBeUndefined();
    expect(result.data?.auditEvents.nodes).toEqual([{ userId: other.id, user: { id: other.id, email: 'other@example.com' } }]);
  });

  it('a plain user reads their own account, and login hands it over under the ownAccount grant', async () => {
    const { user, accessToken } = await signedInStaff(t.deps, [], { isStaff: false });
    const me = await t.graphql<{ me: { id: string; email: string } }>('{ me { id email } }', {}, { token: accessToken });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toEqual({ id: user.id, email: user.email });
    // Not signed in yet: only the grant lets the payload's user be read.
    const login = await t.graphql<{ login: { user: { id: string; email: string } } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { user { id email } } } }',
      { email: user.email, password: PASSWORD },
    );
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.user).toEqual({ id: user.id, email: user.email });
  });
});
