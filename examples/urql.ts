// urql (@urql/core) with a Bearer token: `fetchOptions` is read for every request, so it always
// sends the current token. In cookie mode use `fetchOptions: { credentials: 'include', headers:
// { 'x-graphql-csrf': '1' } }` instead.
import { Client, fetchExchange } from '@urql/core';

export function createUrqlClient(options: { url: string; accessToken: () => string | null }): Client {
  return new Client({
    url: `${options.url}/graphql`,
    exchanges: [fetchExchange],
    // Account data changes under the client's feet (another device, an admin): always ask.
    requestPolicy: 'network-only',
    fetchOptions: () => {
      const token = options.accessToken();
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
  });
}
