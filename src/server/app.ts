/**
 * The HTTP application: GraphQL at /graphql, /healthz, /readyz, /.well-known/jwks.json and the web
 * console (/account, /admin). It does not listen; main.ts
 * does, and tests call its `fetch` directly, so they exercise the whole pipeline without a port.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { classifyDatabaseError, databaseFailureError } from '../db/errors.js';
import { schema } from '../schema/index.js';
import { clientIp } from './client-ip.js';
import type { Context } from '../schema/context.js';
import { createContext } from './context.js';
import type { Deps } from '../deps.js';
import { useBodyLimit } from './limits/body-limit.js';
import { graphqlLimitPlugins } from './limits/graphql-limits.js';
import { corsFromAllowList } from './plugins/cors.js';
import { useSecurityHeaders } from './plugins/security-headers.js';
import { useErrorLanguage } from './plugins/error-language.js';
import { useJwks } from './jwks.js';
import { useOAuthRoutes } from './oauth-routes.js';
import { checkReadiness } from './readiness.js';
import { requestIdOf } from './request-id.js';
import { GRAPHQL_PATH, useAuthCookies } from '../schema/auth-cookies.js';
import { useCsrfHeader } from './csrf.js';
import { graphiqlOptions, renderGraphiQL } from './graphiql.js';
import { useConsole, type ConsoleOptions } from './console.js';

export interface ServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
}

export type App = YogaServerInstance<ServerContext, Context>;

export interface AppOptions {
  /** The web console's files (tests point it at their own build). */
  console?: ConsoleOptions;
}

export function createApp(deps: Deps, options: AppOptions = {}): App {
  const { config, logger } = deps;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: graphiqlOptions(config),
    renderGraphiQL,
    // Unexpected errors are logged once, by maskError below, with the request id.
    logging: false,
    // useBodyLimit (below) enforces the body limit; yoga's own would pipe every body through a stream transform.
    maxRequestBodySize: false,
    batching: config.graphql.batchLimit > 0 ? { limit: config.graphql.batchLimit } : false,
    cors: corsFromAllowList(config.http.corsOrigins),
    context: ({ request, req }) =>
      createContext(deps, { request, ip: clientIp(req?.socket?.remoteAddress, request.headers.get('x-forwarded-for'), config.http.trustProxy) }),
    maskedErrors: {
      // Never attach the original error or its stack, not even in development: clients see the
      // message and code of expected errors, and a generic message for everything else.
      isDev: false,
      maskError(error, message, _isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return withLoginUrl(error, config.http.loginUrl);
        const failure = classifyDatabaseError(original ?? error);
        if (failure) {
          // Expected under faults and races: a clear code, and a warning rather than an error log.
          logger.warn({ err: original ?? error, failure }, 'database failure while handling a request');
          return databaseFailureError(failure);
        }
        logger.error({ err: original ?? error }, 'unexpected error while handling a request');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    plugins: [
      useBodyLimit(config.graphql.maxBodyBytes),
      useSecurityHeaders({ hsts: config.isProduction, varyOnOrigin: config.http.corsOrigins.length > 0 }),
      ...graphqlLimitPlugins(config.graphql),
      useRequestId(),
      useErrorLanguage(deps),
      useAuthCookies(),
      // Cookies ride along on cross-site requests; a required header makes forging one impossible.
      ...(config.cookies.enabled ? [useCsrfHeader(config.cookies.csrfHeaders)] : []),
      useJwks(config),
      useOAuthRoutes(deps),
      useConsole(config, options.console),
      useReadiness(deps),
    ],
  });
}

/** UNAUTHENTICATED errors name the sign-in page when LOGIN_URL is set. */
function withLoginUrl(error: GraphQLError, loginUrl: string | null): GraphQLError {
  if (!loginUrl || error.extensions.code !== 'UNAUTHENTICATED') return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, loginUrl },
  });
}

/**
 * /readyz: 200 when the database answers, else 503 with the reason. Matched by path alone: yoga's
 * useReadinessCheck also tested a URLPattern against every other request (2 % of a `me` request).
 */
function useReadiness(deps: Deps): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/readyz') return;
      return checkReadiness(deps).then((ready) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(ready), {
            status: ready.status === 'ready' ? 200 : 503,
            headers: { 'content-type': 'application/json' },
          }),
        ),
      );
    },
  };
}

/** Echoes the request id on every response, so logs and responses can be matched. */
function useRequestId(): Plugin {
  return {
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}
