import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quietLogLine } from '../../../server/src/lsp/rpcLog';

describe('the server log keeps no values of bad messages', () => {
  test('an invalid message keeps its method and id only', () => {
    const dump = JSON.stringify({ jsonrpc: '2.0', id: 'x1', method: 'estls/generate', params: { password: 'hunter2' } }, null, 4);
    const line = quietLogLine(`Received message which is neither a response nor a notification message:\n${dump}`);
    assert.equal(line, 'Received message which is neither a response nor a notification message: method "estls/generate", id "x1"');
  });

  test('an id or method that is not text is left out; a response error is dropped', () => {
    const dump = JSON.stringify({ id: { secret: 'hunter2' }, method: 42, params: 'hunter2' });
    assert.equal(quietLogLine(`Received message which is neither a response nor a notification message:\n${dump}`).includes('hunter2'), false);
    const error = JSON.stringify({ code: 1, message: 'hunter2' }, null, 4);
    assert.equal(quietLogLine(`Received response message without id: Error is: \n${error}`), 'Received response message without id: Error is: (no method or id)');
  });

  test("Node's argument errors keep the type, not the value", () => {
    const message = 'Generating certificates failed: The "password" argument must be of type string or an instance of Buffer. Received type number (987654321)';
    assert.equal(quietLogLine(message), 'Generating certificates failed: The "password" argument must be of type string or an instance of Buffer. Received a number (not shown)');
    assert.equal(quietLogLine("x. Received 'hunter2'").includes('hunter2'), false);
  });

  test('other lines are only masked and escaped', () => {
    assert.equal(quietLogLine('Elastic TLS started: 1 workspace folder(s).'), 'Elastic TLS started: 1 workspace folder(s).');
    assert.equal(quietLogLine('Failed on https://u:pw@h\x1b[0m'), 'Failed on https://u:***@h\\u001b[0m');
  });
});
