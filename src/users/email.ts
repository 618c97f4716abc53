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
 * One atom of the local part: RFC 5322's atext, plus any letter, mark or digit (RFC 6531
 * international addresses). Everything nodemailer's address parser treats as syntax is outside
 * it: `<>` (an address after a display name), `,` and `;` (a list), `:` (a group), `"` and `\`
 * (quoting), `()` (comments), `[]` (domain literals), whitespace, and control or invisible
 * format characters (zero-width space and joiner, soft hyphen, bidi overrides: NFKC keeps them,
 * and they would make a second account that looks exactly like the first).
 */
const LOCAL_ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
/** One domain label: letters, marks, digits and hyphens (IDNs in their Unicode form). */
const DOMAIN_LABEL = '[\\p{L}\\p{M}\\p{N}-]+';
/** A bare addr-spec: dot-atom @ a dotted domain; no display name, quoted local part or domain literal. */
const ADDR_SPEC = new RegExp(`^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*@${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})+$`, 'u');

/**
 * The one rule for an email address anywhere it enters Gatehouse (registration, sign-in look-up,
 * email change, admin and CLI users, invitations, Django import): a bare addr-spec, so the stored
 * address is exactly the one mail goes to (`x<evil@example.test>` or `a@b.test, c@d.test` would
 * otherwise be handed to the mailer as a display name or a list). Deliberately plain beyond
 * that: deliverability is proven by the verification email, not by a regex.
 * @param normalized the output of normalizeEmail
 */
export function isValidEmail(normalized: string): boolean {
  return normalized.length <= MAX_EMAIL_LENGTH && ADDR_SPEC.test(normalized);
}
