/**
 * The names of the ways a person proves who they are: the second factors an MfaChallenge offers,
 * and what a session records of how it was signed in (Session.authMethods).
 */

/** What can complete an MfaChallenge (PASSKEY: sign in with the passkey instead, which is multi-factor by itself). */
export type MfaMethod = 'TOTP' | 'RECOVERY_CODE' | 'PASSKEY';

/** How a session was signed in, in order; stored as JSON in Session.authMethods. */
export type AuthMethod = 'password' | 'totp' | 'recovery_code' | 'passkey' | 'email_code' | 'email_link' | 'oauth';

export function parseAuthMethods(stored: string): AuthMethod[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((v): v is AuthMethod => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
