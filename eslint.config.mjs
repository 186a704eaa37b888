// Lint keeps the engine pure: core/, catalog/, config/, pki/, rules/, workspace/, checker/ and features/ run in plain
// Node and never see VS Code or LSP. The order of layers and the ban on cycles are checked by scripts/checkLayers.mjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const editorModules = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument',
  'vscode-languageserver-protocol', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'dist-vsix/**', 'node_modules/**', 'test-results/**', '.cache/**', 'examples/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      // A module may shadow a newer Node global (fetch, Disposable) with its own import on purpose.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    // CommonJS helpers (bench harnesses, fakes) load modules with require by nature.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['server/src/core/**', 'server/src/catalog/**', 'server/src/config/**', 'server/src/rules/**', 'server/src/pki/**', 'server/src/workspace/**', 'server/src/checker/**', 'server/src/features/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: editorModules.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'The engine must not depend on VS Code or the LSP; put editor glue in server/src/lsp or client/.' })), patterns: [{ group: editorModules.filter((m) => m.includes('*')), message: 'The engine must not depend on VS Code or the LSP.' }] }],
    },
  },
);
