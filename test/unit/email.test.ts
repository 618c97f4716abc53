import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/cli/user-input.js';
import { isValidEmail, normalizeEmail } from '../../src/users/email.js';

// The one email rule (issue 10, item 10): a bare addr-spec, nothing nodemailer would parse as a
// display name, a list, a group, a quoted string, a comment or a domain literal.
describe('the email rule', () => {
  it.each(['a@b.test', 'kafi.test@example.com', "o'brien+tag@x.co.uk", 'a_b-c@sub.example.test', 'δοκιμή@παράδειγμα.δοκιμή', 'ｋａｆｉ@ｅｘａｍｐｌｅ.ｃｏｍ'])(
    'accepts %s',
    (raw) => {
      expect(isValidEmail(normalizeEmail(raw))).toBe(true);
      expect(checkEmail(raw)).toBe(true);
    },
  );

  it.each([
    'x<evil@example.test>',
    'a@b.test, c@d.test',
    'a@b.test;c@d.test',
    '"a b"@x.test',
    'a(c)@x.test',
    'g:a@b.test;',
    'a@[127.0.0.1]',
    'a\\b@x.test',
    'a b@x.test',
    'kafi\u200b@example.com',
    '.a@b.test',
    'a.@b.test',
    'a..b@c.test',
    'a@b',
    'a@b..test',
    'a@b@c.test',
    `${'a'.repeat(250)}@b.test`,
  ])('refuses %s', (raw) => {
    expect(isValidEmail(normalizeEmail(raw))).toBe(false);
    expect(checkEmail(raw)).toBe('Enter a valid email address.');
  });
});
