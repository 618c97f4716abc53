// Apollo Client (v4) in cookie mode (AUTH_COOKIES=true): tokens live in httpOnly cookies that the
// server sets on login and refresh, so JavaScript never holds them. Every request carries a CSRF
// header. In a browser, `credentials: 'include'` is all it takes (and no `fetch` option); Node's
// fetch keeps no cookies, so here it gets a cookie jar (fetch-cookie + tough-cookie).
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import makeFetchCookie from 'fetch-cookie';
import { CookieJar } from 'tough-cookie';

export function createCookieClient(options: { url: string; jar?: CookieJar }): ApolloClient {
  return new ApolloClient({
    // The union's members, so the cache matches `... on AuthPayload` / `... on MfaChallenge` exactly.
    cache: new InMemoryCache({ possibleTypes: { SignInResult: ['AuthPayload', 'MfaChallenge'] } }),
    link: new HttpLink({
      uri: `${options.url}/graphql`,
      credentials: 'include',
      headers: { 'x-graphql-csrf': '1' },
      fetch: makeFetchCookie(fetch, options.jar ?? new CookieJar()),
    }),
  });
}
