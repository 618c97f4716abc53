/**
 * The OAuth 2.0 / OpenID Connect providers people may sign in with (docs/social-sign-in.md):
 * a JSON list in OAUTH_PROVIDERS_FILE (or inline in OAUTH_PROVIDERS), validated once at start-up
 * with one line per mistake. Secrets stay in the environment: a provider names the variable that
 * holds its client secret (`clientSecretEnv`), so the file can be committed.
 */
import { z } from 'zod';
import { isLoopbackHost } from './exposure.js';

/** What talks to the provider: OpenID Connect by discovery, or GitHub's plain OAuth 2.0 with its REST API. */
export type OAuthProtocol = 'oidc' | 'github';
export type OAuthPreset = 'oidc' | 'google' | 'microsoft' | 'gitlab' | 'github';

export interface OAuthProviderConfig {
  /** Stable id used in the API and stored with each linked identity. */
  id: string;
  preset: OAuthPreset;
  protocol: OAuthProtocol;
  /** What a login page shows. */
  name: string;
  /** OIDC: the issuer (discovery at `<issuer>/.well-known/openid-configuration`, and the ID token's `iss`). */
  issuer: string | null;
  /** GitHub: its endpoints (GitHub Enterprise Server and tests point them elsewhere). */
  github: { authorizationEndpoint: string; tokenEndpoint: string; apiBaseUrl: string } | null;
  clientId: string;
  /** Null: a public client (PKCE only, no client authentication). */
  clientSecret: string | null;
  scopes: string[];
  /** Exact URIs the provider may send people back to (also registered at the provider). */
  redirectUris: string[];
  /** An unknown person may create an account by signing in here (with a verified email). */
  allowRegistration: boolean;
  /** An existing account with the same (verified) email is linked on first sign-in. Only for providers whose email_verified is trustworthy. */
  trustEmailForLinking: boolean;
  /** Bound on each request to the provider. */
  timeoutSeconds: number;
  /** Plain http to the provider: only for loopback addresses outside production (tests, local IdPs). */
  allowInsecureHttp: boolean;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be 1-32 of a-z, 0-9, _ and -, starting with a letter or digit');
const url = z.string().refine(isUrl, 'must be an absolute http(s) URL');
// Any scheme but the ones a browser would run or read locally: native apps use their own (com.example.app:/cb).
const redirectUri = z.string().refine((value) => {
  try {
    const parsed = new URL(value);
    // No query: openid-client sends the token endpoint the callback URL without its query as redirect_uri.
    return !parsed.hash && !parsed.search && !['javascript:', 'data:', 'file:', 'blob:', 'vbscript:'].includes(parsed.protocol);
  } catch {
    return false;
  }
}, 'must be an absolute URL without a query or fragment (and not javascript:, data:, file:)');

const common = {
  id,
  name: z.string().min(1).max(64).optional(),
  clientId: z.string().min(1).max(512),
  clientSecretEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the name of an environment variable')
    .optional(),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'must be a scope token')).optional(),
  redirectUris: z.array(redirectUri).min(1, 'must list at least one URI'),
  allowRegistration: z.boolean().default(false),
  trustEmailForLinking: z.boolean().default(false),
  timeoutSeconds: z.number().int().min(1).max(60).default(10),
};

const entry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('oidc'), issuer: url, ...common }).strict(),
  z.object({ type: z.literal('google'), ...common }).strict(),
  z
    .object({
      type: z.literal('microsoft'),
      tenant: z
        .string()
        .regex(/^[A-Za-z0-9.-]+$/, 'must be a directory (tenant) id or domain')
        .refine(
          (t) => !['common', 'organizations', 'consumers'].includes(t.toLowerCase()),
          'must be one directory: common, organizations and consumers sign tokens with a per-tenant issuer, which cannot be checked',
        ),
      ...common,
    })
    .strict(),
  z.object({ type: z.literal('gitlab'), issuer: url.default('https://gitlab.com'), ...common }).strict(),
  z
    .object({
      type: z.literal('github'),
      authorizationEndpoint: url.default('https://github.com/login/oauth/authorize'),
      tokenEndpoint: url.default('https://github.com/login/oauth/access_token'),
      apiBaseUrl: url.default('https://api.github.com'),
      ...common,
    })
    .strict(),
]);

const fileSchema = z.array(entry).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((provider, index) => {
    if (seen.has(provider.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicates the id "${provider.id}"` });
    seen.add(provider.id);
  });
});

const DEFAULT_NAMES: Record<OAuthPreset, string> = { oidc: 'OpenID Connect', google: 'Google', microsoft: 'Microsoft', gitlab: 'GitLab', github: 'GitHub' };
const OIDC_SCOPES = ['openid', 'email', 'profile'];

/**
 * Parses the provider list. `source` names where it came from, for the messages.
 * @returns the providers, or the problems (one line each) when there are any.
 */
export function parseOAuthProviders(
  text: string,
  env: Record<string, string | undefined>,
  isProduction: boolean,
): { providers: OAuthProviderConfig[]; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { providers: [], problems: [`is not valid JSON (${(error as Error).message})`] };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return { providers: [], problems: parsed.error.issues.map((issue) => `${pathOf(issue.path)}: ${issue.message}`) };

  const problems: string[] = [];
  const providers = parsed.data.map((p, index): OAuthProviderConfig => {
    const at = (field: string) => `[${index}].${field}`;
    const secret = p.clientSecretEnv ? env[p.clientSecretEnv] : undefined;
    if (p.clientSecretEnv && !secret) problems.push(`${at('clientSecretEnv')}: the environment variable ${p.clientSecretEnv} is not set`);
    const issuer =
      p.type === 'oidc' || p.type === 'gitlab'
        ? p.issuer.replace(/\/+$/, '')
        : p.type === 'google'
          ? 'https://accounts.google.com'
          : p.type === 'microsoft'
            ? `https://login.microsoftonline.com/${p.tenant}/v2.0`
            : null;
    const github =
      p.type === 'github'
        ? { authorizationEndpoint: p.authorizationEndpoint, tokenEndpoint: p.tokenEndpoint, apiBaseUrl: p.apiBaseUrl.replace(/\/+$/, '') }
        : null;
    // Plain http reaches the provider only on this machine and never in production: a token
    // endpoint over http would hand codes and tokens to anyone on the path.
    const endpoints = [issuer, github?.authorizationEndpoint, github?.tokenEndpoint, github?.apiBaseUrl].filter((u): u is string => !!u);
    const insecure = endpoints.filter((u) => new URL(u).protocol === 'http:');
    for (const u of insecure) {
      if (isProduction || !isLoopbackHost(new URL(u).hostname))
        problems.push(`${at('issuer')}: ${u} must use https (plain http only for loopback addresses outside production)`);
    }
    return {
      id: p.id,
      preset: p.type,
      protocol: p.type === 'github' ? 'github' : 'oidc',
      name: p.name ?? DEFAULT_NAMES[p.type],
      issuer,
      github,
      clientId: p.clientId,
      clientSecret: secret ?? null,
      scopes: p.scopes ?? (p.type === 'github' ? ['read:user', 'user:email'] : OIDC_SCOPES),
      redirectUris: p.redirectUris,
      allowRegistration: p.allowRegistration,
      trustEmailForLinking: p.trustEmailForLinking,
      timeoutSeconds: p.timeoutSeconds,
      allowInsecureHttp: insecure.length > 0,
    };
  });
  for (const [index, p] of providers.entries()) {
    if (p.protocol === 'oidc' && !p.scopes.includes('openid')) problems.push(`[${index}].scopes: must include openid`);
  }
  return { providers, problems };
}

function pathOf(path: PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('') || '(the list)';
}

function isUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
