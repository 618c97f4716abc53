/**
 * The console's GraphQL client: posts a typed document (codegen's client preset, documentMode
 * 'string', so no graphql-js in the bundle) to /graphql in cookie mode. The browser sends the
 * httpOnly auth cookies itself (same origin); the CSRF header, which the server names in a
 * <meta> of the page, proves the request comes from a script of this origin. An error becomes an
 * ApiError with its `extensions.code` and a message in the reader's language: the server words
 * its codes in the language of Accept-Language (sent here), the console overrides a few.
 */
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

/** Runs `document`; resolves with its data, or rejects with an ApiError. */
export async function gql<R, V>(document: TypedDocumentString<R, V>, ...[variables]: V extends Record<string, never> ? [] : [V]): Promise<R> {
  let body: Body<R>;
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': locale(), [csrfHeader]: '1' },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    body = (await response.json()) as Body<R>;
  } catch {
    throw new ApiError('NETWORK', t('networkError'));
  }
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
