// ESLint flat config: `npm run lint` (part of `npm test`).
// typescript-eslint's type-aware recommended set, plus rules for mistakes this codebase can make:
// promises left floating, `==`, unused names, imports that cross the architecture's layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The folders `constructs/` (the library) must not import from; the layers above it. */
const ABOVE_CONSTRUCTS = ['policies', 'pipeline', 'import', 'cli', 'stacks'];

/** Only `constructs/engine.ts` (and the generated `.gen/`, which is not linted) imports the CDK engine. */
const ENGINE_ONLY = {
  paths: [{ name: 'cdktf', message: 'Import the CDK engine through constructs/engine.ts, the only module that imports cdktf.' }],
  patterns: [{ group: ['cdktf/*'], message: 'Import the CDK engine through constructs/engine.ts, the only module that imports cdktf.' }],
};

/**
 * Relative imports are not resolved by no-restricted-imports, so the layering rule is one block per
 * folder depth under constructs/: from `constructs/a/b.ts`, `../../policies/x` leaves the library while
 * `../pipeline/x` is `constructs/pipeline/` and is fine.
 */
function layering(depth) {
  const up = depth === 0 ? '\\.\\./' : `(\\.\\./){${depth + 1}}`;
  return {
    files: [`constructs/${'*/'.repeat(depth)}*.ts`],
    ignores: depth === 0 ? ['constructs/engine.ts'] : [],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...ENGINE_ONLY,
          patterns: [
            ...ENGINE_ONLY.patterns,
            {
              regex: `^${up}(${ABOVE_CONSTRUCTS.join('|')})(/|$)`,
              message: `constructs/ is the library: it must not import from ${ABOVE_CONSTRUCTS.map((f) => f + '/').join(', ')}.`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['.gen/', 'dist/', 'cdktf.out/', 'node_modules/', 'bench/results/', 'coverage/', '.tmp/', '.pr-check/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', ENGINE_ONLY],
      // Static type guards passed as callbacks (`filter(NotificationChannel.isChannel)`) do not use `this`.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      // `throw`/messages on an exhausted union print the `never` value on purpose.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNever: true }],
      // Preset props are named interfaces that add nothing yet (`HostCpuAlertProps extends PresetProps {}`).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Off: ~290 hits, all the deliberate `xs[i]!` / `as T` after indexed access (noUncheckedIndexedAccess is off, so tsc calls them no-ops).
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Off: fires on the deliberate `String(value)` of decoded JSON (`unknown`) values in messages and codecs.
      '@typescript-eslint/no-base-to-string': 'off',
      // Off: `AlertType | string`-style unions document the known values of an open set on purpose.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Off: `async` functions that satisfy a Promise-returning hook interface need no `await`.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read synthesized JSON through `as any` on purpose (hundreds of `rule.alert_type`-style reads).
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
    },
  },
  ...[0, 1, 2, 3].map(layering),
  // The one module that imports the engine.
  { files: ['constructs/engine.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // Not in tsconfig.test.json: linted without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
