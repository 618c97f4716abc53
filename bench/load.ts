/**
 * One load run with autocannon: fixed connections, bounded duration, every response checked for
 * GraphQL errors (a 200 carrying `errors` counts as an error, not as throughput).
 */
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

export type ConnectionContext = Record<string, unknown>;

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  /** The request body for the next request of a connection (its context persists across requests). */
  body(context: ConnectionContext): string;
  headers?(context: ConnectionContext): Record<string, string>;
  /** Sees each response, e.g. to keep a rotated refresh token for the connection's next request. */
  onResponse?(body: string, context: ConnectionContext, headers: Record<string, string | string[]>): void;
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${spec.url}/graphql`,
    connections: spec.connections,
    duration: spec.seconds,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => ({
          ...request,
          headers: { 'content-type': 'application/json', ...spec.headers?.(context as ConnectionContext) },
          body: spec.body(context as ConnectionContext),
        }),
        onResponse: (status, body, context, headers) => {
          if (status !== 200 || body.includes('"errors"')) {
            graphqlErrors++;
            // BENCH_DEBUG=1 shows the first few failures of each run.
            if (process.env.BENCH_DEBUG && graphqlErrors <= 3) console.error(status, body.slice(0, 300));
          }
          spec.onResponse?.(body, context as ConnectionContext, headers as Record<string, string | string[]>);
        },
      },
    ],
  });
  if (process.env.BENCH_DEBUG) console.error({ errors: result.errors, timeouts: result.timeouts, resets: result.resets, non2xx: result.non2xx, graphqlErrors });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: graphqlErrors + result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
