// Editor features are engine code: they must run in plain Node, so they may not import the editor or the LSP.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const featuresDir = path.resolve(__dirname, '../../../server/src/features');
const forbidden = /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|vscode-jsonrpc[^'"]*|\.\.\/lsp\/[^'"]*)['"]/;

test('server/src/features imports neither VS Code, the LSP libraries nor the LSP adapter', () => {
  const files = fs.readdirSync(featuresDir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 0);
  for (const file of files) {
    const source = fs.readFileSync(path.join(featuresDir, file), 'utf8');
    assert.doesNotMatch(source, forbidden, file);
  }
});
