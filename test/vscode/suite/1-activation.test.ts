// The extension activates in a workspace with an elasticsearch.yml, starts its server and registers its commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeApi, EXTENSION_ID } from '../helpers';

suite('activation', () => {
  test('activates and starts the language server', async () => {
    const api = await activeApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.equal(typeof api.serverPid(), 'number');
    const ms = api.startupMs();
    assert.equal(typeof ms, 'number');
    console.log(`      activate() to language server ready: ${ms} ms`);
    const logDir = api.logUri.fsPath;
    const logs = fs.existsSync(logDir) ? (fs.readdirSync(logDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.log')) : [];
    const activated = logs.map((f) => /Activated in (\d+) ms/.exec(fs.readFileSync(path.join(logDir, f), 'utf8'))?.[1]).find(Boolean);
    if (activated) console.log(`      activate() itself: ${activated} ms`);
  });

  test('registers every command the manifest declares', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const declared: Array<{ command: string }> = extension?.packageJSON.contributes.commands ?? [];
    assert.ok(declared.length >= 9);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  test('copies a string to the clipboard with elasticTls.copyCommand', async () => {
    const copied = await vscode.commands.executeCommand<boolean>('elasticTls.copyCommand', 'bin/elasticsearch-keystore list');
    assert.equal(copied, true);
    assert.equal(await vscode.env.clipboard.readText(), 'bin/elasticsearch-keystore list');
  });
});
