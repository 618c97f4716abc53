/**
 * `npm run build`: the server and the CLI as two self-contained ES modules in dist/, which is what
 * `npm start`, `npm run gatehouse`, the process tests and the benchmark run.
 *
 * Dependencies are bundled in: Node's ES module loader spends most of a cold start resolving and
 * reading the hundreds of small files under node_modules (about 0.5 s here), and one file cuts
 * start-up to listening below a second. Left out, and loaded from node_modules as usual: native
 * addons, and the large files loaded on demand only (Prisma's query compiler for the one database in
 * use, its migration engine, and the GraphiQL page).
 */
import { build } from 'esbuild';

const external = [
  'argon2',
  'better-sqlite3',
  'pg-native',
  '@prisma/schema-engine-wasm',
  '@prisma/client/runtime/query_compiler_fast_bg.*',
  '@graphql-yoga/render-graphiql',
];

await build({
  entryPoints: { 'server/main': 'src/server/main.ts', 'cli/index': 'src/cli/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Bundled CommonJS packages call require(); give the module one.
  banner: { js: "import { createRequire as __gatehouseRequire } from 'node:module'; const require = __gatehouseRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
