// Settings reach the server: a glob added to elasticTls.files makes the client restart with the new document
// selector, and a file matching only that glob gets diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeApi, closeEditors, diagnosticWithCode, openFile, removeDir, tempDir, waitFor } from '../helpers';

const RUNNING = 2; // vscode-languageclient State.Running

suite('settings', () => {
  let dir: string;

  suiteSetup(() => {
    dir = tempDir('settings');
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('elasticTls').update('files', undefined, vscode.ConfigurationTarget.Global);
    await closeEditors();
    removeDir(dir);
  });

  test('a file matched by elasticTls.files is checked', async function () {
    this.timeout(120_000);
    const api = await activeApi();
    const file = path.join(dir, 'es-node-1.yaml');
    fs.writeFileSync(file, 'xpack.security.transport.ssl.verfication_mode: full\n');
    const restarted = waitFor(api.onDidChangeServerState, (e) => e.newState === RUNNING, 'the client to restart with the new selector', 90_000);
    await vscode.workspace
      .getConfiguration('elasticTls')
      .update('files', { '**/es-node-*.yaml': 'elasticsearch' }, vscode.ConfigurationTarget.Global);
    await restarted;
    const document = await openFile(file);
    assert.equal(document.languageId, 'yaml');
    const diagnostic = await diagnosticWithCode(document.uri, 'unknown-setting');
    assert.equal(diagnostic.range.start.line, 0);
  });
});
