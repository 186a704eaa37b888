// The test/vscode mocha suite, run inside code-server's real extension host with this repository as
// the development extension and a temp copy of test/vscode/fixtures/ as the workspace (EMPTY
// extensions folder, so no installed copy of Elastic TLS runs beside it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/codeServer.mjs';
import { runExtensionTests } from '../runners/codeServerTests.mjs';

// mocha colours its reporter output; the escape character is built, not written, for the linter
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const stripAnsi = (line) => line.replace(ansi, '');
const suiteEntry = path.join(repoRoot, 'out', 'test', 'vscode', 'index.js');

test('the test/vscode suite passes in the real extension host', { timeout: 600_000 }, async () => {
  // ESTLS_E2E_PREBUILT: `npm run test:e2e` has already built dist/ and the suite
  if (!process.env.ESTLS_E2E_PREBUILT) {
    for (const command of [['npm', ['run', '--silent', 'build']], ['node', ['test/vscode/build.mjs']]]) {
      const result = spawnSync(command[0], command[1], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(result.status, 0, `${command.flat().join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    }
  }
  assert.ok(fs.existsSync(suiteEntry), `${suiteEntry} exists (built by test/vscode/build.mjs)`);
  const output = [];
  const code = await runExtensionTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteEntry,
    folder: path.join(repoRoot, 'test', 'vscode', 'fixtures'),
    copyFolder: true,
    timeoutMs: 300_000,
    onLog: (line) => output.push(stripAnsi(line)),
  });
  const summary = output.filter((line) => /^\s*(\d+ passing|\d+ failing|\d+ pending)/.test(line));
  console.log(output.filter((line) => /^\s*(✔|✓|\d+\) |\d+ passing|\d+ failing|\d+ pending)/.test(line)).join('\n'));
  assert.equal(code, 0, `the suite's exit code is 0\n${output.join('\n')}`);
  assert.ok(summary.some((line) => /[1-9]\d* passing/.test(line)), `mocha reported passing tests\n${output.join('\n')}`);
});
