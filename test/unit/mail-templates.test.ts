import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/mail/templates.js';

describe('email templates', () => {
  it('escapes every variable in the HTML body and keeps the text body plain', () => {
    const email = renderEmail('account_updated', { firstName: '<script>alert("x")</script>', fields: ['firstName'] });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.text).toContain('<script>alert("x")</script>');
  });

  it('shows the reset link in both bodies, attribute-escaped in HTML', () => {
    const url = 'https://app.example.com/reset?token=abc&x="y"';
    const email = renderEmail('password_reset', { firstName: 'Ada', url, minutes: 60 });
    expect(email.text).toContain(url);
    expect(email.html).toContain('href="https://app.example.com/reset?token=abc&amp;x=&quot;y&quot;"');
    expect(email.subject).toBe('Reset your password');
  });

  // Issue 10, item 11: subjects carried the code, and the file mailer logged subjects.
  it('puts the code in the bodies of a verification email, never in the subject', () => {
    const email = renderEmail('verification_code', { firstName: '', code: '012345', minutes: 15 });
    expect(email.subject).toBe('Your verification code');
    expect(email.text).toMatch(/^Hello,\n\nYour verification code is 012345\./);
    expect(email.html).toContain('012345');
  });

  it('keeps every code and link out of every subject', () => {
    const code = '987654';
    const url = 'https://app.example.com/reset-password?token=secret-reset-token';
    const emails = [
      renderEmail('verification_code', { firstName: 'Ada', code, minutes: 15 }),
      renderEmail('email_change_code', { firstName: 'Ada', code, minutes: 15, newEmail: 'new@example.test' }),
      renderEmail('password_reset', { firstName: 'Ada', url, minutes: 60 }),
    ];
    for (const email of emails) {
      expect(email.subject).not.toContain(code);
      expect(email.subject).not.toContain('secret-reset-token');
      expect(email.text).toMatch(new RegExp(`${code}|secret-reset-token`));
    }
  });

  // The payload names a passkey in English ("the passkey “Laptop”"); the email names it in its own language.
  it('names a passkey factor in the email language', () => {
    const email = renderEmail('factor_added', { firstName: 'Ada', factor: 'the passkey \u201CLaptop\u201D' }, { locale: 'es' });
    expect(email.text).toContain('la llave de acceso «Laptop»');
  });
});
