/**
 * Custom user attributes (USER_ATTRIBUTES_SCHEMA, #15 item 2): validated on every write, readable
 * by the user and by staff, filterable by admins, copied into access tokens when marked.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { signedInUser, PASSWORD } from '../../helpers/factories.js';
import { uniqueEmail } from '../../helpers/accounts.js';
import type { GraphQLErrorShape } from '../../helpers/graphql.js';

const SCHEMA = fileURLToPath(new URL('../../fixtures/attributes/schema.json', import.meta.url));

const UPDATE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { attributes } }';
const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { user { attributes } } }';
const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id attributes } }';
const UPDATE_USER = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { attributes } }';
const USERS = 'query($filter: UserFilter) { users(filter: $filter, first: 100) { nodes { email } } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken } } }';

/** The VALIDATION_FAILED fields as `field:code`. */
function problems(errors: GraphQLErrorShape[] | undefined): string[] {
  expect(errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  return ((errors?.[0]?.extensions?.fields ?? []) as { field: string; code: string }[]).map((f) => `${f.field}:${f.code}`);
}

describe('custom user attributes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { USER_ATTRIBUTES_SCHEMA: SCHEMA, USER_ATTRIBUTES_MAX_BYTES: '2048', REQUIRE_EMAIL_VERIFICATION: 'false' } });
    admin = (await signedInUser(t.deps, { isSuperuser: true })).accessToken;
  });

  it('the user sets and clears their self-editable attributes and reads them back', async () => {
    const { accessToken } = await signedInUser(t.deps);
    const set = await t.graphql(UPDATE, { input: { attributes: { plate: 'AB-123', extra: { a: 1 } } } }, { token: accessToken });
    expect(set.data).toEqual({ updateProfile: { attributes: { extra: { a: 1 }, plate: 'AB-123' } } });
    const cleared = await t.graphql(UPDATE, { input: { attributes: { extra: null } } }, { token: accessToken });
    expect(cleared.data).toEqual({ updateProfile: { attributes: { plate: 'AB-123' } } });
    expect((await t.graphql('{ me { attributes } }', {}, { token: accessToken })).data).toEqual({ me: { attributes: { plate: 'AB-123' } } });
  });

  it('refuses admin-only, unknown, prototype and ill-typed keys, each named, and changes nothing', async () => {
    const { user, accessToken } = await signedInUser(t.deps);
    const result = await t.graphql(
      UPDATE,
      // JSON.parse makes `__proto__` an own key, as the server's JSON parser does with a request body.
      { input: { attributes: JSON.parse('{"cityId":7,"tier":"gold","shoeSize":44,"__proto__":{"isStaff":true},"constructor":1}') as unknown } },
      { token: accessToken },
    );
    expect(problems(result.errors)).toEqual([
      'attributes.cityId:admin_only',
      'attributes.tier:admin_only',
      'attributes.shoeSize:unknown',
      'attributes.__proto__:unknown',
      'attributes.constructor:unknown',
    ]);
    const typed = await t.graphql(UPDATE, { input: { attributes: { plate: 12, extra: 'x' } } }, { token: accessToken });
    expect(problems(typed.errors)).toEqual(['attributes.plate:invalid', 'attributes.extra:invalid']);
    const notObject = await t.graphql(UPDATE, { input: { attributes: ['plate'] } }, { token: accessToken });
    expect(problems(notObject.errors)).toEqual(['attributes:invalid']);
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).attributes).toBe('{}');
    expect(({} as Record<string, unknown>).isStaff).toBeUndefined();
  });

  it('bounds the stored JSON (USER_ATTRIBUTES_MAX_BYTES)', async () => {
    const { accessToken } = await signedInUser(t.deps);
    const result = await t.graphql(UPDATE, { input: { attributes: { notes: 'x'.repeat(2100) } } }, { token: accessToken });
    expect(problems(result.errors)).toEqual(['attributes:too_long']);
  });

  it('register takes self-editable attributes and refuses admin-only ones', async () => {
    const input = { email: uniqueEmail(), password: PASSWORD, firstName: 'A', lastName: 'B' };
    const refused = await t.graphql(REGISTER, { input: { ...input, attributes: { tier: 'gold' } } });
    expect(problems(refused.errors)).toEqual(['attributes.tier:admin_only']);
    const ok = await t.graphql(REGISTER, { input: { ...input, attributes: { plate: 'ZZ-1' } } });
    expect(ok.data).toEqual({ register: { user: { attributes: { plate: 'ZZ-1' } } } });
  });

  it('staff set admin-only attributes and filter users by one, on the top-level key only', async () => {
    const a = uniqueEmail('attr-a');
    const b = uniqueEmail('attr-b');
    const c = uniqueEmail('attr-c');
    const created = await t.graphql<{ createUser: { id: string } }>(
      CREATE,
      { input: { email: a, attributes: { cityId: 7, tier: 'gold', plate: 'Q_1' } } },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    // b holds "cityId": 7 only inside a nested object, and a plate that `_` as a LIKE wildcard would match.
    await t.graphql(CREATE, { input: { email: b, attributes: { extra: { cityId: 7 }, cityId: 70, plate: 'QX1' } } }, { token: admin });
    await t.graphql(CREATE, { input: { email: c, attributes: { notes: '{"cityId":7}' } } }, { token: admin });
    const byCity = await t.graphql<{ users: { nodes: { email: string }[] } }>(USERS, { filter: { attribute: { key: 'cityId', value: 7 } } }, { token: admin });
    expect(byCity.data?.users.nodes.map((n) => n.email)).toEqual([a]);
    const byPlate = await t.graphql<{ users: { nodes: { email: string }[] } }>(
      USERS,
      { filter: { attribute: { key: 'plate', value: 'Q_1' } } },
      { token: admin },
    );
    expect(byPlate.data?.users.nodes.map((n) => n.email)).toEqual([a]);
    // Quotes, a backslash and both wildcards, exactly, on both databases.
    const d = uniqueEmail('attr-d');
    const tricky = 'say "hi" 100%_ \\ done';
    await t.graphql(CREATE, { input: { email: d, attributes: { notes: tricky } } }, { token: admin });
    await t.graphql(CREATE, { input: { email: uniqueEmail('attr-e'), attributes: { notes: 'say "hi" 100xx \\ done' } } }, { token: admin });
    const byNotes = await t.graphql<{ users: { nodes: { email: string }[] } }>(
      USERS,
      { filter: { attribute: { key: 'notes', value: tricky } } },
      { token: admin },
    );
    expect(byNotes.data?.users.nodes.map((n) => n.email)).toEqual([d]);
    const unknown = await t.graphql(USERS, { filter: { attribute: { key: 'shoeSize', value: 1 } } }, { token: admin });
    expect(problems(unknown.errors)).toEqual(['attribute.key:unknown']);
    const updated = await t.graphql(UPDATE_USER, { id: created.data!.createUser.id, input: { attributes: { tier: null, cityId: 8 } } }, { token: admin });
    expect(updated.data).toEqual({ updateUser: { attributes: { cityId: 8, plate: 'Q_1' } } });
    const bad = await t.graphql(UPDATE_USER, { id: created.data!.createUser.id, input: { attributes: { tier: 'platinum' } } }, { token: admin });
    expect(problems(bad.errors)).toEqual(['attributes.tier:invalid']);
  });

  it("an ordinary user cannot read another user's attributes", async () => {
    const other = await signedInUser(t.deps);
    const { accessToken } = await signedInUser(t.deps);
    const result = await t.graphql(`{ user(id: "${other.user.id}") { attributes } }`, {}, { token: accessToken });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('copies only the attributes marked x-gatehouse-claim into the access token, under attrs', async () => {
    const email = uniqueEmail();
    await t.graphql(
      CREATE,
      { input: { email, password: PASSWORD, emailVerified: true, attributes: { cityId: 3, plate: 'AB-1', pushToken: 'secret-push' } } },
      { token: admin },
    );
    const login = await t.graphql<{ login: { accessToken: string } }>(LOGIN, { email, password: PASSWORD });
    const claims = t.deps.accessTokens.verify(login.data!.login.accessToken, t.deps.clock.now());
    expect(claims.attrs).toEqual({ cityId: 3, plate: 'AB-1' });
  });

  it('keeps tokens small: claim attributes over 1024 bytes of JSON are refused at the write', async () => {
    const result = await t.graphql(CREATE, { input: { email: uniqueEmail(), attributes: { badge: 'b'.repeat(1100) } } }, { token: admin });
    expect(problems(result.errors)).toEqual(['attributes:too_long']);
    expect(JSON.stringify(result.errors)).toContain('copied into tokens');
  });
});
