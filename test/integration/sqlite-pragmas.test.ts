/**
 * Issue 12 item 3: SQLite runs in WAL mode with synchronous=NORMAL (readers beside the writer, no
 * fsync per commit; see docs/performance.md for what NORMAL trades) and enforces foreign keys, on
 * the one connection the application uses.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.js';
import { testPostgresUrl } from '../helpers/test-database.js';

describe.skipIf(testPostgresUrl() !== undefined)('SQLite connection settings', () => {
  it('WAL, synchronous NORMAL, foreign keys on', async () => {
    const t = await createTestApp();
    const pragma = async (name: string) => Object.values((await t.deps.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    // 1 = NORMAL (2 would be FULL).
    expect(Number(await pragma('synchronous'))).toBe(1);
    expect(Number(await pragma('foreign_keys'))).toBe(1);
  });
});
