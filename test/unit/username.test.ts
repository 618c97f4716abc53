/**
 * Issue 15, item 1: usernames as Django's AbstractUser has them (NFKC, UnicodeUsernameValidator,
 * 150 characters), for every writer (cleanProfile: register, updateProfile, the admin API and the
 * CLI) and for the login look-up alike.
 */
import { describe, expect, it } from 'vitest';
import { cleanProfile } from '../../src/users/profile-fields.js';
import { validateUserFields } from '../../src/users/user-fields.js';
import { lookupUsername, normalizeUsername } from '../../src/users/username.js';

describe('usernames', () => {
  it('are stored NFKC-normalised by every writer, so a login look-up finds them', () => {
    expect(normalizeUsername(' ｊｏｈｎ_ﬁ ')).toBe('john_fi');
    expect(cleanProfile({ username: 'ｊｏｈｎ' }, [], false).data.username).toBe('john');
    expect(validateUserFields({ username: 'Ｊｏｈｎ' }).data.username).toBe('John');
    expect(lookupUsername('Ｊｏｈｎ')).toBe('John');
  });

  it('accept letters and digits of any script and @ . + - _, at most 150 characters, as Django does', () => {
    for (const good of ['ana', 'José.Ñúñez', 'анна+1', 'a@b.c', 'x-y_z', 'n'.repeat(150)]) expect(lookupUsername(good)).toBe(good);
    for (const bad of ['', '   ', 'two words', 'semi;colon', "o'neil", 'n'.repeat(151), 'z'.repeat(10_000)]) expect(lookupUsername(bad)).toBeNull();
    expect(cleanProfile({ username: 'two words' }, [], false).problems).toEqual([expect.objectContaining({ field: 'username', code: 'invalid' })]);
  });
});
