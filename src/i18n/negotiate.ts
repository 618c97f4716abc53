/**
 * Choosing the language of a response or an email: the user's `locale`, else the best supported
 * language of the request's Accept-Language, else DEFAULT_LOCALE.
 */
import { isLocale, type Locale } from '../config/locales.js';

/** Bound on the header parsed: anything longer is someone else's problem, not ours to split. */
const MAX_HEADER = 512;

/** The supported language the header prefers most (`es-MX;q=0.9` counts as `es`), or null. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.slice(0, MAX_HEADER).split(',')) {
    const [range, ...params] = part.trim().split(';');
    const primary = range?.trim().toLowerCase().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!isLocale(primary) || !(q > 0)) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? null;
}

export function chooseLocale(userLocale: string | null | undefined, acceptLanguage: string | null | undefined, fallback: Locale): Locale {
  if (isLocale(userLocale)) return userLocale;
  return localeFromAcceptLanguage(acceptLanguage) ?? fallback;
}
