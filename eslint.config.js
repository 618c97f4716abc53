// ESLint flat config: typescript-eslint's type-aware rules (floating promises, unsafe any) over
// src/, test/, bench/ and examples/. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['src/generated/**', 'test/client/gql/**', 'src/console/gql/**', 'dist/**', 'node_modules/**', 'coverage/**', 'data/**', '*.cjs', 'bench/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off, each for a reason: async functions without await implement Promise-returning
      // interfaces (limiter stores, CLI commands); yoga and envelop hand plugin hooks their helpers
      // as destructured methods that do not use `this`; the Django importer reports values of
      // untyped JSON through String() on purpose.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // yoga's server adapter is a Node request listener that returns a promise and handles its own
      // errors; createServer(yoga) is the documented use.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    // vitest's asymmetric matchers (expect.any(String)...) are typed `any` by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
