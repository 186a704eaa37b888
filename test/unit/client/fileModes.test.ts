import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { canSetModes, createWithMode, enforceMode, modeFor, tempFileName } from '../../../client/src/generate/fileModes';

describe("the extension's file modes", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'estls-modes-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const umask of [0o000, 0o077, 0o022]) {
    test(`keys 0600 and public files 0644 under umask ${umask.toString(8).padStart(3, '0')}`, () => {
      const old = process.umask(umask);
      try {
        for (const isPrivate of [true, false]) {
          const file = path.join(dir, `${umask}-${isPrivate}`);
          createWithMode(file, modeFor(isPrivate));
          // The editor's own write (workspace.fs.writeFile) replaces the content; the mode is then enforced.
          appendFileSync(file, 'bytes');
          enforceMode(file, modeFor(isPrivate));
          assert.equal(statSync(file).mode & 0o777, isPrivate ? 0o600 : 0o644);
        }
      } finally {
        process.umask(old);
      }
    });
  }

  test('a key is created 0600 before any byte is written', () => {
    const old = process.umask(0);
    try {
      const file = path.join(dir, 'early.key');
      createWithMode(file, modeFor(true));
      assert.equal(statSync(file).size, 0);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.throws(() => createWithMode(file, 0o600), /EEXIST/, 'never reuses a file that is there');
    } finally {
      process.umask(old);
    }
  });

  test('modes are set on file: URIs only, and temporary names stay short', () => {
    assert.deepEqual(['file', 'vscode-remote', 'vscode-vfs', 'untitled'].map(canSetModes), [true, false, false, false]);
    assert.equal(tempFileName('0123456789abcdef'), '.estls-0123456789abcdef.tmp');
  });
});
