import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { commonPasswords } from '../../src/auth/passwords/common-passwords.js';
import { similarityRatio } from '../../src/auth/passwords/similarity.js';
import { validatePassword } from '../../src/auth/passwords/validators.js';

const policy = loadConfig({}).passwords.policy;
const codes = (password: string, user = {}) => validatePassword(policy, password, user).map((p) => p.code);

describe('password validators (Django-equivalent)', () => {
  it('accepts a long, uncommon, non-numeric password unlike the user', () => {
    expect(codes('violet-harbour-tangent-41', { email: 'ada@example.com', firstName: 'Ada' })).toEqual([]);
  });

  it('rejects short, common and numeric passwords with their own codes', () => {
    expect(codes('x7$q')).toEqual(['password_too_short']);
    expect(codes('password')).toEqual(['password_too_common']);
    expect(codes('12345678')).toEqual(['password_too_common', 'password_entirely_numeric']);
    expect(codes('90817263545')).toEqual(['password_entirely_numeric']);
  });

  it('rejects a password too similar to the email, username or names', () => {
    expect(codes('margaret.hamilton', { email: 'margaret.hamilton@example.com' })).toContain('password_too_similar');
    expect(codes('Hamilton1969', { lastName: 'Hamilton' })).toContain('password_too_similar');
  });

  it('always bounds the length, whatever rules are on', () => {
    const off = { ...policy, rules: [] };
    expect(validatePassword(off, 'a'.repeat(129)).map((p) => p.code)).toEqual(['password_too_long']);
    expect(validatePassword(off, '1')).toEqual([]);
  });

  it('ships a common-password list of at least 20,000 entries', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(20_000);
  });

  it('computes difflib.SequenceMatcher ratios', () => {
    // Values from Python: SequenceMatcher(None, a, b).ratio()
    expect(similarityRatio('abcd', 'bcde')).toBeCloseTo(0.75);
    expect(similarityRatio('password', 'passw0rd')).toBeCloseTo(0.875);
    expect(similarityRatio('abc', 'xyz')).toBe(0);
  });

  it('reads which rules are on from PASSWORD_VALIDATORS', () => {
    expect(loadConfig({ PASSWORD_VALIDATORS: 'min_length,numeric' }).passwords.policy.rules).toEqual(['min_length', 'numeric']);
    expect(() => loadConfig({ PASSWORD_VALIDATORS: 'min_length,bogus' })).toThrow(/PASSWORD_VALIDATORS/);
  });
});
