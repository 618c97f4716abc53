/**
 * Hand-written statements through the driver adapter under a Prisma client, for the few hot paths
 * where Prisma's query interpretation costs more than the query itself (issue 12: the refresh
 * rotation). They go through the very adapter Prisma uses: on SQLite the same connection, behind
 * the same lock that keeps other queries out of an open transaction (sqlite-serial-adapter.ts); on
 * PostgreSQL the same pool. Values go in and come out in the formats Prisma itself stores and
 * reads, since the adapter maps them.
 *
 * SQL is written with `?` placeholders (SQLite's); for PostgreSQL they become `$1, $2, …`. Write no
 * `?` inside string literals.
 */
import { ColumnTypeEnum, type ArgType, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory, type SqlQuery } from '@prisma/driver-adapter-utils';
import { executeInGroup } from './sqlite-group-commit.js';

/** The adapter a client connected through, while it is connected. */
interface Slot {
  adapter?: SqlDriverAdapter;
}

const slots = new WeakMap<object, Slot>();

/** Told of every statement sent through the adapter (Prisma's and ours, transactions included), with its arguments. */
export type StatementListener = (sql: string, args: unknown[]) => void;

/**
 * `factory`, remembering the adapter each connection opens so `driverQuery`/`driverExecute` can
 * reach it; call `bindDriver(client, slot)` once the client exists.
 */
export function rememberingFactory(factory: SqlMigrationAwareDriverAdapterFactory): { factory: SqlMigrationAwareDriverAdapterFactory; slot: object } {
  const slot: Slot = {};
  const connect = async () => {
    const adapter = await factory.connect();
    slot.adapter = adapter;
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      if (slot.adapter === adapter) slot.adapter = undefined;
      return dispose();
    };
    return adapter;
  };
  return {
    factory: { provider: factory.provider, adapterName: factory.adapterName, connect, connectToShadowDb: () => factory.connectToShadowDb() },
    slot,
  };
}

/** Makes `client`'s adapter (remembered in `slot` by rememberingFactory) reachable for driver statements. */
export function bindDriver(client: object, slot: object): void {
  slots.set(client, slot);
}

async function adapterOf(client: { $connect(): Promise<void> }): Promise<SqlDriverAdapter> {
  const slot = slots.get(client);
  if (!slot) throw new Error('driver statements need a client opened by openDatabase');
  if (!slot.adapter) await client.$connect();
  if (!slot.adapter) throw new Error('the database client did not connect');
  return slot.adapter;
}

const postgresSql = new Map<string, string>();

function postgresText(sql: string): string {
  let text = postgresSql.get(sql);
  if (!text) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    postgresSql.set(sql, text);
  }
  return text;
}

function query(adapter: SqlDriverAdapter, sql: string, args: unknown[]): SqlQuery {
  return { sql: adapter.provider === 'postgres' ? postgresText(sql) : sql, args, argTypes: args.map(argType) };
}

/** Statement names by PostgreSQL text, of the statements marked with `prepared`. */
const preparedNames = new Map<string, string>();

/**
 * Marks a hand-written statement to be prepared once per PostgreSQL connection and executed by
 * name after that (answers `sql` itself, to wrap the constant in). Unnamed, PostgreSQL parses and
 * plans a statement on every execution, which for a refresh cost more of the server's CPU than
 * executing it (docs/performance.md). Only for a fixed set of constant statements: each name stays
 * prepared on its connection as long as the connection lives. SQLite keeps its statements its own
 * way (sqlite-statement-cache.ts).
 */
export function prepared(sql: string): string {
  const text = postgresText(sql);
  if (!preparedNames.has(text)) preparedNames.set(text, `gatehouse_${preparedNames.size + 1}`);
  return sql;
}

/** The name a statement is prepared under on PostgreSQL, if `prepared` marked it (adapter-pg's `statementNameGenerator`). */
export function preparedStatementName(query: Pick<SqlQuery, 'sql'>): string | undefined {
  return preparedNames.get(query.sql);
}

function argType(value: unknown): ArgType {
  if (value instanceof Date) return { scalarType: 'datetime', arity: 'scalar' };
  if (typeof value === 'boolean') return { scalarType: 'boolean', arity: 'scalar' };
  if (typeof value === 'number') return { scalarType: Number.isInteger(value) ? 'int' : 'float', arity: 'scalar' };
  if (typeof value === 'string') return { scalarType: 'string', arity: 'scalar' };
  return { scalarType: 'unknown', arity: 'scalar' };
}

/** A stored timestamp as a Date; one without a zone (SQLite's CURRENT_TIMESTAMP) is UTC, as Prisma reads it. */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * Runs a SELECT (or a statement with RETURNING) and answers its rows as objects keyed by column
 * name (alias columns to tell two tables apart); DateTime columns as Date, Boolean columns as
 * boolean (SQLite answers 0/1), everything else as the adapter gives it.
 */
export async function driverQuery(client: { $connect(): Promise<void> }, sql: string, args: unknown[]): Promise<Record<string, unknown>[]> {
  const adapter = await adapterOf(client);
  const result = await adapter.queryRaw(query(adapter, sql, args));
  const { columnNames, columnTypes } = result;
  return result.rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) {
      const value = row[i];
      const type = columnTypes[i];
      object[columnNames[i]!] =
        value === null || value === undefined
          ? null
          : type === ColumnTypeEnum.DateTime
            ? toDate(value)
            : type === ColumnTypeEnum.Boolean
              ? value === true || value === 1 || value === 1n || value === '1'
              : value;
    }
    return object;
  });
}

/**
 * Runs an INSERT, UPDATE or DELETE and answers how many rows it changed. On SQLite it is committed
 * with the other writes of this turn of the event loop (sqlite-group-commit.ts), once committed.
 */
export async function driverExecute(client: { $connect(): Promise<void> }, sql: string, args: unknown[]): Promise<number> {
  const adapter = await adapterOf(client);
  const statement = query(adapter, sql, args);
  return adapter.provider === 'sqlite' ? executeInGroup(adapter, statement) : adapter.executeRaw(statement);
}

/** `factory` with every statement its connections run, in transactions too, reported to `onStatement` first. */
export function listenedFactory(factory: SqlMigrationAwareDriverAdapterFactory, onStatement: StatementListener): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => listened(await factory.connect(), onStatement),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

function listened(adapter: SqlDriverAdapter, onStatement: StatementListener): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = (q) => (onStatement(q.sql, q.args), queryRaw(q));
  adapter.executeRaw = (q) => (onStatement(q.sql, q.args), executeRaw(q));
  adapter.startTransaction = async (level) => {
    const tx = await startTransaction(level);
    const txQuery = tx.queryRaw.bind(tx);
    const txExecute = tx.executeRaw.bind(tx);
    tx.queryRaw = (q) => (onStatement(q.sql, q.args), txQuery(q));
    tx.executeRaw = (q) => (onStatement(q.sql, q.args), txExecute(q));
    return tx;
  };
  return adapter;
}
