/**
 * The languages Gatehouse speaks (emails and error messages): plain data, here because config
 * (DEFAULT_LOCALE), the profile-field table (`locale`) and src/i18n/ all need the list.
 */
export const LOCALES = ['en', 'es'] as const;

export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
