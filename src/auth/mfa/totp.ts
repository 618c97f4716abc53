/**
 * Authenticator-app codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) through `otpauth`.
 * Gatehouse adds what the library leaves to its caller: the matched time step is returned so the
 * caller can refuse a step already used (replay), and the clock is Gatehouse's (tests move it).
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps of clock drift accepted either side of now. */
export const TOTP_WINDOW = 1;

/** A new random 160-bit seed (RFC 4226's recommended length), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, issuer = '', label = ''): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** The `otpauth://totp/...` URI an app scans (issuer and account label included). */
export function totpUri(secretBase32: string, issuer: string, accountLabel: string): string {
  return totp(secretBase32, issuer, accountLabel).toString();
}

/** The time step `code` belongs to within ±TOTP_WINDOW of `now`, or null when it matches none. */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const timestamp = now.getTime();
  const delta = totp(secretBase32).validate({ token: code, timestamp, window: TOTP_WINDOW });
  return delta === null ? null : Math.floor(timestamp / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
