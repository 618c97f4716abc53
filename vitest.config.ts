import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CJS and ESM builds; Pothos and yoga load the CJS one under Node, so tests must
    // too, or graphql's instanceof checks see two copies ("Cannot use GraphQLScalarType from another module").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/helpers/teardown.ts'],
    pool: 'forks',
    // Two cores: more workers only make argon2 and the databases fight for them.
    maxWorkers: 2,
    // Each file otherwise re-imports the whole server (the schema build, both Prisma clients) in a
    // fresh module graph: about 2 s per file, 115 files, three suites in CI. Files share nothing
    // else: each builds its own app, config and database through createTestApp, and src/ keeps no
    // module state that is not keyed by the app's own objects. SQLite suite 341 s -> 106 s.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll's own default (1 s) is shorter than a browser page's first paint on a loaded CI
    // machine: the Spanish console once took longer and failed a run that asserted nothing wrong.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default'],
  },
});
