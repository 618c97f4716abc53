/**
 * Group and permission events (issue 16): group.created / group.updated / group.deleted and
 * user.groups_changed / user.permissions_changed, queued in the transaction of the admin change
 * and verified at a real receiver with the standardwebhooks package. Before them, an app mirroring
 * roles had no way to hear that a user gained or lost one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInUser } from '../../helpers/factories.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { createEndpoint, deliveredEvents, type VerifiedEvent } from './helpers.js';

const ACCESS_TYPES = ['group.created', 'group.updated', 'group.deleted', 'user.groups_changed', 'user.permissions_changed'];

describe('webhook events: groups and permissions', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let token: string;
  let adminId: string;
  let delivered: () => Promise<VerifiedEvent[]>;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    receiver = await startWebhookReceiver();
    const admin = await signedInUser(t.deps, { isSuperuser: true });
    token = admin.accessToken;
    adminId = admin.user.id;
    const endpoint = await createEndpoint(t, token, receiver.url, ACCESS_TYPES);
    delivered = deliveredEvents(t, receiver, endpoint.secret);
    return () => receiver.stop();
  });

  async function call<T = unknown>(query: string, variables: Record<string, unknown>): Promise<T> {
    const result = await t.graphql<T>(query, variables, { token });
    expect(result.errors).toBeUndefined();
    clock.advance(1000); // events compared in the order they were queued
    return result.data!;
  }

  it('a group created, renamed, given permissions, joined, left by deletion; direct grants', async () => {
    const admin = { kind: 'admin', id: adminId };
    const { createGroup: group } = await call<{ createGroup: { id: string } }>(
      'mutation { createGroup(name: "editors", description: "Edit", permissions: ["users.view_user"]) { id } }',
      {},
    );
    await call('mutation ($id: ID!) { updateGroup(id: $id, input: { name: "writers" }) { id } }', { id: group.id });
    await call('mutation ($id: ID!) { setGroupPermissions(id: $id, permissions: ["users.view_user", "users.change_user"]) { id } }', { id: group.id });
    const member = await createUser(t.deps);
    await call('mutation ($id: ID!) { setUserGroups(id: $id, groups: ["writers"]) { id } }', { id: member.id });
    await call('mutation ($id: ID!) { setUserPermissions(id: $id, permissions: ["users.add_user", "groups.view_group"]) { id } }', { id: member.id });
    await call('mutation ($id: ID!) { setUserPermissions(id: $id, permissions: ["groups.view_group"]) { id } }', { id: member.id });
    await call('mutation ($id: ID!) { deleteGroup(id: $id) }', { id: group.id });

    const events = await delivered();
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['group.created', { group: { id: group.id, name: 'editors', description: 'Edit', permissions: ['users.view_user'] }, actor: admin }],
      [
        'group.updated',
        { group: { id: group.id, name: 'writers', description: 'Edit', permissions: ['users.view_user'] }, changedFields: ['name'], actor: admin },
      ],
      [
        'group.updated',
        {
          group: { id: group.id, name: 'writers', description: 'Edit', permissions: ['users.change_user', 'users.view_user'] },
          changedFields: ['permissions'],
          actor: admin,
        },
      ],
      ['user.groups_changed', { userId: member.id, groups: ['writers'], added: ['writers'], removed: [], actor: admin }],
      [
        'user.permissions_changed',
        { userId: member.id, permissions: ['groups.view_group', 'users.add_user'], added: ['groups.view_group', 'users.add_user'], removed: [], actor: admin },
      ],
      ['user.permissions_changed', { userId: member.id, permissions: ['groups.view_group'], added: [], removed: ['users.add_user'], actor: admin }],
      ['group.deleted', { groupId: group.id, name: 'writers', memberIds: [member.id], actor: admin }],
    ]);
    expect(events.every((event) => event.version === 1)).toBe(true);
  });

  it('a call that changes nothing sends nothing', async () => {
    const member = await createUser(t.deps);
    await call('mutation ($id: ID!) { setUserGroups(id: $id, groups: []) { id } }', { id: member.id });
    await call('mutation ($id: ID!) { setUserPermissions(id: $id, permissions: []) { id } }', { id: member.id });
    expect(await delivered()).toEqual([]);
  });
});
