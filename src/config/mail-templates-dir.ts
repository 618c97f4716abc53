/**
 * MAIL_TEMPLATES_DIR: a folder of `<locale>.json` files (`en.json`, `es.json`), each a flat JSON
 * object of translation keys to texts, e.g. `{ "email.password_reset.subject": "Reset your ACME password" }`.
 * Read once at start-up; src/i18n/ refuses a key it does not know, so a typo stops the server
 * instead of being silently ignored.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLocale, type Locale } from './locales.js';

export type TextOverrides = Partial<Record<Locale, Record<string, string>>>;

/** @throws Error with a one-line reason (the caller names the variable). */
export function loadTextOverrides(dir: string): TextOverrides {
  if (!existsSync(dir)) throw new Error(`is not a folder (${dir})`);
  const overrides: TextOverrides = {};
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    const locale = file.slice(0, -'.json'.length);
    if (!isLocale(locale)) throw new Error(`${file}: not a supported language (en, es)`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`${file} is not JSON (${(error as Error).message})`, { cause: error });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: must be an object of key -> text`);
    const texts: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, text] of Object.entries(parsed)) {
      if (typeof text !== 'string') throw new Error(`${file}: ${key} must be a string`);
      texts[key] = text;
    }
    overrides[locale] = texts;
  }
  return overrides;
}
