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

  it('puts the code in the subject and bodies of a verification email', () => {
    const email = renderEmail('verification_code', { firstName: '', code: '012345', minutes: 15 });
    expect(email.subject).toContain('012345');
    expect(email.text).toMatch(/^Hello,\n\nYour verification code is 012345\./);
    expect(email.html).toContain('012345');
  });
});
