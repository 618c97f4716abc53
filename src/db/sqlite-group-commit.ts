/**
 * Group commit on SQLite: the writes asked for during one turn of the event loop are committed in
 * one transaction, at the end of that turn. Each autocommitted write on SQLite appends its pages to
 * the WAL with its own commit, and every thousand pages the committing statement checkpoints the
 * WAL into the database and syncs both files, on the event loop's thread: a refresh rotation spent
 * more time there than in the rest of its UPDATE (docs/performance.md, "Group commit"). Writes
 * committed together share their index pages and their commit, and checkpoint far less often.
 *
 * Each write keeps its own statement, condition and change count, so a conditional UPDATE decides
 * exactly as it would alone (in the order asked). A caller's promise settles after the COMMIT: no
 * answer ever reports a write that is not committed. If any write of a group fails, the group is
 * rolled back and every write is run again on its own, so one write's failure is never another's.
 * The transaction is taken through the adapter (sqlite-serial-adapter.ts's lock), so it waits for
 * an open interactive transaction and no other query runs inside it.
 */
import type { SqlDriverAdapter, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { perTurn } from './turn-batch.js';

interface Write {
  query: SqlQuery;
  resolve(changes: number): void;
  reject(error: unknown): void;
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

const inThisTurn = perTurn<SqlDriverAdapter, Write>((adapter, writes) => {
  // Whatever goes wrong, no caller is left waiting (a write already settled ignores this).
  commitGroup(adapter, writes).catch((error: unknown) => writes.forEach((write) => write.reject(error)));
});

/** Runs `query` (an INSERT, UPDATE or DELETE) in this turn's group on `adapter`; answers its change count once committed. */
export function executeInGroup(adapter: SqlDriverAdapter, query: SqlQuery): Promise<number> {
  return new Promise((resolve, reject) => inThisTurn(adapter, { query, resolve, reject }));
}

async function commitGroup(adapter: SqlDriverAdapter, group: Write[]): Promise<void> {
  if (group.length > 1 && (await committedTogether(adapter, group))) return;
  // Alone, or after the group failed: each write on its own, with its own outcome.
  for (const write of group) adapter.executeRaw(write.query).then(write.resolve, write.reject);
}

/** True when every write of `group` ran and they committed; false, with nothing written, otherwise. */
async function committedTogether(adapter: SqlDriverAdapter, group: Write[]): Promise<boolean> {
  let tx: Transaction;
  try {
    tx = await adapter.startTransaction();
  } catch {
    return false;
  }
  const changes: number[] = [];
  try {
    for (const write of group) changes.push(await tx.executeRaw(write.query));
    // Prisma's SQLite transaction leaves COMMIT and ROLLBACK to its caller (usePhantomQuery: false).
    await tx.executeRaw(statement('COMMIT'));
  } catch {
    try {
      await tx.executeRaw(statement('ROLLBACK'));
    } catch {
      // SQLite rolls some failures back by itself; there is then no transaction to end.
    }
    await tx.rollback();
    return false;
  }
  // Committed: answered before the lock is handed on, so nothing after this can undo an answer.
  group.forEach((write, i) => write.resolve(changes[i]!));
  await tx.commit();
  return true;
}
