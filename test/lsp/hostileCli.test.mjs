// dist/cli.js on files that never end or never open: /dev/zero, a FIFO, /proc/self/pagemap, a 500 MB sparse file.
// Each command must answer with a clear message, exit 1 or 2, within 2 s, and peak under 300 MB of memory.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cliPath } from './lspClient.mjs';

const MAX_PEAK_KB = 300 * 1024;
const MAX_MS = 2000;

/**
 * Runs the CLI with a preload that writes the process's own /proc/self/status (VmHWM: peak resident memory) to
 * a file as it exits, so the peak is read even for a run that lasts milliseconds. A generous kill timer keeps a
 * hung run from hanging the suite; the 2 s bound is asserted on its own.
 */
function runMeasured(dir, args) {
  const statusFile = path.join(dir, `status-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', path.join(dir, 'peak.cjs'), cliPath, ...args], {
      cwd: dir,
      env: { ...process.env, ESTLS_STATUS_FILE: statusFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (status, signal) => {
      clearTimeout(killer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status_ = fs.existsSync(statusFile) ? fs.readFileSync(statusFile, 'utf8') : '';
      const peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(status_)?.[1] ?? NaN);
      resolve({ status, signal, ms, peakKb, stdout, stderr });
    });
  });
}

describe('dist/cli.js on hostile files', () => {
  let dir;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-hostile-cli-'));
    fs.writeFileSync(
      path.join(dir, 'peak.cjs'),
      "process.on('exit', () => require('fs').writeFileSync(process.env.ESTLS_STATUS_FILE, require('fs').readFileSync('/proc/self/status')));\n",
    );
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    const fd = fs.openSync(path.join(dir, 'sparse'), 'w');
    fs.ftruncateSync(fd, 500 * 1024 * 1024);
    fs.closeSync(fd);
    fs.symlinkSync('/proc/self/pagemap', path.join(dir, 'pagemap'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const inputs = [
    ['/dev/zero', '/dev/zero', /character device, not a regular file/],
    ['a FIFO', 'fifo', /FIFO \(named pipe\), not a regular file/],
    ['a link to /proc/self/pagemap', 'pagemap', /system file under \/proc or \/sys/],
    ['a 500 MB sparse file', 'sparse', /larger than \d+ MB/],
  ];
  const commands = [
    ['inspect', (f) => ['inspect', f]],
    ['check', (f) => ['check', '--product', 'elasticsearch', f]],
    ['gen --ca', (f) => ['gen', 'cert', '--ca', f, '--ca-pass', '', '--name', 'node', '--out', 'out-ca']],
    ['gen --in', (f) => ['gen', 'cert', '--in', f, '--self-signed', '--out', 'out-in']],
  ];
  for (const [inputName, file, message] of inputs) {
    for (const [commandName, argsOf] of commands) {
      test(`${commandName} on ${inputName}: a clear message, exit 1 or 2, within 2 s, peak under 300 MB`, async () => {
        const r = await runMeasured(dir, argsOf(file));
        assert.equal(r.signal, null, `killed by ${r.signal}`);
        assert.ok(r.status === 1 || r.status === 2, `exit ${r.status}: ${r.stderr}`);
        assert.match(r.stdout + r.stderr, message);
        assert.ok(r.peakKb < MAX_PEAK_KB, `peak ${r.peakKb} kB`);
        assert.ok(r.ms < MAX_MS, `took ${Math.round(r.ms)} ms`);
        assert.equal(fs.existsSync(path.join(dir, 'out-ca')) || fs.existsSync(path.join(dir, 'out-in')), false, 'nothing is written');
      });
    }
  }
});

describe('dist/cli.js prints text from files terminal-safe, and refuses or writes long names cleanly', () => {
  let dir;
  const run = (...args) => spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  // ESC, BEL and the C1 CSI are what a terminal obeys; none may reach it raw.
  // eslint-disable-next-line no-control-regex -- the raw bytes are what the test looks for
  const RAW_CONTROL = /[\x07\x1b\x9b]/;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-terminal-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('inspect shows a DNS name and a subject with ESC escaped', () => {
    const esc = '\x1b';
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'esc.key', '-out', 'esc.crt', '-days', '30',
      '-subj', `/CN=red${esc}[31mtext`, '-addext', `subjectAltName=DNS:a${esc}[31mb`], { cwd: dir, stdio: 'ignore' });
    const r = run('inspect', 'esc.crt');
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.match(r.stdout, /dns:a\\u001b\[31mb/);
  });

  test('gen --in names an instance with ESC and OSC bytes escaped', () => {
    fs.writeFileSync(path.join(dir, 'instances.yml'), 'instances:\n  - name: "n\\e]0;pwned\\a\\e[31m"\n');
    const r = run('gen', 'cert', '--in', 'instances.yml', '--self-signed', '--key-type', 'ec', '--out', 'esc-out');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    assert.match(r.stderr, /n\\u001b\]0;pwned\\u0007/);
    assert.equal(fs.existsSync(path.join(dir, 'esc-out')), false);
  });

  test('check echoes a setting value with ESC escaped', () => {
    fs.writeFileSync(path.join(dir, 'elasticsearch.yml'), 'xpack.security.http.ssl.verification_mode: "fu\\e[2Jll"\n');
    for (const format of ['text', 'json']) {
      const r = run('check', '--format', format, 'elasticsearch.yml');
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, RAW_CONTROL);
      assert.match(r.stdout, /fu\\+u001b\[2Jll/);
    }
  });

  test('a name of 251 characters (the certutil limit) is written as a 255-byte file name; 252 is refused and nothing is made', () => {
    const longest = 'n'.repeat(251);
    const ok = run('gen', 'cert', '--self-signed', '--key-type', 'ec', '--name', longest, '--pass', '', '--out', 'long/');
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'long')), [`${longest}.p12`]);
    const tooLong = run('gen', 'cert', '--self-signed', '--key-type', 'ec', '--name', `${longest}n`, '--pass', '', '--out', 'longer/');
    assert.equal(tooLong.status, 1, tooLong.stdout + tooLong.stderr);
    assert.match(tooLong.stderr, /is not a valid filename/);
    assert.equal(fs.existsSync(path.join(dir, 'longer')), false);
  });
});
