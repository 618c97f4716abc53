/**
 * Every failure a client must handle: one table of codes with their default messages, and the
 * GraphQL error that carries them in `extensions.code`. Yoga passes these through error masking;
 * anything else reaches clients as a masked unexpected error.
 */
import { GraphQLError } from 'graphql';
import { FIELD_TEXT, FieldTexts, fillText, MessageTexts, type FieldTextKey, type LocalText, type VariablesArg } from './errors/texts.js';

export { messageText } from './errors/texts.js';

export const ErrorCodes = {
  UNAUTHENTICATED: 'You must be signed in.',
  FORBIDDEN: 'You are not allowed to do this.',
  INVALID_CREDENTIALS: 'Invalid email or password.',
  EMAIL_NOT_VERIFIED: 'Verify your email address before signing in.',
  ACCOUNT_DISABLED: 'This account is disabled.',
  EMAIL_TAKEN: 'An account with this email already exists.',
  USERNAME_TAKEN: 'This username is taken.',
  INVALID_CODE: 'The code is wrong.',
  CODE_EXPIRED: 'The code has expired; request a new one.',
  TOO_MANY_ATTEMPTS: 'Too many wrong tries; request a new code.',
  TOKEN_EXPIRED: 'The token has expired.',
  TOKEN_INVALID: 'The token is invalid.',
  VALIDATION_FAILED: 'Some fields are invalid.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'The change conflicts with the current state.',
  LAST_SUPERUSER: 'The last active superuser cannot be demoted, deactivated or deleted.',
  RATE_LIMITED: 'Too many requests; try again later.',
  BAD_REQUEST: 'The request is malformed.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  QUERY_TOO_COMPLEX: 'The query exceeds a complexity limit.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable.',
  MFA_ENROLLMENT_REQUIRED: 'Set up a second factor before doing anything else.',
  REAUTHENTICATION_REQUIRED: 'Confirm it is you: give your password or a second-factor code.',
  FEATURE_DISABLED: 'This feature is turned off on this server.',
  PASSKEY_INVALID: 'The passkey answer could not be verified.',
  REGISTRATION_CLOSED: 'Sign-up is not open on this server; ask for an invitation.',
  OAUTH_PROVIDER_ERROR: 'The sign-in provider refused, or its answer could not be verified; try again.',
  OAUTH_PROVIDER_UNAVAILABLE: 'The sign-in provider cannot be reached; try again later.',
  OAUTH_STATE_INVALID: 'This sign-in has ended or was already used; start again.',
  OAUTH_ACCOUNT_EXISTS: 'An account with this email already exists: sign in to it, then link this provider.',
  OAUTH_REGISTRATION_DISABLED: 'No account is linked to this sign-in, and new accounts cannot be created through this provider.',
  OAUTH_EMAIL_NOT_VERIFIED: 'The provider did not confirm an email address, which a new account needs.',
  OAUTH_IDENTITY_TAKEN: 'This sign-in is already linked to another account.',
  OAUTH_LAST_SIGN_IN_METHOD: 'This is the last way to sign in to the account: set a password or add a passkey first.',
  EMAIL_REQUIRED: 'This account has no email address: add one first.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** When clients meet each code; docs/errors.md's table is generated from this and ErrorCodes (`npm run docs`). */
export const errorDocs: Record<ErrorCode, string> = {
  UNAUTHENTICATED:
    'no valid session for an operation that needs one (also after logout or revocation); `extensions.loginUrl` names the sign-in page when `LOGIN_URL` is set',
  FORBIDDEN: 'signed in but not allowed (`extensions.required` names what was missing); in cookie mode, a missing CSRF header (HTTP 403)',
  INVALID_CREDENTIALS:
    'wrong email or password (one error for both); a wrong current password (`fields` names it; code `password_required` when `revokeSession` of another device has none)',
  EMAIL_NOT_VERIFIED: 'login before verifying, with `REQUIRE_EMAIL_VERIFICATION` on: offer `resendVerificationEmail`',
  ACCOUNT_DISABLED: 'login or refresh of a deactivated account',
  EMAIL_TAKEN: 'register, updateProfile, email change, admin create/update: the address belongs to another account',
  USERNAME_TAKEN: 'register, updateProfile, admin create/update: the username belongs to another account',
  INVALID_CODE:
    'a wrong or used code (`remainingAttempts` in extensions for an email-change code); for `verifyEmail`, every failure (unknown or verified address, expired or used-up code too), so the answer reveals no account',
  CODE_EXPIRED: "the code's lifetime (`VERIFICATION_CODE_TTL_SECONDS`) is over: request a new one",
  TOO_MANY_ATTEMPTS: 'the tries allowed on this code (`VERIFICATION_CODE_MAX_ATTEMPTS`) are used: request a new one',
  TOKEN_EXPIRED: 'an expired access, refresh or reset token, sign-in link, `mfaToken` or passkey ceremony: start again',
  TOKEN_INVALID: 'a bad, used, revoked or reused refresh, reset or access token',
  VALIDATION_FAILED:
    '`extensions.fields: [{ field, code, message }]`, every bad field at once (password codes: `password_too_similar`, `password_too_short`, `password_too_common`, `password_entirely_numeric`, `password_too_long`; others: `required`, `too_long`, `invalid`; custom attributes, as `attributes.<key>`: `unknown`, `admin_only`)',
  NOT_FOUND: 'the user, group, permission or session named does not exist (or is not one of mine)',
  CONFLICT: 'a concurrent change won; retry with fresh data',
  LAST_SUPERUSER: "the change (admin demotion, deactivation, deletion, or `deactivateAccount` of one's own account) would leave no active superuser",
  RATE_LIMITED: 'a limit in [Security](security.md#rate-limits) is used up: wait `extensions.retryAfterSeconds` (also the `Retry-After` header)',
  BAD_REQUEST: 'a malformed request (HTTP 400)',
  PAYLOAD_TOO_LARGE: 'a body over `GRAPHQL_MAX_BODY_BYTES` (HTTP 413, before parsing)',
  QUERY_TOO_COMPLEX: 'over a depth, cost, alias, directive or token limit (`extensions.limit` names it)',
  SERVICE_UNAVAILABLE: 'the database is unreachable (HTTP 503, fast), or the password-hashing queue is full: retry after `Retry-After` (1 s for the queue)',
  MFA_ENROLLMENT_REQUIRED:
    '`MFA_REQUIRED_FOR` covers this account and it has no second factor: only `me`, enrolment (`startTotpEnrollment`, `confirmTotpEnrollment`, passkey registration) and `logout` answer until one is set up',
  REAUTHENTICATION_REQUIRED:
    'a sensitive change (password, email, factors, deleting the account) without a fresh proof: pass `password` or `code`, or call `reauthenticate` first (fresh for `REAUTH_WINDOW_SECONDS`)',
  FEATURE_DISABLED: 'the feature is off in this configuration (e.g. `EMAIL_SIGN_IN`)',
  REGISTRATION_CLOSED: '`register` with `REGISTRATION_MODE` `invite-only` or `closed` (`extensions.mode`), and `createUser(sendInvite: true)` with `closed`',
  PASSKEY_INVALID:
    'a passkey answer that failed verification: wrong origin or RP id, unknown or removed credential, expired or used challenge, bad signature, or a signature counter that went backwards (a cloned authenticator)',
  OAUTH_PROVIDER_ERROR:
    'completeOAuthSignIn / linkOAuthIdentity: the provider answered an error (a refused or reused code), or its answer failed a check (ID token signature, `alg`, issuer, audience, `azp`, expiry, nonce, `iss` parameter, userinfo subject): start again',
  OAUTH_PROVIDER_UNAVAILABLE: "the provider's discovery, token or user endpoint did not answer within the provider's `timeoutSeconds`, or answered garbage",
  OAUTH_STATE_INVALID: 'an unknown, used, expired or tampered `state`, or one started for the other flow (sign-in vs link) or by another user',
  OAUTH_ACCOUNT_EXISTS:
    "sign-in by a new identity whose email belongs to an account, and the provider is not trusted for linking (or did not verify the email, or the account's own email is unverified): sign in to the account and call `startLinkOAuthIdentity`",
  OAUTH_REGISTRATION_DISABLED: 'sign-in by a new identity through a provider without `allowRegistration`',
  OAUTH_EMAIL_NOT_VERIFIED: "sign-in by a new identity whose provider gave no verified email: no account is created (it could be someone else's address)",
  OAUTH_IDENTITY_TAKEN: 'linkOAuthIdentity: the identity is already linked to another account',
  OAUTH_LAST_SIGN_IN_METHOD: 'unlinkIdentity: the account has no password, no passkey and no other identity; removing it would lock the owner out',
  EMAIL_REQUIRED:
    "a flow that must email an account that has no address (possible with `LOGIN_IDENTIFIERS` username or both): `createUser(sendInvite: true)` without `email`, `sendPasswordReset` of such an account; nothing is written. Add an address first (`requestEmailChange`, or an admin's `updateUser`), or set a password (`setUserPassword`)",
};

/** Per-field problems of a VALIDATION_FAILED error: field name to messages (and their codes). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  /** The message's key and variables, for the reader's language (never serialised: a symbol key). */
  [FIELD_TEXT]?: LocalText;
}

export interface GatehouseErrorOptions {
  /** A LocalText (messageText()) is said in the reader's language; a string stays as written. */
  message?: string | LocalText;
  fields?: FieldError[];
  /** Extra, non-secret details for the client, e.g. `retryAfterSeconds` or the missing `permission`. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** An expected failure with a stable code; safe to show to clients. */
export class GatehouseError extends GraphQLError {
  readonly code: ErrorCode;
  /** The key of a specific message, when it was given as one. */
  readonly text?: LocalText;

  constructor(code: ErrorCode, options: GatehouseErrorOptions = {}) {
    const { message } = options;
    super(typeof message === 'object' ? englishOf(message) : (message ?? ErrorCodes[code]), {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: {
        code,
        ...(options.fields ? { fields: options.fields } : {}),
        ...options.details,
      },
    });
    this.code = code;
    if (typeof message === 'object') this.text = message;
  }
}

/** A VALIDATION_FAILED error for the given field problems. */
export function validationError(fields: FieldError[]): GatehouseError {
  return new GatehouseError('VALIDATION_FAILED', { fields });
}

/** A field problem whose message has a key in the catalogues (`fields.<key>`), so it is translated. */
export function fieldError<K extends FieldTextKey>(field: string, code: string, key: K, ...variables: VariablesArg<(typeof FieldTexts)[K]>): FieldError {
  const text: LocalText = { key: `fields.${key}`, variables: variables[0] ?? {} };
  return { field, code, message: englishOf(text), [FIELD_TEXT]: text };
}

/** A field problem worded as `code`'s default message (`errors.<CODE>`), translated as that. */
export function fieldErrorAsCode(field: string, fieldCode: string, code: ErrorCode): FieldError {
  return { field, code: fieldCode, message: ErrorCodes[code], [FIELD_TEXT]: { key: `errors.${code}`, variables: {} } };
}

/** The English of a LocalText. */
export function englishOf(text: LocalText): string {
  const [section, key = ''] = text.key.split('.');
  const table: Record<string, string> = section === 'messages' ? MessageTexts : section === 'fields' ? FieldTexts : ErrorCodes;
  return fillText(table[key] ?? text.key, text.variables);
}
