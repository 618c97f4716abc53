/**
 * The texts of emails and error messages in the user's language, through i18next (one instance
 * per Deps, never the global one, so tests and servers with different MAIL_TEMPLATES_DIR do not
 * share texts). A key missing in a language falls back to English.
 */
import i18next from 'i18next';
import type { TextOverrides } from '../config/mail-templates-dir.js';
import { LOCALES, type Locale } from '../config/locales.js';
import { en } from './en.js';
import { es } from './es.js';

export type TextVariables = Record<string, string | number>;

export interface Translator {
  /** The text of `key` in `locale`, its `{{variables}}` filled in as they are (callers escape for HTML). */
  t(locale: Locale, key: string, variables?: TextVariables): string;
}

const BUILT_IN = { en, es } as const satisfies Record<Locale, unknown>;

/** Every key of a catalogue, dotted (`email.password_reset.subject`). */
export function catalogueKeys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : catalogueKeys(value as object, `${prefix}${key}.`),
  );
}

/**
 * @param overrides the texts of MAIL_TEMPLATES_DIR.
 * @param catalogues the built-in texts (tests pass incomplete ones to see the fallback).
 * @throws Error naming an override key that is not a key of the English catalogue (a typo would otherwise be ignored).
 */
export function createTranslator(overrides: TextOverrides = {}, catalogues: Partial<Record<Locale, object>> = BUILT_IN): Translator {
  const known = new Set(catalogueKeys(en));
  const resources: Record<string, { translation: object }> = {};
  for (const locale of LOCALES) {
    const texts = structuredClone(catalogues[locale] ?? {}) as Record<string, unknown>;
    for (const [key, text] of Object.entries(overrides[locale] ?? {})) {
      if (!known.has(key)) throw new Error(`MAIL_TEMPLATES_DIR: ${locale}.json: unknown key ${JSON.stringify(key)}`);
      setPath(texts, key.split('.'), text);
    }
    resources[locale] = { translation: texts };
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    supportedLngs: [...LOCALES],
    fallbackLng: 'en',
    initAsync: false,
    // Texts go into plain-text mail and error messages; the HTML part escapes them itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return {
    t: (locale, key, variables = {}) => instance.t(key, { lng: locale, ...variables }),
  };
}

function setPath(target: Record<string, unknown>, path: string[], value: string): void {
  let node = target;
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
