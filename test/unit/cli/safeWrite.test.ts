import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { WriteFailure, writeAllOrNothing } from '../../../server/src/cli/safeWrite';

describe('writing generated files all or nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'estls-write-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const bytes = new Uint8Array([1, 2, 3]);

  test('keys get 0600 and public files 0644 whatever the umask', () => {
    const old = process.umask(0);
    try {
      const out = path.join(dir, 'modes');
      writeAllOrNothing([{ target: path.join(out, 'node.key'), bytes, mode: 0o600 }, { target: path.join(out, 'node.crt'), bytes, mode: 0o644 }]);
      assert.equal(statSync(path.join(out, 'node.key')).mode & 0o777, 0o600);
      assert.equal(statSync(path.join(out, 'node.crt')).mode & 0o777, 0o644);
    } finally {
      process.umask(old);
    }
  });

  test('a file name of 255 bytes (certutil allows 251 plus .p12) is written, with no temporary file left', () => {
    const name = `${'n'.repeat(251)}.p12`;
    const out = path.join(dir, 'long');
    writeAllOrNothing([{ target: path.join(out, name), bytes, mode: 0o600 }]);
    assert.deepEqual(readdirSync(out), [name]);
  });

  test('a failure midway removes the files written and the folders made, and says nothing was kept', () => {
    const out = path.join(dir, 'fails', 'deep');
    const taken = path.join(dir, 'taken.crt');
    writeFileSync(taken, 'mine');
    const told: string[] = [];
    assert.throws(
      () => writeAllOrNothing([{ target: path.join(out, 'a.crt'), bytes, mode: 0o644 }, { target: taken, bytes, mode: 0o644 }], (f) => told.push(f.target)),
      (e: unknown) => e instanceof WriteFailure && e.code === 'EEXIST' && e.left.length === 0 && /nothing was kept/.test(e.message),
    );
    assert.deepEqual(told, [path.join(out, 'a.crt')]);
    assert.equal(existsSync(path.join(dir, 'fails')), false, 'the folders this run made are gone');
    assert.equal(readdirSync(dir).includes('taken.crt'), true, 'the file that was there stays');
  });

  test('a name the file system refuses leaves no folder behind', () => {
    const out = path.join(dir, 'toolong');
    assert.throws(
      () => writeAllOrNothing([{ target: path.join(out, `${'x'.repeat(256)}.crt`), bytes, mode: 0o644 }]),
      (e: unknown) => e instanceof WriteFailure && e.code === 'ENAMETOOLONG' && e.left.length === 0,
    );
    assert.equal(existsSync(out), false);
  });
});
