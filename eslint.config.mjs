// Lint for bugs, not style: every rule here is an error because each one has caught a real defect
// class (lost promises, missed enum cases, loose equality, layer leaks).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'deploy/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Decorated DI parameters and framework hooks legitimately use these.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/libs/*/src/**', '../../libs/**'], message: 'Import a library through its @soc/<lib> alias.' }] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through loadConfig (libs/shared) only.' },
      ],
    },
  },
  {
    // Pure libraries: no framework, database or broker imports, and no wall clock.
    files: ['libs/parsers/**/*.ts', 'libs/detection/**/*.ts', 'libs/net/**/*.ts', 'libs/sigma/**/*.ts', 'libs/intel/src/pure/**/*.ts', 'libs/incidents/src/pure/**/*.ts', 'libs/posture/src/pure/**/*.ts', 'libs/posture/src/classification/**/*.ts', 'libs/posture/src/requirements/catalogues/**/*.ts', 'libs/posture/src/requirements/completeness.ts', 'libs/reports/src/pure/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', 'ws', '@soc/storage', '@soc/transport'], message: 'Parsers and detection stay pure.' }] },
      ],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use event time or an injected clock.' }],
    },
  },
  {
    // Where the environment is legitimately read: the config loader, process entry points, tests and benchmarks.
    files: ['libs/shared/src/config/**', 'apps/*/src/main.ts', 'test/**', 'bench/**', '**/test/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['test/**', '**/test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
);
