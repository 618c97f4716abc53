/**
 * Hostile HTTP input at the GraphQL endpoint: each gets a documented status and code, nothing
 * reaches the unexpected-error path, and the server keeps serving afterwards.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

interface ErrorBody {
  errors?: { message: string; extensions?: { code?: string } }[];
  data?: unknown;
}

const MB = 1024 * 1024;

describe('hostile HTTP input (app pipeline)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  const post = (body: BodyInit, contentType = 'application/json') => t.request('/graphql', { method: 'POST', headers: { 'content-type': contentType }, body });
  const codeOf = async (response: Response) => ((await response.json()) as ErrorBody).errors?.[0]?.extensions?.code;

  it.each<[string, () => Promise<Response>, number, string | null]>([
    ['malformed JSON', () => post('{"query": "{ __typename }"'), 400, 'BAD_REQUEST'],
    ['JSON that is not an object', () => post('"{ __typename }"'), 400, 'BAD_REQUEST'],
    ['JSON null', () => post('null'), 400, 'BAD_REQUEST'],
    ['an empty body', () => post(''), 400, 'BAD_REQUEST'],
    ['a query that is not a string', () => post('{"query": {"a": 1}}'), 400, 'BAD_REQUEST'],
    ['variables that are not an object', () => post('{"query": "{ __typename }", "variables": [1]}'), 400, 'BAD_REQUEST'],
    ['invalid UTF-8', () => post(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400, 'BAD_REQUEST'],
    ['text/plain', () => post('{ __typename }', 'text/plain'), 415, null],
    ['application/xml', () => post('<query/>', 'application/xml'), 415, null],
    ['multipart without a boundary', () => post('x', 'multipart/form-data'), 400, 'BAD_REQUEST'],
    ['a body of 1 MB', () => post(JSON.stringify({ query: '{ __typename }', variables: { s: 'a'.repeat(MB) } })), 413, 'PAYLOAD_TOO_LARGE'],
    ['a body of 10 MB', () => post('{'.repeat(10 * MB)), 413, 'PAYLOAD_TOO_LARGE'],
    ['a mutation over GET', () => t.request('/graphql?query=mutation%7Blogout%7D', { headers: { accept: 'application/json' } }), 405, 'BAD_REQUEST'],
    ['PUT', () => t.request('/graphql', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }), 405, 'BAD_REQUEST'],
    ['a query with a NUL byte', () => post(JSON.stringify({ query: '{ __typename \u0000 }' })), 200, 'GRAPHQL_PARSE_FAILED'],
    ['a NUL byte in a variable', () => post(JSON.stringify({ query: 'query ($x: String) { __typename }', variables: { x: 'a\u0000b' } })), 200, null],
    ['an unknown operation name', () => post(JSON.stringify({ query: '{ __typename }', operationName: 'Nope' })), 400, 'OPERATION_RESOLUTION_FAILURE'],
    ['two anonymous operations', () => post(JSON.stringify({ query: '{ __typename } { __typename }' })), 400, 'OPERATION_RESOLUTION_FAILURE'],
    [
      'a deeply nested query',
      () => post(JSON.stringify({ query: `{ __type(name: "User") { fields { type ${'{ ofType '.repeat(40)}{ name }${' }'.repeat(40)} } } }` })),
      200,
      'QUERY_TOO_COMPLEX',
    ],
    [
      'an alias bomb',
      () => post(JSON.stringify({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }` })),
      200,
      'QUERY_TOO_COMPLEX',
    ],
    [
      'a fragment cycle',
      () => post(JSON.stringify({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' })),
      200,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['unbalanced braces 5000 deep', () => post(JSON.stringify({ query: '{'.repeat(5000) })), 200, 'GRAPHQL_PARSE_FAILED'],
    ['balanced braces 1000 deep', () => post(JSON.stringify({ query: `${'{ a '.repeat(1000)}${'}'.repeat(1000)}` })), 200, 'QUERY_TOO_COMPLEX'],
  ])('%s', async (_label, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    if (code) expect(await codeOf(response)).toBe(code);
    else await response.arrayBuffer();
    // Still serving.
    expect((await t.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});

describe('hostile HTTP input (a real server process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-hostile-'));
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      DATABASE_URL: `file:${join(dir, 'hostile.db')}`,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    });
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Sends `chunks` with the given headers over a raw Node request; resolves with status and body,
   * or status 0 when the server cut the connection while the client was still sending.
   */
  function send(headers: Record<string, string | number>, chunks: Buffer[]): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${server.url}/graphql`, { method: 'POST', headers, agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve({ status: 0, body: '' }) : reject(error),
      );
      const write = (index: number) => {
        if (index >= chunks.length) return request.end();
        if (request.destroyed) return;
        request.write(chunks[index], () => write(index + 1));
      };
      write(0);
    });
  }

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const result = await send({ 'content-type': 'application/json', 'content-length': 50 * MB }, [Buffer.from('{"query":"')]);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 0x20));
    const result = await send({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks);
    // Either the client reads the 413, or the connection is cut while it is still uploading
    // (then it never gets to read the answer); never a 200/400 from parsing the body.
    expect([0, 413]).toContain(result.status);
  });

  it('keeps serving, and logged no unexpected error', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(server.logs.filter((line) => line.includes('unexpected error'))).toEqual([]);
  });
});
