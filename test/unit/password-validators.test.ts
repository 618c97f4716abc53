import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { commonPasswords } from '../../src/auth/passwords/common-passwords.js';
import { MAX_COMPARED_LENGTH, similarityRatio, type SimilarityWork } from '../../src/auth/passwords/similarity.js';
import { tooSimilar, validatePassword } from '../../src/auth/passwords/validators.js';

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

  // Issue 10 (lower severity): Ratcliff/Obershelp is cubic in the worst case and the password is
  // the attacker's; a 4096-character password against long profile fields took tens of millions
  // of steps per field. Work is counted in table cells, not timed.
  describe('bounded similarity work', () => {
    const longest = 4096; // PASSWORD_MAX_LENGTH's upper limit
    const password = Array.from({ length: longest }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    // Every other character matches: runs of one, the Ratcliff/Obershelp worst case (depth ~ length).
    const sparse = (from: number, length: number) => Array.from({ length }, (_, i) => (i % 2 ? 'x' : password[from + i]!)).join('');
    const user = { email: `${sparse(0, 240)}@example.test`, username: sparse(0, 150), firstName: sparse(150, 150), lastName: sparse(300, 150) };

    it('compares at most MAX_COMPARED_LENGTH characters, so a max-length password costs what a short one does', () => {
      const bounded: SimilarityWork = { cells: 0 };
      tooSimilar(password, user, 0.1, bounded);
      expect(bounded.cells).toBeGreaterThan(0);
      expect(bounded.cells).toBeLessThanOrEqual(MAX_COMPARED_LENGTH ** 3);
      // The same field compared unbounded, as before: orders of magnitude more.
      const unbounded: SimilarityWork = { cells: 0 };
      similarityRatio(password, user.username, unbounded);
      expect(unbounded.cells).toBeGreaterThan(20 * bounded.cells);
    });

    it('skips pairs whose lengths alone rule similarity out (no work at the default 0.7)', () => {
      const work: SimilarityWork = { cells: 0 };
      expect(tooSimilar(password, user, 0.7, work)).toBe(false);
      expect(work.cells).toBe(0);
      // ...while a password of the attribute's own length is still compared, and caught.
      expect(tooSimilar(user.username, user, 0.7)).toBe(true);
    });
  });
});
