/**
 * The layers of src/, enforced in CI (`npm run lint:deps`). Arrows point down:
 *
 *   server/ cli/ dev/          HTTP, management commands, developer tooling      (top)
 *   create-deps.ts             builds Deps; imported only from the top and tests
 *   schema/                    Pothos types and fields, thin over the use cases
 *   admin/ account/ import/    use cases (admin may call account's senders, not the reverse)
 *   auth/ oauth/ mail/ i18n/ audit/ jobs/ security/ webhooks/   building blocks; deps.ts (the Deps type) beside them
 *   users/                     user rules every layer shares (email, profile fields, roles)
 *   config/ db/ errors.ts clock.ts logger.ts generated/   (bottom)
 *
 *   console/                   the web console (browser code): its own layer, no import either way
 *
 * docs/architecture.md draws the same map and traces a login through it.
 */
const layer = (folders) => `^src/(${folders.join('|')})(/|\\.ts$)`;
const TOP = ['server', 'cli', 'dev'];
const COMPOSE = ['create-deps'];
const SCHEMA = ['schema'];
const USE_CASES = ['admin', 'account', 'import'];
const BLOCKS = ['auth', 'oauth', 'mail', 'i18n', 'audit', 'jobs', 'security', 'webhooks', 'deps'];
const SHARED = ['users'];
const BOTTOM = ['config', 'db', 'errors', 'clock', 'logger', 'generated'];

const below = (name, from, forbiddenTargets) => ({
  name,
  severity: 'error',
  comment: `${from.join(', ')} must not import ${forbiddenTargets.join(', ')} (dependencies point down)`,
  from: { path: layer(from) },
  to: { path: layer(forbiddenTargets) },
});

module.exports = {
  forbidden: [
    below('top-only-from-top', [...SCHEMA, ...USE_CASES, ...BLOCKS, ...SHARED, ...BOTTOM], [...TOP, ...COMPOSE]),
    below('schema-only-from-top', [...USE_CASES, ...BLOCKS, ...SHARED, ...BOTTOM], SCHEMA),
    below('use-cases-only-from-above', [...BLOCKS, ...SHARED, ...BOTTOM], USE_CASES),
    below('account-not-to-admin', ['account'], ['admin', 'import']),
    // deps.ts names the building blocks' types; building blocks may take Deps (type-only).
    {
      ...below('blocks-only-from-above', [...SHARED, ...BOTTOM], BLOCKS),
    },
    below('shared-rules-only-from-above', BOTTOM, SHARED),
    below('db-below-config', ['config'], ['db']),
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'A cycle between modules: split the shared part into the lower module.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    // The web console (browser code) talks to the server over GraphQL only: no import either way.
    {
      name: 'console-is-its-own-layer',
      severity: 'error',
      comment: 'src/console/ (browser code) imports nothing from the server layers; they import nothing from it.',
      from: { path: '^src/console/' },
      to: { path: '^src/', pathNot: '^src/console/' },
    },
    {
      name: 'nothing-into-console',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/console/' },
      to: { path: '^src/console/' },
    },
    {
      name: 'not-to-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/(generated|console/gql)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
