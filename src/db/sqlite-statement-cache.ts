/**
 * Prepared statements kept, on SQLite. Prisma's better-sqlite3 adapter prepares every statement it
 * runs (`client.prepare(sql).bind(args)`), and SQLite's parser and planner were a larger part of a
 * refresh than running the statement (issue 12). This keeps the last MAX_STATEMENTS statements by
 * their SQL and hands the adapter a fresh binding of the kept one each time, as better-sqlite3's
 * `bind` may be called only once per statement.
 *
 * It reaches into the adapter's connection (`client`, a better-sqlite3 Database), which is not
 * part of Prisma's adapter interface: if a Prisma version names it otherwise, statements are simply
 * prepared each time again, as before.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** Distinct SQL texts kept: Prisma's statements by shape, plus the hand-written ones. */
const MAX_STATEMENTS = 500;

/** What the adapter calls on what `prepare` returns (@prisma/adapter-better-sqlite3 7.x). */
interface Prepared {
  readonly reader: boolean;
  bind(args: unknown[]): Prepared;
  columns(): ReturnType<Statement['columns']>;
  raw(): Prepared;
  all(): unknown[];
  run(): ReturnType<Statement['run']>;
}

interface Kept {
  statement: Statement<unknown[]>;
  /** Read once: the adapter asks on every query, and better-sqlite3 builds them anew each time. */
  columns?: ReturnType<Statement['columns']>;
}

function binding(kept: Kept): Prepared {
  const { statement } = kept;
  let args: unknown[] = [];
  const prepared: Prepared = {
    reader: statement.reader,
    bind(values) {
      args = values;
      return prepared;
    },
    // The same for every run of the statement: the SQL names its columns (a schema change under a
    // running server, which could change what `*` means, is not something Gatehouse does).
    columns: () => (kept.columns ??= statement.columns()),
    // The adapter reads rows as arrays, always; raw mode stays on for this statement.
    raw() {
      statement.raw(true);
      return prepared;
    },
    all: () => statement.all(...args),
    run: () => statement.run(...args),
  };
  return prepared;
}

function keepStatements(db: Database): void {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, Kept>();
  const cached = (sql: string): Prepared => {
    let entry = kept.get(sql);
    if (entry) {
      // Least recently used goes first: move this one to the end.
      kept.delete(sql);
    } else {
      entry = { statement: prepare<unknown[]>(sql) };
      if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, entry);
    return binding(entry);
  };
  (db as unknown as { prepare: (sql: string) => Prepared }).prepare = cached;
}

function isDatabase(value: unknown): value is Database {
  return typeof value === 'object' && value !== null && typeof (value as Database).prepare === 'function' && 'inTransaction' in value;
}

function withKeptStatements(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client: unknown = (adapter as unknown as { client?: unknown }).client;
  if (isDatabase(client)) keepStatements(client);
  return adapter;
}

/** `factory` with its connections keeping their prepared statements. */
export function keptStatements(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withKeptStatements(await factory.connect()),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}
