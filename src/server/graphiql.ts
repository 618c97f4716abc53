/**
 * GraphiQL for browsers (GRAPHIQL, on outside production), served whole from this process.
 * yoga's built-in page loads GraphiQL from a public CDN; @graphql-yoga/render-graphiql inlines the
 * same bundle, so the page works offline and pulls no third-party script into an auth server's
 * origin. The 9 MB bundle is imported on the first page request only, never in production.
 */
import type { GraphiQLOptions } from 'graphql-yoga';
import type { Config } from '../config/index.js';

/** yoga's `graphiql` option: off, or our defaults (in cookie mode, the CSRF header on every request). */
export function graphiqlOptions(config: Config): GraphiQLOptions | false {
  if (!config.graphiql) return false;
  const csrfHeader = config.cookies.csrfHeaders[0];
  return {
    title: 'Gatehouse',
    defaultQuery: '{ me { id email } }',
    // The page is same-origin, so the browser sends the auth cookies; cookie mode refuses
    // requests without a CSRF header, which GraphiQL's own fetches would otherwise lack.
    ...(config.cookies.enabled && csrfHeader ? { additionalHeaders: { [csrfHeader]: '1' } } : {}),
  };
}

/** yoga's `renderGraphiQL` option: the self-contained page. */
export async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL: render } = await import('@graphql-yoga/render-graphiql');
  return render(options);
}
