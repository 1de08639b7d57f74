// Lint enforces the process boundaries (STYLE.md §7): shared/ is pure; the renderer never reaches
// into the main process; only the db module touches better-sqlite3 and only the settings module
// touches electron-store/conf; services and repositories never import electron, so they run in Node.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
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
/** Links leave the app through one helper with an allowlist (https, mailto); see electron/shell/external-links.ts. */
const openExternalOnlyInHelper = {
  selector: "MemberExpression[property.name='openExternal']",
  message: 'Open links outside the app only through openExternally (electron/shell/external-links.ts), which allows https and mailto alone.',
};
/** Ways to turn text into markup or code in the page, which the renderer never needs: React escapes what it renders. */
const domInjectionSinks = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Render with React instead of writing HTML into the DOM.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render with React instead of writing HTML into the DOM.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", message: 'document.write is never needed.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Render with React instead of parsing HTML.' },
];
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
      // Code from strings, anywhere.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
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
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    // vitest's and Playwright's asymmetric matchers (expect.any, expect.stringContaining) are typed any by design.
    files: ['test/**/*.ts'],
    // Tests spell out hostile URLs (javascript:, data:) to prove the app refuses them.
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off', 'no-script-url': 'off' },
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
    plugins: { 'react-hooks': reactHooks, react },
    settings: { react: { version: 'detect' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // React's dangerous patterns: raw HTML, javascript: URLs, links that hand the page to what they open.
      'react/no-danger': 'error',
      'react/no-danger-with-children': 'error',
      'react/jsx-no-script-url': 'error',
      'react/jsx-no-target-blank': ['error', { allowReferrer: false, enforceDynamicLinks: 'always', warnOnSpreadAttributes: true, links: true, forms: true }],
      'react/iframe-missing-sandbox': 'error',
      'react/no-unsafe': ['error', { checkAliases: true }],
      'react/no-find-dom-node': 'error',
      'react/no-string-refs': 'error',
      'react/no-invalid-html-attribute': 'error',
      'no-restricted-syntax': ['error', ...domInjectionSinks],
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
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/external-links.ts'],
    rules: { 'no-restricted-syntax': ['error', openExternalOnlyInHelper] },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs', '*.config.{ts,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
);
