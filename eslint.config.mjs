// Lint enforces the process boundaries (STYLE.md §7): shared/ is pure; the renderer never reaches
// into the main process; only the db module touches better-sqlite3 and only the settings module
// touches electron-store/conf; services and repositories never import electron, so they run in Node.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ runs in both processes: no Node built-ins.' };
const electronOnlyInShell = {
  name: 'electron',
  message: 'Only electron/main.ts, electron/preload.ts and electron/shell/ may import electron; services must run in plain Node.',
};
const sqliteOnlyInDb = {
  name: 'better-sqlite3',
  message: 'Only electron/db/ imports better-sqlite3; take a SqliteDatabase from db/connection.',
};
const storeOnlyInSettings = [
  { name: 'electron-store', message: 'Only electron/settings/ imports electron-store.' },
  { name: 'conf', message: 'Only electron/settings/ imports conf.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  // Type-aware rules on every TypeScript layer: each file is checked with its own layer's tsconfig.
  {
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    // vitest's and Playwright's asymmetric matchers (expect.any, expect.stringContaining) are typed any by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, sqliteOnlyInDb, ...storeOnlyInSettings, { name: 'react', message: 'shared/ has no UI.' }],
          patterns: [nodeBuiltins, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing above it.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, sqliteOnlyInDb, ...storeOnlyInSettings],
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer talks to the main process only through the API client.' },
            { group: ['node:*'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**', 'electron/db/**', 'electron/settings/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, sqliteOnlyInDb, ...storeOnlyInSettings],
          patterns: [{ group: ['**/renderer/**'], message: 'The main process does not import the UI.' }],
        },
      ],
    },
  },
  {
    files: ['electron/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell, ...storeOnlyInSettings] }] },
  },
  {
    files: ['electron/settings/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [sqliteOnlyInDb] }] },
  },
  {
    files: ['electron/shell/**/*.ts', 'electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [sqliteOnlyInDb, ...storeOnlyInSettings] }] },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs', '*.config.{ts,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
);
