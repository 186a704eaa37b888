// Runs the bundled dist/cli.js as users do: output formats and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cliPath } from './lspClient.mjs';

describe('dist/cli.js', () => {
  let dir;
  const run = (...args) => spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-cli-'));
    fs.mkdirSync(path.join(dir, 'bad'));
    fs.mkdirSync(path.join(dir, 'good'));
    fs.writeFileSync(path.join(dir, 'bad', 'elasticsearch.yml'), 'xpack.security.enabled: true\nxpack.security:\n  http.ssl.verfication_mode: full\n');
    fs.writeFileSync(path.join(dir, 'good', 'elasticsearch.yml'), 'xpack.security.enabled: true\n');
    fs.writeFileSync(path.join(dir, 'settings.yml'), 'xpack.security.enabled: true\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('text output: file:line:col severity ruleId message, exit 1 on errors', () => {
    const r = run('check', 'bad/elasticsearch.yml');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^bad\/elasticsearch\.yml:3:3 error unknown-setting /m);
  });

  test('JSON output parses and carries 1-based ranges', () => {
    const r = run('check', '--format', 'json', 'bad/elasticsearch.yml');
    assert.equal(r.status, 1);
    const entry = JSON.parse(r.stdout).find((e) => e.ruleId === 'unknown-setting');
    assert.deepEqual([entry.file, entry.line, entry.column, entry.endLine, entry.endColumn], ['bad/elasticsearch.yml', 3, 3, 3, 28]);
  });

  test('exit 0 for a clean file', () => {
    const r = run('check', 'good/elasticsearch.yml');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });

  const cantRun = [
    ['an unknown product', ['check', '--product', 'beats', 'good/elasticsearch.yml']],
    ['a name that says no product', ['check', 'settings.yml']],
    ['a missing file', ['check', 'missing/elasticsearch.yml']],
    ['no arguments', []],
    ['an unknown command', ['frobnicate']],
  ];
  for (const [name, args] of cantRun) {
    test(`exit 2 for ${name}`, () => {
      const r = run(...args);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.notEqual(r.stderr, '');
    });
  }

  test('a missing file: "no such file" and no summary of files never checked', () => {
    const r = run('check', 'missing/elasticsearch.yml');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'estls check: missing/elasticsearch.yml: no such file\n');
  });

  test('inspect on a folder says it is a folder, not EISDIR', () => {
    const r = run('inspect', 'good');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^estls inspect: good: is a folder/);
    assert.doesNotMatch(r.stderr, /EISDIR/);
  });

  test('gen ca --out elastic-stack-ca.p12 writes that file, and the hint it prints works as printed', () => {
    const ca = run('gen', 'ca', '--key-type', 'ec', '--out', 'elastic-stack-ca.p12', '--pass', '');
    assert.equal(ca.status, 0, ca.stderr);
    assert.ok(fs.statSync(path.join(dir, 'elastic-stack-ca.p12')).isFile());
    const hint = ca.stdout.split('\n').find((l) => l.includes('estls gen cert '));
    const words = hint.slice(hint.indexOf('estls gen cert ') + 'estls '.length).trim().split(/\s+/);
    const cert = run(...words, '--key-type', 'ec');
    assert.equal(cert.status, 0, cert.stderr);
    assert.doesNotMatch(cert.stderr, /EISDIR/);
  });

  test('--product overrides the name', () => {
    assert.equal(run('check', '--product', 'elasticsearch', 'settings.yml').status, 0);
  });

  test('--version and --help', () => {
    const version = run('--version');
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /estls <command>/);
  });
});
