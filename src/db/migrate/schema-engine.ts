/**
 * Prisma's own schema engine, compiled to WebAssembly, driven through a driver adapter.
 *
 * The package targets bundlers (its entry imports the .wasm file as a module), so plain Node cannot
 * import it; we instantiate the module by hand. This is what lets Gatehouse migrate with no native
 * Prisma engine on the machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type EngineModule = { SchemaEngine: typeof SchemaEngine };

let loaded: Promise<EngineModule> | undefined;

async function loadModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm'));
  // The exports map hides the inner files, so import them by path.
  const bindings = (await import(pathToFileURL(join(dir, 'schema_engine_bg.js')).href)) as Record<string, unknown> & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
    SchemaEngine: typeof SchemaEngine;
  };
  const module = await WebAssembly.compile(readFileSync(join(dir, 'schema_engine_bg.wasm')));
  const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': bindings as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

/**
 * Runs `work` with the schema engine on the database reached through `adapterFactory`, then frees
 * the engine and closes every connection it opened (the engine does not: a SQLite handle left open
 * keeps its lock and the next engine on that file fails with a busy error).
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodel: { path: string; content: string },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  loaded ??= loadModule();
  const { SchemaEngine } = await loaded;
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () => track(await adapterFactory.connectToShadowDb()),
  };
  function track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    opened.push(adapter);
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => (disposed ??= dispose());
    return adapter.provider === 'sqlite' ? acceptScripts(adapter) : readCharAsText(adapter);
  }
  // Unwrapped, the engine calls the adapter's methods unbound and fails.
  const engine = await SchemaEngine.new({ datamodels: [[datamodel.path, datamodel.content]] }, () => {}, bindMigrationAwareSqlAdapterFactory(tracking));
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

export const noFilters = { externalTables: [], externalEnums: [] };

/**
 * The engine replays a whole migration file on SQLite's shadow database through `executeRaw`, which
 * better-sqlite3 refuses ("more than one statement"); run such a parameterless query as a script.
 */
function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !(error instanceof RangeError) || !/more than one statement/.test(error.message)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine describes a PostgreSQL schema from catalog columns of the one-byte `"char"` type,
 * which adapter-pg does not map; they are single characters, so read them as text.
 */
function readCharAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  type Fields = { fields: { dataTypeID: number }[] };
  const target = adapter as unknown as { performIO?: (query: unknown) => Promise<Fields> };
  const performIO = target.performIO?.bind(adapter);
  if (!performIO) return adapter;
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return adapter;
}
