// Lint: typescript-eslint's recommended rules, plus the project's own lines:
// no `any` at boundaries, and the pure core may not reach for Apps Script or Node.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '*.config.js', 'scripts/**', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'PropertiesService',
          'LockService',
          'MailApp',
          'ScriptApp',
          'Session',
          'HtmlService',
          'CacheService',
          'Utilities',
          'process',
          'require',
        ].map((name) => ({ name, message: 'src/core is pure: pass data in from src/gas.' })),
      ],
      // At any depth (src/core/reports/… too): core reaches no adapter, server, local runtime or Node.
      'no-restricted-imports': [
        'error',
        // '**/server' too: the folder itself resolves to src/server/index.ts.
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            ...['gas', 'local', 'server', 'ui'].flatMap((d) => [`**/${d}`, `**/${d}/**`]),
          ],
        },
      ],
      // Nor does it name Apps Script's types: the adapters turn Google's objects into plain data.
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='GoogleAppsScript']", message: 'src/core is pure: no GoogleAppsScript types.' },
      ],
    },
  },
  {
    // The sidebar's browser code talks to the server only through google.script.run.
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', ...['gas', 'local'].flatMap((d) => [`**/${d}`, `**/${d}/**`])] },
      ],
      // The server's types only (rpc.ts types the calls from `api`): its code pulls src/gas in.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server', '**/server/**'], allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
