import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { describe, expect, it } from 'vitest';
import { classifyDatabaseError, databaseFailureError } from '../../src/db/errors.js';

/** Shaped like Prisma's PrismaClientKnownRequestError as observed from @prisma/adapter-pg (see the outage test for the real one). */
function prismaError(code: string, cause?: Record<string, unknown>) {
  return Object.assign(new Error(`prisma ${code}`), { code, meta: cause ? { driverAdapterError: { cause } } : {} });
}

describe('classifyDatabaseError', () => {
  it.each([
    ['unreachable', prismaError('P1001', { kind: 'DatabaseNotReachable' }), 'unavailable'],
    ['raw query while unreachable', prismaError('P2010', { kind: 'DatabaseNotReachable' }), 'unavailable'],
    ['connection closed', prismaError('P2010', { kind: 'ConnectionClosed' }), 'unavailable'],
    ['admin shutdown 57P01', prismaError('P2010', { kind: 'postgres', originalCode: '57P01' }), 'unavailable'],
    ['pool timeout', prismaError('P2024'), 'unavailable'],
    ['transaction timed out', prismaError('P2028'), 'unavailable'],
    ['SQLite busy', prismaError('P2010', { kind: 'sqlite', extendedCode: 5 }), 'unavailable'],
    ['pg connect timeout', new Error('Connection terminated due to connection timeout'), 'unavailable'],
    ['unique violation', prismaError('P2002', { kind: 'UniqueConstraintViolation' }), 'unique-violation'],
    ['serialization failure', prismaError('P2034', { kind: 'TransactionWriteConflict' }), 'write-conflict'],
    ['deadlock', prismaError('P2010', { kind: 'postgres', originalCode: '40P01' }), 'write-conflict'],
    // Regression: a write conflict at COMMIT reaches the caller as the adapter's own DriverAdapterError.
    ['bare adapter error at COMMIT', new DriverAdapterError({ kind: 'TransactionWriteConflict' }), 'write-conflict'],
    ['wrapped in a cause', Object.assign(new Error('outer'), { cause: prismaError('P1001') }), 'unavailable'],
  ])('%s', (_label, error, expected) => {
    expect(classifyDatabaseError(error)).toBe(expected);
  });

  it('leaves other errors alone', () => {
    expect(classifyDatabaseError(new TypeError('x is undefined'))).toBeNull();
    expect(classifyDatabaseError(prismaError('P2025'))).toBeNull();
    expect(classifyDatabaseError('a string')).toBeNull();
  });

  it('maps failures to coded client errors', () => {
    expect(databaseFailureError('unavailable').extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(databaseFailureError('unique-violation').extensions).toMatchObject({ code: 'CONFLICT' });
    expect(databaseFailureError('write-conflict').extensions).toMatchObject({ code: 'CONFLICT' });
  });
});
