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
        ...['SpreadsheetApp', 'PropertiesService', 'LockService', 'MailApp', 'ScriptApp', 'Session', 'HtmlService', 'CacheService', 'Utilities', 'process', 'require'].map(
          (name) => ({ name, message: 'src/core is pure: pass data in from src/gas.' }),
        ),
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', '../gas/*', '../local/*', '../server/*'] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
