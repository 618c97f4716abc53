/**
 * English and Spanish (#15 item 6): emails in the account's `locale`, recorded on the outbox row;
 * error messages in the user's language or the request's Accept-Language, codes unchanged;
 * MAIL_TEMPLATES_DIR replaces texts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { createDeps } from '../../../src/create-deps.js';
import { latestEmail, LOGIN, registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { signedInUser } from '../../helpers/factories.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';

const UPDATE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { locale } }';
const RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';

function overrideDir(files: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-texts-'));
  for (const [name, texts] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(texts));
  return dir;
}

describe('languages', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({
      smtp,
      env: { MAIL_TEMPLATES_DIR: overrideDir({ 'en.json': { 'email.password_changed.subject': 'ACME: your password changed' } }) },
    });
  });

  it('an account with locale es gets its emails in Spanish, the language recorded on the outbox row', async () => {
    const email = uniqueEmail();
    const registered = await registerUser(t, email, { locale: 'es' });
    expect(registered.errors).toBeUndefined();
    const row = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: 'verification_code' } });
    expect(row.locale).toBe('es');
    const message = await latestEmail(t, smtp, email, /código de verificación/);
    expect(message.subject).toBe('Tu código de verificación');
    expect(message.text).toMatch(/^Hola, Grace:\n\nTu código de verificación es \d{6}\./);
    expect(message.html).toContain('<html lang="es">');
    // A reset asked for anonymously still speaks the account's language.
    await t.graphql(RESET, { email }, { headers: { 'accept-language': 'en' } });
    const reset = await latestEmail(t, smtp, email, /Restablece tu contraseña/);
    expect(reset.html).toContain('Abrir el enlace');
  });

  it('the user sets their locale; an unsupported one is refused', async () => {
    const { accessToken } = await signedInUser(t.deps);
    expect((await t.graphql(UPDATE, { input: { locale: 'es' } }, { token: accessToken })).data).toEqual({ updateProfile: { locale: 'es' } });
    const refused = await t.graphql(UPDATE, { input: { locale: 'fr' } }, { token: accessToken });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'locale', code: 'invalid' }] });
  });

  it('an anonymous request with Accept-Language es gets Spanish messages with the same codes', async () => {
    const spanish = await t.graphql(
      LOGIN,
      { email: 'nobody@example.com', password: 'wrong password' },
      { headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' } },
    );
    expect(spanish.errors?.[0]).toMatchObject({ message: 'Correo electrónico o contraseña incorrectos.', extensions: { code: 'INVALID_CREDENTIALS' } });
    const english = await t.graphql(LOGIN, { email: 'nobody@example.com', password: 'wrong password' }, { headers: { 'accept-language': 'fr, en;q=0.1' } });
    expect(english.errors?.[0]).toMatchObject({ message: 'Invalid email or password.', extensions: { code: 'INVALID_CREDENTIALS' } });
    const guarded = await t.graphql('{ users { totalCount } }', {}, { headers: { 'accept-language': 'es' } });
    expect(guarded.errors?.[0]).toMatchObject({ message: 'Debes iniciar sesión.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it("a signed-in user's locale wins over Accept-Language", async () => {
    const { accessToken } = await signedInUser(t.deps);
    await t.graphql(UPDATE, { input: { locale: 'es' } }, { token: accessToken });
    const result = await t.graphql(UPDATE, { input: { locale: 'de' } }, { token: accessToken, headers: { 'accept-language': 'en' } });
    expect(result.errors?.[0]).toMatchObject({ message: 'Algunos campos no son válidos.', extensions: { code: 'VALIDATION_FAILED' } });
  });

  it('MAIL_TEMPLATES_DIR replaces a text; other languages keep theirs', async () => {
    const { accessToken, user } = await signedInUser(t.deps);
    const changed = await t.graphql(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: 'correct horse battery staple', n: 'a brand new passphrase 42' },
      { token: accessToken },
    );
    expect(changed.errors).toBeUndefined();
    expect((await latestEmail(t, smtp, user.email, /password/)).subject).toBe('ACME: your password changed');
  });

  it('an override with an unknown key stops start-up', async () => {
    const dir = overrideDir({ 'es.json': { 'email.password_reset.subjekt': 'x' } });
    const config = loadConfig({ ...TEST_ENV, DATABASE_URL: t.db.url, MAIL_TEMPLATES_DIR: dir });
    await expect(createDeps(config)).rejects.toThrow('MAIL_TEMPLATES_DIR: es.json: unknown key "email.password_reset.subjekt"');
    expect(() => loadConfig({ ...TEST_ENV, MAIL_TEMPLATES_DIR: overrideDir({ 'fr.json': {} }) })).toThrow(/fr\.json: not a supported language/);
  });
});
