/**
 * ESLint 9 flat config (`npm run lint`; README "Lint and format").
 *
 * - @eslint/js and typescript-eslint recommended (not the type-checked set: `npm run typecheck`
 *   already runs the compiler, and typed linting would double the time).
 * - Microsoft's eslint-plugin-office-addins: its Office.js rules, at the severities of its own
 *   `recommended` config (read from the plugin, so an upgrade brings its changes). The plugin's
 *   config arrays themselves are not spread here: they register their own, older copy of
 *   typescript-eslint under the same plugin name, and turn on prettier/prettier.
 * - React hooks: rules-of-hooks and exhaustive-deps only (v7's other rules are the React
 *   Compiler's, which this project does not use).
 * - eslint-config-prettier last, so no style rule fights Prettier (`npm run prettier`).
 * - Environments per folder: the browser for the pane, the standalone page and the Office
 *   adapter; Node for the command line, developer tools, tests and the top-level configs; the
 *   engine neither (no DOM, no Node: also enforced by test/engine/purity.test.ts).
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** The office-addins rules of the plugin's own recommended config, with its severities. */
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);

/** Globals the engine must not touch: the browser's and Node's, minus the language's own. */
const hostGlobals = [...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)])]
  .filter((name) => !(name in globals.builtin))
  .sort();

const BROWSER = [
  'src/taskpane/**',
  'src/standalone/**',
  'src/commands/**',
  'src/adapters/office/**',
  'src/adapters/standalone/**',
];
const NODE = ['src/cli/**', 'src/tools/**', 'test/**', 'assets/*.js', '*.js', '*.mjs'];

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'test-artifacts/**', 'node_modules/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names mark a parameter or element kept for its position.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  // Plain .js files are CommonJS (Node) unless named below.
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: NODE, languageOptions: { globals: globals.node } },
  { files: BROWSER, languageOptions: { globals: globals.browser } },
  // Node scripts that drive Chromium: their page.evaluate callbacks run in the page, with its globals.
  {
    files: ['src/tools/render-letter.js', 'src/tools/bench/pane-longtask.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { files: ['test/**'], languageOptions: { globals: globals.jest } },
  // Component tests run in jsdom.
  { files: ['test/taskpane/**'], languageOptions: { globals: globals.browser } },
  // The two scripts the pages load before the bundles must parse in IE 11 (ES5, no modules).
  {
    files: ['src/taskpane/boot-guard.js', 'src/taskpane/office-loader.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['src/standalone/sw.js'],
    languageOptions: { sourceType: 'script', globals: globals.serviceworker },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...hostGlobals.map((name) => ({
          name,
          message: 'The engine is pure: no DOM or Node globals (README "Architecture").',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({
            name,
            message: 'The engine is pure: no Node APIs.',
          })),
          patterns: [{ group: ['node:*'], message: 'The engine is pure: no Node APIs.' }],
        },
      ],
    },
  },
  // Office.js code only: the ExcelJS adapter's objects (cell.value, cell.style) look alike to
  // these rules. They recognise a batch's sync only as `context.sync()` (by that name).
  {
    files: ['src/adapters/office/**/*.ts', 'src/commands/**/*.ts', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
  // Output goes through the CLI's io and the message catalogue, never the console.
  { files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'], rules: { 'no-console': 'error' } },
  {
    files: ['**/*.tsx', 'src/taskpane/**/*.ts', 'src/standalone/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // The Excel fake is one Proxy standing in for every Excel.* class: its targets are untyped by
  // design, and its Proxy handlers and getters are plain functions with their own `this`.
  {
    files: ['test/fakes/excel-fake.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  prettier,
);
