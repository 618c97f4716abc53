/**
 * `npm run build`: the server and the CLI as two self-contained ES modules in dist/, which is what
 * `npm start`, `npm run gatehouse`, the process tests and the benchmark run; and the web console
 * (src/console/, Vite) in dist/console/, which the server serves (src/server/console.ts).
 *
 * Dependencies are bundled in: Node's ES module loader spends most of a cold start resolving and
 * reading the hundreds of small files under node_modules (about 0.5 s here), and one file cuts
 * start-up to listening below a second. Left out, and loaded from node_modules as usual: native
 * addons, and the large files loaded on demand only (Prisma's query compiler for the one database in
 * use, its migration engine, and the GraphiQL page).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';
import { buildConsole, consoleIsFresh } from './console-build.js';
import { keepBundleLatin1 } from './latin1-bundle.js';

const external = [
  'argon2',
  'better-sqlite3',
  'pg-native',
  '@prisma/schema-engine-wasm',
  '@prisma/client/runtime/query_compiler_fast_bg.*',
  '@graphql-yoga/render-graphiql',
];

const providers = ['sqlite', 'postgresql'] as const;

// Prisma's generated client loads its query compiler from a module holding the WebAssembly as a
// 4.4 MB base64 string, which V8 keeps for the life of the process (the module's export and its
// source text: about 9 MB of heap). The bundle reads the same bytes from a binary file instead.
mkdirSync('dist/prisma', { recursive: true });
const requireFromHere = createRequire(import.meta.url);
for (const provider of providers) {
  const base64 = readFileSync(requireFromHere.resolve(`@prisma/client/runtime/query_compiler_fast_bg.${provider}.wasm-base64.js`), 'utf8');
  const match = /const wasm = "([A-Za-z0-9+/=]+)"/.exec(base64);
  if (!match?.[1]) throw new Error(`unexpected layout of Prisma's ${provider} query compiler module`);
  writeFileSync(`dist/prisma/query_compiler_fast_bg.${provider}.wasm`, Buffer.from(match[1], 'base64'));
}

const wasmFromFile: Plugin = {
  name: 'prisma-query-compiler-from-file',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]generated[\\/](sqlite|postgresql)[\\/]internal[\\/]class\.ts$/ }, (args) => {
      const provider = providers.find((name) => args.path.includes(`generated/${name}/`));
      const source = readFileSync(args.path, 'utf8');
      const loader = /getQueryCompilerWasmModule: async \(\) => \{[\s\S]*?decodeBase64AsWasm\(wasm\)\s*\}/;
      if (!provider || !loader.test(source)) throw new Error(`unexpected layout of ${args.path}`);
      const replaced = source.replace(
        loader,
        `getQueryCompilerWasmModule: async () => {
    const { readFile } = await import('node:fs/promises')
    return await WebAssembly.compile(await readFile(new URL('../prisma/query_compiler_fast_bg.${provider}.wasm', import.meta.url)))
  }`,
      );
      return { contents: replaced, loader: 'ts' };
    });
  },
};

await build({
  entryPoints: { 'server/main': 'src/server/main.ts', 'cli/index': 'src/cli/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  plugins: [wasmFromFile],
  // Bundled CommonJS packages call require(); give the module one.
  banner: { js: "import { createRequire as __gatehouseRequire } from 'node:module'; const require = __gatehouseRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
keepBundleLatin1('dist/server/main.mjs');

// The server's launcher (what `npm start` runs, src/server/start.ts): CommonJS, so that it runs
// before anything else loads; it then loads main.mjs.
await build({
  entryPoints: { 'server/start': 'src/server/start.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});

if (!consoleIsFresh()) await buildConsole();
