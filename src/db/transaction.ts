/**
 * Serializable transactions, retried on a write conflict. Used where a check and a write must see
 * the same state (e.g. "is this the last active superuser?"): PostgreSQL then aborts one of two
 * concurrent transactions instead of letting both pass the check; SQLite serialises writers anyway.
 */
import type { PrismaClient } from './client.js';
import { isWriteConflict } from './errors.js';
import { GatehouseError } from '../errors.js';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Attempts before a persistent conflict is reported to the client as CONFLICT. */
const MAX_ATTEMPTS = 5;

export async function serializable<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(work, { isolationLevel: 'Serializable' });
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new GatehouseError('CONFLICT', { message: 'A concurrent change got in the way; try again.', cause: error });
    }
  }
}
