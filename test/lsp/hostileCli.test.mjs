// dist/cli.js on files that never end or never open: /dev/zero, a FIFO, /proc/self/pagemap, a 500 MB sparse file.
// Each command must answer with a clear message, exit 1 or 2, within 2 s, and peak under 300 MB of memory.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
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
