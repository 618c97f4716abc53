/**
 * The console's GraphQL client: posts a typed document (codegen's client preset, documentMode
 * 'string', so no graphql-js in the bundle) to /graphql in cookie mode. The browser sends the
 * httpOnly auth cookies itself (same origin); the CSRF header, which the server names in a
 * <meta> of the page, proves the request comes from a script of this origin. An error becomes an
 * ApiError with its `extensions.code` and a message in the reader's language: the server words
 * its codes in the language of Accept-Language (sent here), the console overrides a few.
 */
import { graphql } from '../gql';
import type { TypedDocumentString } from '../gql/graphql';
import { locale } from './i18n';
import { t } from './texts';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const csrfHeader = document.querySelector<HTMLMetaElement>('meta[name="gatehouse-csrf-header"]')?.content || 'x-graphql-csrf';

/** Codes the console words itself: a client-side situation, or the server's words fit an API user. */
const OWN_WORDS: Record<string, () => string> = {
  NETWORK: () => t('networkError'),
  INTERNAL_SERVER_ERROR: () => t('unexpectedError'),
  UNAUTHENTICATED: () => t('sessionEnded'),
};

interface Body<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const Refresh = graphql(`
  mutation ConsoleRefresh {
    refreshToken {
      accessTokenExpiresAt
    }
  }
`);

/** Codes with which the server refuses a missing or expired access cookie. */
const SIGNED_OUT = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED']);

async function post<R>(query: string, variables: unknown): Promise<Body<R>> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': locale(), [csrfHeader]: '1' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Body<R>;
  } catch {
    throw new ApiError('NETWORK', t('networkError'));
  }
}

let refreshing: Promise<boolean> | null = null;

/**
 * Renews the access cookie with the refresh cookie (sent to /graphql only), once for all the
 * calls that need it. The server usually does it in passing (AUTH_COOKIE_SILENT_REFRESH); this
 * covers a server with that off. False: there is no session to renew.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= post<unknown>(Refresh.toString(), {})
    .then(
      (body) => !body.errors?.length && Boolean(body.data),
      () => false,
    )
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Runs `document`; resolves with its data, or rejects with an ApiError. A refused access cookie is renewed once. */
export async function gql<R, V>(document: TypedDocumentString<R, V>, ...[variables]: V extends Record<string, never> ? [] : [V]): Promise<R> {
  let body = await post<R>(document.toString(), variables);
  if (SIGNED_OUT.has(body.errors?.[0]?.extensions?.code ?? '') && (await refreshSession())) body = await post<R>(document.toString(), variables);
  const error = body.errors?.[0];
  if (error || !body.data) {
    const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    throw new ApiError(code, OWN_WORDS[code]?.() ?? error?.message ?? t('unexpectedError'));
  }
  return body.data;
}

/** The message to show for anything a call threw. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : t('unexpectedError');
}
