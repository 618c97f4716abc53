/**
 * GraphQL limits through the real pipeline: each limit refuses with QUERY_TOO_COMPLEX naming it,
 * bodies over the limit get 413 before parsing, batching is off (or capped), and introspection
 * and field suggestions are off in production unless INTROSPECTION=true.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../helpers/graphql.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
const deepType = (levels: number) => `{ __type(name: "User") { fields { type ${'{ ofType '.repeat(levels)}{ name }${' }'.repeat(levels)} } } }`;

describe('GraphQL limits (defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('refuses too many aliases, naming the limit', async () => {
    expect((await t.graphql(aliases(15))).errors).toBeUndefined();
    const result = await t.graphql(aliases(16));
    expect(result.errors?.[0]).toMatchObject({
      message: 'Aliases limit of 15 exceeded, found 16.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' },
    });
    expect(result.data).toBeUndefined();
  });

  it('refuses a deeply nested query', async () => {
    expect((await t.graphql(deepType(6))).errors).toBeUndefined();
    const result = await t.graphql(deepType(12));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
  });

  it('refuses too many directives', async () => {
    const result = await t.graphql(`{ me ${'@include(if: true) '.repeat(21)} { id } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives' });
  });

  it('refuses a document with too many tokens before validating it', async () => {
    const result = await t.graphql(`{ ${'__typename '.repeat(2100)} }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'Token limit of 2000 exceeded.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens' } });
  });

  it('answers 413 with a JSON error for a body over the limit, before parsing it', async () => {
    // Not even JSON: a parser would have answered 400, so 413 shows nothing parsed it.
    const response = await t.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{'.repeat(102_401) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is larger than the limit of 102400 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 102_400 } }],
    });
    // Just under the limit is parsed as usual.
    const query = `{ __typename }${' '.repeat(102_400 - 40)}`;
    const ok = await t.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(ok.status).toBe(200);
  });

  it('refuses batched requests while batching is off', async () => {
    const response = await t.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('allows introspection and suggestions outside production', async () => {
    expect((await t.graphql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await t.graphql('{ me { emial } }')).errors?.[0]?.message).toMatch(/Did you mean "email"/);
  });
});

describe('GraphQL limits (configured)', () => {
  it('applies each configured limit, including cost, and caps batches', async () => {
    const t = await createTestApp({ env: { GRAPHQL_MAX_COST: '10', GRAPHQL_BATCH_LIMIT: '2', GRAPHQL_MAX_BODY_BYTES: '2048' } });
    try {
      const cost = await t.graphql('{ a: __typename b: __typename }');
      expect(cost.errors).toBeUndefined();
      const tooCostly = await t.graphql('{ me { id email firstName lastName username role isActive isStaff isSuperuser emailVerified createdAt updatedAt } }');
      expect(tooCostly.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
      expect(errorCode(await t.graphql('{ me { id } }'))).toBeUndefined();

      const batch = (count: number) =>
        t.request('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(Array.from({ length: count }, () => ({ query: '{ __typename }' }))),
        });
      const two = await batch(2);
      expect(two.status).toBe(200);
      expect(await two.json()).toEqual([{ data: { __typename: 'Query' } }, { data: { __typename: 'Query' } }]);
      expect((await batch(3)).status).toBe(413);

      const big = await t.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(3000)}` }),
      });
      expect(big.status).toBe(413);
    } finally {
      await t.close();
    }
  });

  it('turns introspection and field suggestions off in production, unless INTROSPECTION=true', async () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'q8H2vN5xLr0TzW7cKe3YbJ9uPd4SgF6mA1', DATA_ENCRYPTION_KEY: 'Hx7pQ2mZ9vL4cT8nW1bK6yR3sF5gJ0dA' };
    const off = await createTestApp({ env: production });
    try {
      const introspection = await off.graphql('{ __schema { queryType { name } } }');
      expect(introspection.data).toBeUndefined();
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      expect(JSON.stringify((await off.graphql('{ me { emial } }')).errors)).not.toContain('email');
      expect((await off.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await off.close();
    }
    const on = await createTestApp({ env: { ...production, INTROSPECTION: 'true' } });
    try {
      expect((await on.graphql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await on.close();
    }
  });
});
