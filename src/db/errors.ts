/**
 * What a database failure means for the client: the database is unavailable (fail fast with
 * SERVICE_UNAVAILABLE), or a write lost a race (CONFLICT, or retry the transaction). Read from
 * Prisma's error codes and the driver adapter's error kinds, for both SQLite and PostgreSQL.
 */
import { GatehouseError } from '../errors.js';

export type DatabaseFailure = 'unavailable' | 'unique-violation' | 'write-conflict';

/** Prisma codes: can't reach / timed out / closed / pool timeout / transaction expired. */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1011', 'P1017', 'P2024', 'P2028']);
/** Driver-adapter error kinds meaning the connection, not the query, failed. */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'AuthenticationFailed',
]);
/** PostgreSQL SQLSTATE classes: 08 connection exception, 57P0x shutdown / cannot connect now, 53300 too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08|57P0|53300)/;
/** 40001 serialization failure, 40P01 deadlock. */
const CONFLICT_SQLSTATE = /^(40001|40P01)$/;
/** SQLite: SQLITE_BUSY (5) and SQLITE_LOCKED (6), extended codes included. */
const SQLITE_BUSY = new Set([5, 6, 261, 262, 517]);
/** node-postgres / Node socket failures that reach us without a Prisma wrapper. */
const RAW_UNAVAILABLE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|ETIMEDOUT|Can't reach database server/i;

interface AdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
  extendedCode?: number;
}

/** Classifies `error` (or anything in its cause chain), or null when it is not a database failure we map. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 8; depth += 1) {
    const candidate = current as {
      code?: unknown;
      kind?: unknown;
      meta?: { driverAdapterError?: { cause?: AdapterCause } };
      message?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    const code = typeof candidate.code === 'string' ? candidate.code : undefined;
    // Wrapped by Prisma (meta.driverAdapterError), or the adapter's own error reaching us bare (a
    // conflict at COMMIT on PostgreSQL), whose `cause` is visited on the next turn of the loop.
    const cause = candidate.meta?.driverAdapterError?.cause ?? (typeof candidate.kind === 'string' ? (candidate as AdapterCause) : undefined);
    if (code === 'P2002' || cause?.kind === 'UniqueConstraintViolation') return 'unique-violation';
    if (code === 'P2034' || cause?.kind === 'TransactionWriteConflict') return 'write-conflict';
    if (cause) {
      if (cause.kind && UNAVAILABLE_KINDS.has(cause.kind)) return 'unavailable';
      const sqlstate = cause.originalCode ?? cause.code;
      if (cause.kind === 'postgres' && sqlstate && CONFLICT_SQLSTATE.test(sqlstate)) return 'write-conflict';
      if (cause.kind === 'postgres' && sqlstate && UNAVAILABLE_SQLSTATE.test(sqlstate)) return 'unavailable';
      if (cause.kind === 'sqlite' && cause.extendedCode !== undefined && SQLITE_BUSY.has(cause.extendedCode)) return 'unavailable';
    }
    if (code && UNAVAILABLE_CODES.has(code)) return 'unavailable';
    if (code && CONFLICT_SQLSTATE.test(code)) return 'write-conflict';
    if (code && UNAVAILABLE_SQLSTATE.test(code) && /^\d/.test(code)) return 'unavailable';
    if (typeof candidate.message === 'string' && RAW_UNAVAILABLE.test(candidate.message)) return 'unavailable';
    current = candidate.originalError ?? candidate.cause;
  }
  return null;
}

/** The client-facing error for a classified database failure. */
export function databaseFailureError(failure: DatabaseFailure, cause?: unknown): GatehouseError {
  switch (failure) {
    case 'unavailable':
      // 503 for the whole response: load balancers and clients know to retry elsewhere or later.
      return new GatehouseError('SERVICE_UNAVAILABLE', { cause, details: { http: { status: 503 } } });
    case 'unique-violation':
      return new GatehouseError('CONFLICT', { message: 'The change conflicts with a concurrent change; reload and try again.', cause });
    case 'write-conflict':
      return new GatehouseError('CONFLICT', { message: 'The change collided with a concurrent change; try again.', cause });
  }
}

/** Prisma's error code, duck-typed: the two generated clients have different error classes. */
function prismaCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('clientVersion' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A unique constraint was violated (P2002 or the adapter's UniqueConstraintViolation). */
export const isUniqueViolation = (error: unknown): boolean => classifyDatabaseError(error) === 'unique-violation';

/** A transaction lost a write conflict or deadlock (also when PostgreSQL reports it at COMMIT); safe to retry. */
export const isWriteConflict = (error: unknown): boolean => classifyDatabaseError(error) === 'write-conflict';

/** A table does not exist (P2021): the database has not been migrated. */
export const isMissingTable = (error: unknown): boolean => prismaCode(error) === 'P2021';
