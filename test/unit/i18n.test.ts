import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, fieldError, GatehouseError, messageText } from '../../src/errors.js';
import { FIELD_TEXT } from '../../src/errors/texts.js';
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

describe('field and specific messages by key (#15 item 6)', () => {
  it('a field problem says its English text with its variables and carries its key out of sight of JSON', () => {
    const problem = fieldError('password', 'password_too_short', 'passwordTooShort', { min: 12 });
    expect(problem).toMatchObject({
      field: 'password',
      code: 'password_too_short',
      message: 'This password is too short. It must contain at least 12 characters.',
    });
    expect(JSON.parse(JSON.stringify(problem))).toEqual({ field: 'password', code: 'password_too_short', message: problem.message });
    const translator = createTranslator();
    const text = problem[FIELD_TEXT]!;
    expect(translator.t('es', text.key, text.variables)).toBe('Esta contraseña es demasiado corta. Debe tener al menos 12 caracteres.');
  });

  it('a specific message by key is English on the error and Spanish through the catalogue', () => {
    const error = new GatehouseError('RATE_LIMITED', { message: messageText('rateLimited', { seconds: 30 }) });
    expect(error.message).toBe('Too many attempts; try again in 30 seconds.');
    expect(createTranslator().t('es', error.text!.key, error.text!.variables)).toBe('Demasiados intentos; inténtalo de nuevo en 30 segundos.');
  });

  // Field problems written as literals stay English: outside the CLI, the importer and two admin
  // files, every problem goes through fieldError() (whose key the type check ties to both catalogues).
  it('no field problem is a literal with an English message (but for the listed English-only files)', () => {
    // Left English: the two admin problems that quote English nouns or a URL check's own words.
    const ENGLISH_ONLY = /^src\/(cli|import|console|config)\/|^src\/admin\/(user-access|webhooks)\.ts$/;
    const literal = /\{\s*field[^{}]*code:\s*['`][^'`]*['`],\s*message:/;
    const offenders = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .map((path) => `src/${path}`)
      .filter((path) => path.endsWith('.ts') && !ENGLISH_ONLY.test(path))
      .filter((path) => literal.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
