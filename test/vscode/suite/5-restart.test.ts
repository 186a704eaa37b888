// Crash recovery: when the language server process dies, the client starts a new one, the open file's diagnostics
// come back (the client clears them while the server is gone, then the new server publishes them), and the stored
// passwords reach the new server (a hover on a protected keystore still reads it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { UnlockResult } from '../../../client/src/commands/unlockKeystore';
import {
  activeApi,
  closeEditors,
  codeOf,
  copyFixture,
  diagnosticWithCode,
  generate,
  hoverText,
  openFile,
  positionOf,
  removeDir,
  tempDir,
  waitFor,
} from '../helpers';

const RUNNING = 2; // vscode-languageclient State.Running
const PASSWORD = 'restart-pass-3';
const CA_NAME = 'Estls Restart CA';

suite('server crash recovery', () => {
  let dir: string;

  suiteSetup(() => {
    dir = tempDir('restart');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('elasticTls.forgetPasswords');
    await closeEditors();
    removeDir(dir);
  });

  test('a killed server is restarted, diagnostics come back and stored passwords are sent again', async function () {
    this.timeout(120_000);
    const api = await activeApi();
    const ca = await generate('elasticTls.generateCa', { outputDir: dir, password: PASSWORD, caDn: `CN=${CA_NAME}` });
    assert.equal(ca.status, 'written', JSON.stringify(ca.error));
    const yml = copyFixture('elasticsearch.yml', dir);
    fs.appendFileSync(yml, `xpack.security.http.ssl.keystore.path: ${path.basename(ca.written[0])}\n`);
    const document = await openFile(yml);
    await diagnosticWithCode(document.uri, 'unknown-setting');
    const keystoreAt = positionOf(document, 'elastic-stack-ca.p12', 2);
    assert.doesNotMatch(await hoverText(document.uri, keystoreAt), new RegExp(CA_NAME), 'locked before the password is stored');
    const unlocked = await vscode.commands.executeCommand<UnlockResult>('elasticTls.unlockKeystore', { path: ca.written[0], password: PASSWORD });
    assert.deepEqual(unlocked, { unlocked: true });
    assert.match(await hoverText(document.uri, keystoreAt), new RegExp(CA_NAME));

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
    assert.match(await hoverText(document.uri, keystoreAt), new RegExp(CA_NAME), 'the new server has the stored password');
  });
});
