// Lint keeps the engine pure: catalog/, config/, rules/ and pki/ run in plain Node and never see VS Code or LSP.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const editorModules = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument',
  'vscode-languageserver-protocol', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-vsix/**', 'node_modules/**', 'test-results/**', '.cache/**', 'examples/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['server/src/catalog/**', 'server/src/config/**', 'server/src/rules/**', 'server/src/pki/**', 'server/src/features/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: editorModules.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'The engine must not depend on VS Code or the LSP; put editor glue in server/src/lsp or client/.' })), patterns: [{ group: editorModules.filter((m) => m.includes('*')), message: 'The engine must not depend on VS Code or the LSP.' }] }],
    },
  },
);
