/**
 * Lists are bounded: every list of objects in the schema has a maximum (and a `first` argument),
 * and the query cost counts list sizes, so nested lists cannot multiply into a huge answer.
 */
import { randomUUID } from 'node:crypto';
import { getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../../src/schema/index.js';
import { LIST_SIZE_EXTENSION, LIST_SIZES } from '../../../src/schema/list-size.js';
import { createSession } from '../../../src/auth/sessions/create-session.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { signedInUser } from '../../helpers/factories.js';

describe('bounded lists', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedInUser(t.deps, { isSuperuser: true })).accessToken;
  });

  // The hole: Group.members (like every nested list) returned every row, however many.
  it('answers Group.members with at most its cap, and `first` with that many', async () => {
    const cap = LIST_SIZES.members.max;
    const group = await t.deps.prisma.group.create({ data: { name: `big-${randomUUID().slice(0, 8)}` } });
    const users = Array.from({ length: cap + 5 }, () => ({ id: randomUUID(), email: `member-${randomUUID().slice(0, 8)}@example.com` }));
    await t.deps.prisma.user.createMany({ data: users });
    await t.deps.prisma.userGroup.createMany({ data: users.map((u) => ({ userId: u.id, groupId: group.id })) });

    const all = await t.graphql<{ group: { memberCount: number; members: { id: string }[] } }>(
      'query($n: String!) { group(name: $n) { memberCount members { id } } }',
      { n: group.name },
      { token: admin },
    );
    expect(all.errors).toBeUndefined();
    expect(all.data!.group.memberCount).toBe(cap + 5);
    expect(all.data!.group.members).toHaveLength(cap);
    const some = await t.graphql<{ group: { members: { id: string }[] } }>(
      'query($n: String!) { group(name: $n) { members(first: 3) { id } } }',
      { n: group.name },
      { token: admin },
    );
    expect(some.data!.group.members).toHaveLength(3);
    const tooMany = await t.graphql('query($n: String!) { group(name: $n) { members(first: 1000) { id } } }', { n: group.name }, { token: admin });
    expect(errorCode(tooMany)).toBe('VALIDATION_FAILED');
  });

  it('answers mySessions and User.sessions with at most their cap', async () => {
    const { user, accessToken } = await signedInUser(t.deps);
    for (let i = 0; i < LIST_SIZES.sessions.max + 2; i++) await createSession(t.deps, user.id, { ip: null, userAgent: null });
    const mine = await t.graphql<{ mySessions: unknown[]; me: { sessions: unknown[] } }>(
      '{ mySessions { id } me { sessions { id } } }',
      {},
      { token: accessToken },
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.mySessions).toHaveLength(LIST_SIZES.sessions.max);
    expect(mine.data!.me.sessions).toHaveLength(LIST_SIZES.sessions.max);
    expect((await t.graphql<{ mySessions: unknown[] }>('{ mySessions(first: 2) { id } }', {}, { token: accessToken })).data!.mySessions).toHaveLength(2);
  });

  // The hole: graphql-armor's cost counted a list without a literal `first` as one object, so
  // lists nested in lists cost next to nothing while the answer grew as their product.
  it('refuses nested lists whose product is too large as QUERY_TOO_COMPLEX (cost)', async () => {
    const nested = await t.graphql('{ groups { members { groups { members { groups { name } } } } } }', {}, { token: admin });
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(nested.data).toBeUndefined();
    // A `first` given as a variable counts as the field's maximum.
    const variable = await t.graphql('query($n: Int) { groups(first: $n) { members(first: $n) { groups(first: $n) { name } } } }', { n: 1 }, { token: admin });
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    // Small literal sizes make the same shape affordable.
    const small = await t.graphql(
      '{ groups(first: 5) { members(first: 5) { groups(first: 5) { members(first: 5) { groups(first: 5) { name } } } } } }',
      {},
      { token: admin },
    );
    expect(small.errors).toBeUndefined();
  });

  it('still accepts the admin list queries clients send (a page of users with their groups and permissions)', async () => {
    const page = await t.graphql(
      'query($first: Int) { users(first: $first) { nodes { email groups { name permissions { codename } } directPermissions { codename } } pageInfo { hasNextPage } totalCount } }',
      { first: 100 },
      { token: admin },
    );
    expect(page.errors).toBeUndefined();
  });

  it('declares a size for every list of objects in the schema', () => {
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (isListType(getNullableType(field.type)) && isObjectType(getNamedType(field.type)) && !field.extensions[LIST_SIZE_EXTENSION])
          undeclared.push(`${type.name}.${field.name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
