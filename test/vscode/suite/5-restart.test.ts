// Crash recovery: when the language server process dies, the client starts a new one and the open file's
// diagnostics come back (the client clears them while the server is gone, then the new server publishes them).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeEditors, codeOf, copyFixture, diagnosticWithCode, openFile, removeDir, tempDir, waitFor } from '../helpers';

const RUNNING = 2; // vscode-languageclient State.Running

suite('server crash recovery', () => {
  let dir: string;

  suiteSetup(() => {
    dir = tempDir('restart');
  });
  suiteTeardown(async () => {
    await closeEditors();
    removeDir(dir);
  });

  test('a killed server is restarted and diagnostics come back', async function () {
    this.timeout(120_000);
    const api = await activeApi();
    const document = await openFile(copyFixture('elasticsearch.yml', dir));
    await diagnosticWithCode(document.uri, 'unknown-setting');
    const oldPid = api.serverPid();
    assert.equal(typeof oldPid, 'number');

    let cleared = false;
    const back = waitFor(
      vscode.languages.onDidChangeDiagnostics,
      (e) => {
        if (!e.uris.some((u) => u.toString() === document.uri.toString())) return false;
        const now = vscode.languages.getDiagnostics(document.uri);
        if (now.length === 0) cleared = true;
        return cleared && now.some((d) => codeOf(d) === 'unknown-setting');
      },
      'diagnostics to be cleared and published again',
      90_000,
    );
    const running = waitFor(api.onDidChangeServerState, (e) => e.newState === RUNNING, 'the server to run again', 90_000);
    process.kill(oldPid as number, 'SIGKILL');

    await running;
    await back;
    const newPid = api.serverPid();
    assert.equal(typeof newPid, 'number');
    assert.notEqual(newPid, oldPid);
  });
});
