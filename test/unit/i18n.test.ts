import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { localeFromAcceptLanguage } from '../../src/i18n/negotiate.js';
import { catalogueKeys, createTranslator } from '../../src/i18n/translator.js';

const text = (catalogue: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
const variables = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations (#15 item 6)', () => {
  it('every key exists in English and Spanish, with the same variables, and every error code has a message', () => {
    expect(catalogueKeys(es).sort()).toEqual(catalogueKeys(en).sort());
    for (const key of catalogueKeys(en)) {
      expect(text(es, key), key).not.toBe('');
      expect(variables(text(es, key)), key).toEqual(variables(text(en, key)));
    }
    expect(Object.keys(es.errors).sort()).toEqual(Object.keys(ErrorCodes).sort());
  });

  it('a key missing in Spanish falls back to English', () => {
    const partial = structuredClone(es) as unknown as { email: Record<string, unknown> };
    delete partial.email.password_reset;
    const translator = createTranslator({}, { en, es: partial });
    expect(translator.t('es', 'email.password_reset.subject')).toBe('Reset your password');
    expect(translator.t('es', 'email.password_changed.subject')).toBe('Tu contraseña se ha cambiado');
  });

  it('does not interpolate inside variables (a first name cannot pull in other texts)', () => {
    const translator = createTranslator();
    expect(translator.t('en', 'email.greeting', { firstName: '{{code}} $t(errors.FORBIDDEN)' })).toBe('Hello {{code}} $t(errors.FORBIDDEN),');
  });

  it.each([
    ['es-MX,es;q=0.9,en;q=0.5', 'es'],
    ['en-GB, es;q=0.8', 'en'],
    ['fr, es;q=0.1', 'es'],
    ['fr, de', null],
    ['es;q=0', null],
    ['', null],
  ])('Accept-Language %j -> %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
