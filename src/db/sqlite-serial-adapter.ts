/**
 * Prisma's better-sqlite3 adapter runs every query on one connection. While an interactive
 * transaction is open there, a query from another request would run inside it: reading what is not
 * committed, and having its writes undone if the transaction rolls back. This wrapper lets no
 * query outside a transaction reach the connection until the open transaction ends.
 *
 * (A second connection is no way out: better-sqlite3 is synchronous, so waiting for SQLite's write
 * lock would block the event loop that the open transaction needs to finish.)
 */
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/** A FIFO lock: `acquire` resolves with the function that releases it. */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => once(release));
    this.#tail = this.#tail.then(() => held);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  const overrides: Partial<SqlDriverAdapter> = {};
  overrides.queryRaw = (query: SqlQuery) => lock.run(() => adapter.queryRaw(query));
  overrides.executeRaw = (query: SqlQuery) => lock.run(() => adapter.executeRaw(query));
  overrides.executeScript = (script: string) => lock.run(() => adapter.executeScript(script));
  overrides.startTransaction = async (isolationLevel) => {
    const release = await lock.acquire();
    let tx: Transaction;
    try {
      tx = await adapter.startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
  // Everything else goes to the adapter itself (bound: it keeps private state).
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property in overrides) return overrides[property as keyof SqlDriverAdapter];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** `factory` with every connection it opens serialized around transactions. */
export function serializedSqlite(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialize(await factory.connect()),
    connectToShadowDb: async () => serialize(await factory.connectToShadowDb()),
  };
}
