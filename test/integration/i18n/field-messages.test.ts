/**
 * #15 item 6, the rest: the per-field messages of VALIDATION_FAILED and the specific messages of
 * the flows people meet (refresh, rate limits) in the reader's language; every code unchanged.
 * Before: `extensions.fields[].message` and messages such as "The refresh token is invalid; sign
 * in again." stayed English whatever the language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTER, refresh, uniqueEmail } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const UPDATE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { locale } }';
const ES = { 'accept-language': 'es' };
const EN = { 'accept-language': 'en' };

interface Field {
  field: string;
  code: string;
  message: string;
}
const fieldsOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (result.errors?.[0]?.extensions?.fields ?? []) as Field[];
const codes = (fields: Field[]) => fields.map(({ field, code }) => ({ field, code }));

describe('field and specific messages in the reader language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_REGISTER_IP: '4/1h' } });
  });

  it('a registration with several bad fields is answered in Spanish or English, codes identical', async () => {
    const input = { email: 'not an address', password: 'short', firstName: 'x'.repeat(300), lastName: 'Hopper', pictureUrl: 'ftp://example.com/a.png' };
    const spanish = await t.graphql(REGISTER, { input }, { headers: ES });
    const english = await t.graphql(REGISTER, { input }, { headers: EN });
    expect(spanish.errors?.[0]).toMatchObject({ message: 'Algunos campos no son válidos.', extensions: { code: 'VALIDATION_FAILED' } });
    expect(english.errors?.[0]).toMatchObject({ message: 'Some fields are invalid.', extensions: { code: 'VALIDATION_FAILED' } });
    expect(codes(fieldsOf(spanish))).toEqual(codes(fieldsOf(english)));
    const byCode = (fields: Field[]) => Object.fromEntries(fields.map((f) => [`${f.field}:${f.code}`, f.message]));
    const es = byCode(fieldsOf(spanish));
    const en = byCode(fieldsOf(english));
    expect(es).toMatchObject({
      'email:invalid': 'Indica una dirección de correo válida.',
      'password:password_too_short': expect.stringMatching(/^Esta contraseña es demasiado corta\. Debe tener al menos \d+ caracteres\.$/),
      'firstName:too_long': expect.stringMatching(/^Como máximo \d+ caracteres\.$/),
      'pictureUrl:invalid': 'Debe ser una URL http(s).',
    });
    expect(en).toMatchObject({
      'email:invalid': 'Enter a valid email address.',
      'password:password_too_short': expect.stringMatching(/^This password is too short\. It must contain at least \d+ characters\.$/),
      'firstName:too_long': expect.stringMatching(/^At most \d+ characters\.$/),
      'pictureUrl:invalid': 'Must be an http(s) URL.',
    });
    // The variables are the same numbers in both languages.
    expect(es['firstName:too_long']?.match(/\d+/)?.[0]).toBe(en['firstName:too_long']?.match(/\d+/)?.[0]);
    // Only messages differ: nothing from the catalogue key leaks into the response.
    expect(Object.keys(fieldsOf(spanish)[0] ?? {}).sort()).toEqual(['code', 'field', 'message']);
  });

  it('a signed-in user with locale es gets Spanish field messages whatever Accept-Language says', async () => {
    const { accessToken } = await signedInUser(t.deps);
    await t.graphql(UPDATE, { input: { locale: 'es' } }, { token: accessToken });
    const result = await t.graphql(UPDATE, { input: { locale: 'fr', username: 'two words' } }, { token: accessToken, headers: EN });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(result)).toEqual([
      { field: 'username', code: 'invalid', message: 'Solo letras, dígitos y @ . + - _.' },
      { field: 'locale', code: 'invalid', message: 'Uno de: en, es.' },
    ]);
  });

  // The hole: the later hook (parse errors, limits) re-read Accept-Language and turned an `en`
  // user's English messages into Spanish.
  it('a signed-in user with locale en gets English even when Accept-Language asks for Spanish', async () => {
    const { accessToken } = await signedInUser(t.deps);
    await t.graphql(UPDATE, { input: { locale: 'en' } }, { token: accessToken });
    const result = await t.graphql(UPDATE, { input: { locale: 'fr' } }, { token: accessToken, headers: ES });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Some fields are invalid.',
      extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'locale', code: 'invalid', message: 'One of: en, es.' }] },
    });
  });

  it('specific messages: an invalid refresh token and a rate limit with its retry-after, in Spanish', async () => {
    const invalid = await refresh(t, 'not-a-refresh-token', { headers: ES });
    expect(invalid.errors?.[0]).toMatchObject({
      message: 'El token de actualización no es válido; vuelve a iniciar sesión.',
      extensions: { code: 'TOKEN_INVALID' },
    });
    const missing = await refresh(t, undefined, { headers: ES });
    expect(missing.errors?.[0]).toMatchObject({ message: 'No se indicó ningún token de actualización.', extensions: { code: 'TOKEN_INVALID' } });
    // Registrations from one address (RATE_LIMIT_REGISTER_IP 4/1h): the fifth is refused.
    const valid = () => ({ input: { email: uniqueEmail(), password: 'a long enough passphrase 123', firstName: 'Ada', lastName: 'Lovelace' } });
    const ip = '198.51.100.7';
    for (let i = 0; i < 4; i += 1) expect((await t.graphql(REGISTER, valid(), { ip })).errors).toBeUndefined();
    const limited = await t.graphql(REGISTER, valid(), { ip, headers: ES });
    const seconds = limited.errors?.[0]?.extensions?.retryAfterSeconds;
    expect(limited.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
    expect(limited.errors?.[0]?.message).toBe(`Demasiados intentos; inténtalo de nuevo en ${String(seconds)} segundos.`);
    const english = await t.graphql(REGISTER, valid(), { ip, headers: EN });
    expect(english.errors?.[0]?.message).toMatch(/^Too many attempts; try again in \d+ seconds\.$/);
  });
});
