/**
 * Recognising Prisma's known request errors by code. Duck-typed on purpose: the SQLite and
 * PostgreSQL clients are generated separately, so an `instanceof` against one would miss the other.
 */

function prismaCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('clientVersion' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A unique constraint was violated (P2002). */
export const isUniqueViolation = (error: unknown): boolean => prismaCode(error) === 'P2002';

/** The record to update or delete does not exist (P2025). */
export const isRecordNotFound = (error: unknown): boolean => prismaCode(error) === 'P2025';

/** A serializable transaction lost a write conflict or deadlock (P2034); safe to retry. */
export const isWriteConflict = (error: unknown): boolean => prismaCode(error) === 'P2034';

/** A table does not exist (P2021): the database has not been migrated. */
export const isMissingTable = (error: unknown): boolean => prismaCode(error) === 'P2021';
