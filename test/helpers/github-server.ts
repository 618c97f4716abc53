/**
 * A GitHub-style OAuth 2.0 server on loopback, answering as GitHub documents it
 * (docs.github.com "Authorizing OAuth apps", REST "Users" and "Emails"):
 *   GET  /login/oauth/authorize      the user approves at once: redirect with `code` and `state`
 *   POST /login/oauth/access_token   form body; JSON with `Accept: application/json`; errors come
 *                                    back as HTTP 200 with `error` (GitHub's habit); PKCE (S256) checked
 *   GET  /api/v3/user                { login, id, name, email }
 *   GET  /api/v3/user/emails         [{ email, primary, verified, visibility }]
 * (GitHub Enterprise Server's layout; github.com serves the API at api.github.com.)
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GithubUser {
  id: number;
  login: string;
  name: string | null;
  emails: { email: string; primary: boolean; verified: boolean }[];
}

export interface GithubServer {
  baseUrl: string;
  /** Who approves the next authorization. */
  nextUser: GithubUser | null;
  /** The provider entry for OAUTH_PROVIDERS pointing here. */
  providerEntry(extra: Record<string, unknown>): Record<string, unknown>;
  close(): Promise<void>;
}

export async function startGithubServer(client: { clientId: string; clientSecret: string }): Promise<GithubServer> {
  const codes = new Map<string, { user: GithubUser; challenge: string; redirectUri: string }>();
  const tokens = new Map<string, GithubUser>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', gh.baseUrl);
    const json = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== client.clientId || q.get('code_challenge_method') !== 'S256' || !gh.nextUser) return json({ error: 'bad request' }, 400);
      const code = randomBytes(10).toString('hex');
      codes.set(code, { user: gh.nextUser, challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')! });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const authorized = form.get('client_id') === client.clientId && form.get('client_secret') === client.clientSecret;
        if (!authorized) return json({ error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' });
        if (!grant || grant.redirectUri !== form.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          return json({ error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
        }
        const token = `gho_${randomBytes(16).toString('hex')}`;
        tokens.set(token, grant.user);
        if (!(req.headers.accept ?? '').includes('application/json')) {
          res
            .writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' })
            .end(`access_token=${token}&scope=read%3Auser%2Cuser%3Aemail&token_type=bearer`);
          return;
        }
        json({ access_token: token, scope: 'read:user,user:email', token_type: 'bearer' });
      });
      return;
    }
    const user = tokens.get((req.headers.authorization ?? '').replace(/^(Bearer|token) /i, ''));
    if (url.pathname.startsWith('/api/v3/') && !user) return json({ message: 'Requires authentication' }, 401);
    if (req.method === 'GET' && url.pathname === '/api/v3/user') {
      return json({ login: user!.login, id: user!.id, name: user!.name, email: user!.emails.find((e) => e.primary)?.email ?? null });
    }
    if (req.method === 'GET' && url.pathname === '/api/v3/user/emails') return json(user!.emails.map((e) => ({ ...e, visibility: 'private' })));
    json({ message: 'Not Found' }, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const gh: GithubServer = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextUser: null,
    providerEntry: (extra) => ({
      type: 'github',
      clientId: client.clientId,
      authorizationEndpoint: `${gh.baseUrl}/login/oauth/authorize`,
      tokenEndpoint: `${gh.baseUrl}/login/oauth/access_token`,
      apiBaseUrl: `${gh.baseUrl}/api/v3`,
      ...extra,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return gh;
}
