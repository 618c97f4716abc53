/**
 * English and Spanish for the console: a typed catalogue per app instead of i18next (which would
 * add more to the bundle than all of the console's own code; docs/console.md has the numbers).
 * English is the reference; `catalogue(en, es)` refuses at type-check time a Spanish table that
 * lacks a key. The chosen language is remembered in localStorage and, signed in, in the profile.
 */
import { useLayoutEffect, useState } from 'preact/hooks';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'gatehouse.locale';
const listeners = new Set<() => void>();

function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const preferred = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLocale);
  return preferred ?? 'en';
}

let current: Locale = initialLocale();
document.documentElement.lang = current;

export function locale(): Locale {
  return current;
}

/** Switches the language; every component re-renders through onLocaleChange (see app roots). */
export function setLocale(next: string | null | undefined): void {
  if (!isLocale(next) || next === current) return;
  current = next;
  document.documentElement.lang = next;
  localStorage.setItem(STORAGE_KEY, next);
  for (const listener of listeners) listener();
}

export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The current language, re-rendering the calling component when it changes. The app root and each
 * route's guard call it, so a switch redraws the page in place (the router alone would keep the
 * page's old texts until the next navigation).
 */
export function useLocale(): Locale {
  const [, redraw] = useState(0);
  const rendered = current;
  // A layout effect, run as the page is committed: a plain effect waits for the next frame, and a
  // language chosen in between (a quick pick on a page just drawn) found no listener and was never
  // shown (the Spanish sign-in test failed so, now and then, on a loaded machine).
  useLayoutEffect(() => {
    const off = onLocaleChange(() => redraw((n) => n + 1));
    if (current !== rendered) redraw((n) => n + 1);
    return off;
  }, []);
  return current;
}

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** `{name}` in a text is replaced by `params.name`. */
function fill(text: string, params?: Params): string {
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
}

/** A translate function over an English table and its Spanish twin (same keys, checked). */
export function catalogue<const E extends Record<string, string>>(en: E, es: { [K in keyof E]: string }): Translate<keyof E & string> {
  const tables: Record<Locale, Record<string, string>> = { en, es };
  return (key, params) => fill(tables[current][key] ?? en[key] ?? key, params);
}

/** Dates and times in the current language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
