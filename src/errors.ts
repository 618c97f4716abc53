/**
 * Every failure a client must handle: one table of codes with their default messages, and the
 * GraphQL error that carries them in `extensions.code`. Yoga passes these through error masking;
 * anything else reaches clients as a masked unexpected error.
 */
import { GraphQLError } from 'graphql';

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
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** Per-field problems of a VALIDATION_FAILED error: field name to messages (and their codes). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface GatehouseErrorOptions {
  message?: string;
  fields?: FieldError[];
  /** Extra, non-secret details for the client, e.g. `retryAfterSeconds` or the missing `permission`. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** An expected failure with a stable code; safe to show to clients. */
export class GatehouseError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, options: GatehouseErrorOptions = {}) {
    super(options.message ?? ErrorCodes[code], {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: {
        code,
        ...(options.fields ? { fields: options.fields } : {}),
        ...options.details,
      },
    });
    this.code = code;
  }
}

/** A VALIDATION_FAILED error for the given field problems. */
export function validationError(fields: FieldError[]): GatehouseError {
  return new GatehouseError('VALIDATION_FAILED', { fields });
}
