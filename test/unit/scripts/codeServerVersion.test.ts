// The code-server version check that gates setup-code-server.sh's stamp: the first run in a fresh HOME prints
// "Wrote default config file ..." before the version, and that must not be taken for the version.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';

const script = path.resolve(__dirname, '../../../scripts/lib/code-server-version.sh');

/** An install folder whose code-server launcher prints `lines` and records its arguments. */
function fakeInstall(root: string, name: string, lines: string[]): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  const launcher = path.join(dir, 'node_modules', '.bin', 'code-server');
  const body = lines.map((l) => `printf '%s\\n' '${l}'`).join('\n');
  fs.writeFileSync(launcher, `#!/bin/sh\necho "$@" > "${dir}/args"\n${body}\n`, { mode: 0o755 });
  return dir;
}

function versionOf(dir: string, home: string): string {
  const r = spawnSync('bash', [script, dir], { encoding: 'utf8', env: { ...process.env, HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

describe('scripts/lib/code-server-version.sh', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-csver-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('a first run: the "Wrote default config file" line before the version is skipped', () => {
    const dir = fakeInstall(root, 'first', [
      '[2026-12-04T10:00:00.000Z] info  Wrote default config file to /home/new/.config/code-server/config.yaml',
      '4.100.3 409c64e0df4d53530e59c16acc2b5d5766f717b0 with Code 1.100.3',
    ]);
    assert.equal(versionOf(dir, root), '4.100.3');
  });

  test('a later run: the version on the first line', () => {
    assert.equal(versionOf(fakeInstall(root, 'later', ['4.100.3 409c64e0df4d53530e59c16acc2b5d5766f717b0 with Code 1.100.3']), root), '4.100.3');
  });

  test('no version line at all: nothing, so the install is not stamped', () => {
    assert.equal(versionOf(fakeInstall(root, 'broken', ['[2026-12-04T10:00:00.000Z] error something went wrong']), root), '');
  });

  test('the check passes its own config file, so nothing is written to HOME', () => {
    const home = fs.mkdtempSync(path.join(root, 'home-'));
    const dir = fakeInstall(root, 'config', ['4.100.3 409c64e0df4d53530e59c16acc2b5d5766f717b0 with Code 1.100.3']);
    versionOf(dir, home);
    assert.match(fs.readFileSync(path.join(dir, 'args'), 'utf8'), new RegExp(`--config ${dir}/version-check.yaml --version`));
    assert.equal(fs.readFileSync(path.join(dir, 'version-check.yaml'), 'utf8'), 'auth: none\n');
    assert.deepEqual(fs.readdirSync(home), []);
  });
});
