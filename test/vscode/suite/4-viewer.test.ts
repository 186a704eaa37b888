// The certificate viewer and stored passwords: a PEM certificate opens straight away, a protected P12 asks for its
// password, Unlock Keystore checks the password with the server, and Forget Stored Passwords locks it again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ElasticTlsApi } from '../../../client/src/extension';
import type { UnlockResult } from '../../../client/src/commands/unlockKeystore';
import { activeApi, closeEditors, generate, removeDir, tempDir, waitFor } from '../helpers';

const PASSWORD = 'viewer-pass-7';

/** Opens `file` in the viewer and resolves with what the viewer ends up showing. */
async function openInViewer(api: ElasticTlsApi, file: string): Promise<string> {
  const uri = vscode.Uri.file(file);
  const shown = waitFor(api.onDidChangeViewerState, (e) => e.uri.toString() === uri.toString() && e.state !== 'loading', `the viewer for ${path.basename(file)}`);
  assert.equal(await vscode.commands.executeCommand('elasticTls.openCertificate', uri), true);
  return (await shown).state;
}

suite('certificate viewer and passwords', () => {
  let api: ElasticTlsApi;
  let dir: string;
  let p12: string;
  let crt: string;

  suiteSetup(async () => {
    api = await activeApi();
    dir = tempDir('viewer');
    const ca = await generate('elasticTls.generateCa', { outputDir: path.join(dir, 'p12'), password: PASSWORD });
    assert.equal(ca.status, 'written', JSON.stringify(ca.error));
    p12 = ca.written[0];
    const pem = await generate('elasticTls.generateCa', { outputDir: path.join(dir, 'pem'), format: 'pem' });
    assert.equal(pem.status, 'written', JSON.stringify(pem.error));
    crt = pem.written.find((f) => f.endsWith('.crt')) as string;
    await vscode.commands.executeCommand('elasticTls.forgetPasswords');
  });

  teardown(closeEditors);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('elasticTls.forgetPasswords');
    removeDir(dir);
  });

  test('shows a PEM certificate', async () => {
    assert.equal(await openInViewer(api, crt), 'certificate');
  });

  test('is the default editor for .p12 files', async () => {
    const uri = vscode.Uri.file(p12);
    const shown = waitFor(api.onDidChangeViewerState, (e) => e.uri.toString() === uri.toString() && e.state !== 'loading', 'the viewer');
    await vscode.commands.executeCommand('vscode.open', uri);
    assert.equal((await shown).state, 'password');
  });

  test('asks for the password of a protected P12', async () => {
    assert.equal(await openInViewer(api, p12), 'password');
  });

  test('Unlock Keystore refuses a wrong password and stores the right one', async () => {
    const wrong = await vscode.commands.executeCommand<UnlockResult>('elasticTls.unlockKeystore', { path: p12, password: 'nope' });
    assert.deepEqual(wrong, { unlocked: false, message: 'Wrong password' });
    const right = await vscode.commands.executeCommand<UnlockResult>('elasticTls.unlockKeystore', { path: p12, password: PASSWORD });
    assert.deepEqual(right, { unlocked: true });
    assert.equal(await openInViewer(api, p12), 'certificate');
  });

  test('no password reaches the log', function () {
    const dir = api.logUri.fsPath;
    if (!fs.existsSync(dir)) this.skip();
    const logs = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.log'));
    const text = logs.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    assert.match(text, /Language server ready/, `the log was found in ${dir}`);
    assert.ok(!text.includes(PASSWORD));
    assert.ok(!text.includes('nope'));
  });

  test('Forget Stored Passwords locks the P12 again', async () => {
    const count = await vscode.commands.executeCommand<number>('elasticTls.forgetPasswords');
    assert.ok((count ?? 0) >= 1);
    assert.equal(await openInViewer(api, p12), 'password');
  });
});
