/**
 * CORS_ORIGINS entries: an exact origin (`https://app.example.com`) or a subdomain wildcard
 * (`https://*.example.com`): exact scheme and port, any subdomain of at least two labels' domain.
 * Never a bare `*`, and never a wildcard over a single label (`https://*.com`).
 */
export type OriginPattern = { kind: 'exact'; origin: string } | { kind: 'subdomains'; scheme: string; suffix: string; port: string };

const WILDCARD = /^(https?):\/\/\*\.((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

export function parseOriginPattern(value: string): OriginPattern | null {
  const wildcard = WILDCARD.exec(value);
  if (wildcard) return { kind: 'subdomains', scheme: wildcard[1]!, suffix: `.${wildcard[2]!}`, port: wildcard[3] ?? '' };
  try {
    const url = new URL(value);
    // A `*` anywhere else is not a pattern: the URL parser would take it as a host name.
    return /^https?:$/.test(url.protocol) && url.origin === value && !value.includes('*') ? { kind: 'exact', origin: value } : null;
  } catch {
    return null;
  }
}

/** Whether the browser's `Origin` header value matches one of the patterns. */
export function originAllowed(patterns: readonly OriginPattern[], origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  return patterns.some((p) =>
    p.kind === 'exact'
      ? p.origin === origin
      : url.protocol === `${p.scheme}:` && url.port === p.port && url.hostname.endsWith(p.suffix) && url.hostname.length > p.suffix.length,
  );
}
