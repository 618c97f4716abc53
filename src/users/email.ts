/**
 * Email addresses as Gatehouse stores and compares them: NFKC-normalised (so look-alike
 * compatibility forms fold to one address), trimmed and lower-cased. One account per address.
 */

/** Longest address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/**
 * A deliberately plain check: one @, a non-empty local part, a dotted domain, no spaces, control
 * or invisible format characters (zero-width space and joiner, soft hyphen, bidi overrides: NFKC
 * keeps them, and they would make a second account that looks exactly like the first).
 * Deliverability is proven by the verification email, not by a regex.
 */
export function isValidEmail(normalized: string): boolean {
  return (
    normalized.length <= MAX_EMAIL_LENGTH &&
    /^[^\s@\p{Cc}\p{Cf}]+@[^\s@\p{Cc}\p{Cf}]+\.[^\s@\p{Cc}\p{Cf}]+$/u.test(normalized) &&
    !normalized.includes('..')
  );
}
