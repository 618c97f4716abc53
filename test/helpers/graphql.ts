/**
 * Sending GraphQL operations through the app's fetch, typed when given a TypedDocumentNode.
 */
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { App } from '../../src/server/app.js';

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
}

export interface GraphQLClient {
  graphql<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
    document: string | DocumentNode | TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<GraphQLResult<TData>>;
  request(path: string, init?: RequestInit): Promise<Response>;
}

export function createGraphQLClient(app: App): GraphQLClient {
  const request = (path: string, init?: RequestInit) => Promise.resolve(app.fetch(new URL(`http://gatehouse.test${path}`), init ?? {}));
  return {
    request,
    async graphql(document, variables, options = {}) {
      const query = typeof document === 'string' ? document : print(document);
      const response = await request('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: GraphQLErrorShape[] };
      return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
    },
  };
}

/** The `extensions.code` of the first error, for terse assertions. */
export function errorCode(result: { errors?: GraphQLErrorShape[] | undefined }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
