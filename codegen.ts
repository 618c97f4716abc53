/**
 * GraphQL Code Generator: typed documents for every operation written with `graphql(...)` in the
 * tests, benchmark and examples, and in the web console (src/console/), from the committed
 * schema.graphql. A schema change that breaks an operation then fails type-checking, as it would in
 * a user's frontend. `npm run codegen` writes test/client/gql/ and src/console/gql/;
 * `npm run codegen:check` (CI) fails when that output is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  // NodeNext resolution needs explicit .js extensions on relative imports.
  emitLegacyCommonJSImports: false,
  generates: {
    'test/client/gql/': {
      documents: ['test/**/*.ts', 'examples/**/*.ts', '!test/client/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
    // The web console's operations: documents as plain strings (documentMode 'string'), so the
    // browser bundle carries no graphql-js; the types still come from the schema.
    'src/console/gql/': {
      documents: ['src/console/**/*.ts', 'src/console/**/*.tsx', '!src/console/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        scalars: { DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
