// The code-server runner itself: a failing or hanging suite gives a failing result, and no server
// process outlives the run. Uses a throw-away extension written to a temp folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExtensionTests } from '../runners/codeServerTests.mjs';

let root;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-runner-'));
  const ext = path.join(root, 'ext');
  fs.mkdirSync(ext);
  fs.writeFileSync(path.join(ext, 'package.json'), JSON.stringify({
    name: 'runner-probe', publisher: 'estls-tests', version: '0.0.1', engines: { vscode: '^1.100.0' }, main: './main.js',
  }));
  fs.writeFileSync(path.join(ext, 'main.js'), 'exports.activate = () => {};\n');
  // run() fails when the workspace folder is named "fails" and never settles when it is named "hangs"
  fs.writeFileSync(path.join(ext, 'suite.js'), [
    "const vscode = require('vscode');",
    'exports.run = () => {',
    "  const name = require('path').basename(vscode.workspace.workspaceFolders[0].uri.fsPath);",
    "  console.log('probe suite in', name);",
    "  if (name === 'fails') return Promise.reject(new Error('probe failure'));",
    "  if (name === 'hangs') return new Promise(() => {});",
    '  return Promise.resolve();',
    '};',
  ].join('\n'));
  for (const name of ['fails', 'hangs']) fs.mkdirSync(path.join(root, name));
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

/** Processes whose command line mentions `text` (the workspace folder is on code-server's). */
function processesMentioning(text) {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(text));
}

const cases = [
  { folder: 'fails', expected: 1, timeoutMs: 120_000 },
  { folder: 'hangs', expected: 'timeout', timeoutMs: 15_000 },
];

for (const { folder, expected, timeoutMs } of cases) {
  test(`a suite that ${folder} gives ${expected} and leaves no process behind`, async () => {
    const workspace = path.join(root, folder);
    const lines = [];
    const code = await runExtensionTests({
      extensionDevelopmentPath: path.join(root, 'ext'),
      extensionTestsPath: path.join(root, 'ext', 'suite.js'),
      folder: workspace,
      timeoutMs,
      onLog: (line) => lines.push(line),
    });
    assert.equal(code, expected);
    assert.ok(lines.some((line) => line.includes(`probe suite in ${folder}`)), `the suite ran:\n${lines.join('\n')}`);
    assert.deepEqual(processesMentioning(workspace), []);
  });
}
