/**
 * The HTTP application: GraphQL at /graphql, /healthz, /readyz and /.well-known/jwks.json. It does not listen; main.ts
 * does, and tests call its `fetch` directly, so they exercise the whole pipeline without a port.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { createYoga, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import { createContext, type Context } from './context.js';
import type { Deps } from './deps.js';
import { useJwks } from './jwks.js';
import { checkReadiness } from './readiness.js';
import { requestIdOf } from './request-id.js';

export interface ServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
}

export type App = YogaServerInstance<ServerContext, Context>;

export function createApp(deps: Deps): App {
  const { config, logger } = deps;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: config.graphiql ? { title: 'Gatehouse', defaultQuery: '{ me { id email } }' } : false,
    // Unexpected errors are logged once, by maskError below, with the request id.
    logging: false,
    context: ({ request, req }) => createContext(deps, { request, ip: req?.socket.remoteAddress ?? null }),
    maskedErrors: {
      // Never attach the original error or its stack, not even in development: clients see the
      // message and code of expected errors, and a generic message for everything else.
      isDev: false,
      maskError(error, message, _isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
        logger.error({ err: original ?? error }, 'unexpected error while handling a request');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    plugins: [
      useRequestId(),
      useJwks(config),
      useReadinessCheck({
        endpoint: '/readyz',
        check: async ({ fetchAPI }) => {
          const ready = await checkReadiness(deps);
          return new fetchAPI.Response(JSON.stringify(ready), {
            status: ready.status === 'ready' ? 200 : 503,
            headers: { 'content-type': 'application/json' },
          });
        },
      }),
    ],
  });
}

/** Echoes the request id on every response, so logs and responses can be matched. */
function useRequestId(): Plugin {
  return {
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}
