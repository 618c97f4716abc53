/**
 * Sending GraphQL operations through the app's fetch, typed when given a TypedDocumentNode.
 */
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { App, ServerContext } from '../../src/server/app.js';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<TData> {
  status: number;
  headers: Headers;
  data: TData | null | undefined;
  errors: GraphQLErrorShape[] | undefined;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** The socket's peer address, as the Node server would pass it (none by default). */
  ip?: string;
}

/** The server context the Node adapter would give yoga for a connection from `ip`. */
export function socketFrom(ip: string): ServerContext {
  return { req: { socket: { remoteAddress: ip } } } as unknown as ServerContext;
}

export interface GraphQLClient {
  graphql<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
    document: string | DocumentNode | TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<GraphQLResult<TData>>;
  request(path: string, init?: RequestInit, ip?: string): Promise<Response>;
}

export function createGraphQLClient(app: App): GraphQLClient {
  return clientOver((path, init, ip) =>
    Promise.resolve(
      ip ? app.fetch(new URL(`http://gatehouse.test${path}`), init ?? {}, socketFrom(ip)) : app.fetch(new URL(`http://gatehouse.test${path}`), init ?? {}),
    ),
  );
}

/** The same client over real HTTP, for a server process at `baseUrl` (the `ip` option is ignored: the socket decides). */
export function createHttpClient(baseUrl: string): GraphQLClient {
  return clientOver((path, init) => fetch(`${baseUrl}${path}`, init));
}

function clientOver(request: GraphQLClient['request']): GraphQLClient {
  return {
    request,
    async graphql(document, variables, options = {}) {
      const query = typeof document === 'string' ? document : print(document);
      const response = await request(
        '/graphql',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...options.headers,
          },
          body: JSON.stringify({ query, variables }),
        },
        options.ip,
      );
      const body = (await response.json()) as { data?: never; errors?: GraphQLErrorShape[] };
      return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
    },
  };
}

/** The `extensions.code` of the first error, for terse assertions. */
export function errorCode(result: { errors?: GraphQLErrorShape[] | undefined }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
