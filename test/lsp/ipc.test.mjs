// VS Code starts the server with --node-ipc (TransportKind.ipc); the same server must answer over that transport.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { test } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { serverPath } from './lspClient.mjs';

test('initialize, hover and shutdown over node IPC', async () => {
  const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { validationDelay: 0 } });
    assert.equal(init.serverInfo.name, 'Elastic TLS');
    connection.sendNotification('initialized', {});
    const uri = 'file:///tmp/estls-ipc/elasticsearch.yml';
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'xpack.security.enabled: true\n' } });
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.match(hover.contents.value, /xpack\.security\.enabled/);
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
  }
});
