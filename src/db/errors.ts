/**
 * Recognising Prisma's known request errors by code. Duck-typed on purpose: the SQLite and
 * PostgreSQL clients are generated separately, so an `instanceof` against one would miss the other.
 */
import { isDriverAdapterError } from '@prisma/driver-adapter-utils';

function prismaCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('clientVersion' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A unique constraint was violated (P2002). */
export const isUniqueViolation = (error: unknown): boolean => prismaCode(error) === 'P2002';

/** The record to update or delete does not exist (P2025). */
export const isRecordNotFound = (error: unknown): boolean => prismaCode(error) === 'P2025';

/**
 * A serializable transaction lost a write conflict or deadlock; safe to retry. Prisma reports it as
 * P2034 from a query, but a failure at COMMIT reaches the caller as the adapter's own error.
 */
export const isWriteConflict = (error: unknown): boolean =>
  prismaCode(error) === 'P2034' ||
  (error instanceof Error && isDriverAdapterError(error) && error.cause.kind === 'TransactionWriteConflict');

/** A table does not exist (P2021): the database has not been migrated. */
export const isMissingTable = (error: unknown): boolean => prismaCode(error) === 'P2021';
