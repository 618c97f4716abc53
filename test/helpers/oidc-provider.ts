/**
 * A real OpenID Connect provider for the tests: oidc-provider on 127.0.0.1 (plain http, which
 * Gatehouse allows only for loopback outside production), with registered clients and accounts
 * the test controls, and a "browser" that walks its authorization flow over HTTP (redirects
 * followed by hand, cookies kept, the devInteractions login and consent forms answered).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdpAccount {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
}

export interface IdpClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  /** e.g. HS256, to see the relying party refuse it. */
  id_token_signed_response_alg?: string;
}

export interface TestIdp {
  issuer: string;
  /** Accounts by login name; the subject (`sub`) is `sub-<login>`. Change them between flows. */
  accounts: Map<string, IdpAccount>;
  /** Walks the authorization URL as `login` and returns the URL the provider redirects back to. */
  authorize(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export interface TestIdpOptions {
  clients: IdpClient[];
  /** Put every claim in the ID token instead of leaving email to the userinfo endpoint. */
  claimsInIdToken?: boolean;
}

export async function startTestIdp(options: TestIdpOptions): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, IdpAccount>();
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({ grant_types: ['authorization_code'], response_types: ['code'], ...c })),
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name'] },
    conformIdTokenClaims: !options.claimsInIdToken,
    enabledJWA: { idTokenSigningAlgValues: ['RS256', 'HS256'] },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...accounts.get(id.replace(/^sub-/, '')) }),
    }),
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
  provider.proxy = false;
  server.on('request', provider.callback());

  return {
    issuer,
    accounts,
    async authorize(authorizationUrl, login) {
      const jar = new Map<string, string>();
      const go = async (url: string, init: RequestInit = {}) => {
        const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
        const res = await fetch(url, { redirect: 'manual', ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
        for (const set of res.headers.getSetCookie()) {
          const [pair] = set.split(';');
          const at = pair!.indexOf('=');
          jar.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
        return res;
      };
      const start = new URL(authorizationUrl);
      const redirectUri = start.searchParams.get('redirect_uri')!;
      let res = await go(authorizationUrl);
      for (let step = 0; step < 12; step++) {
        if (res.status >= 300 && res.status < 400) {
          const location = new URL(res.headers.get('location')!, issuer);
          if (location.href.startsWith(redirectUri)) return location;
          res = await go(location.href);
          continue;
        }
        const html = await res.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        if (!action) throw new Error(`the provider answered ${res.status} without a form: ${html.slice(0, 300)}`);
        const body = new URLSearchParams(/name="login"/.test(html) ? { prompt: 'login', login: `sub-${login}`, password: 'any' } : { prompt: 'consent' });
        res = await go(new URL(action, issuer).href, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      }
      throw new Error('the authorization flow did not come back');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The `state`, `code` and `iss` of a callback URL, as a client relays them. */
export function callbackArgs(callback: URL): { state: string; code: string; iss: string | null } {
  return { state: callback.searchParams.get('state')!, code: callback.searchParams.get('code')!, iss: callback.searchParams.get('iss') };
}
