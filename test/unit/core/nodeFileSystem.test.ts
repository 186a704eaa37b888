import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { nodeFileSystem } from '../../../server/src/core/nodeFileSystem';

describe('the real file system', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'estls-fs-'));
  const file = path.join(dir, 'ca.crt');
  writeFileSync(file, 'hello');
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<{ name: string; at: string; expected: { isFile: boolean; isDirectory: boolean; size?: number } | undefined }> = [
    { name: 'a file', at: file, expected: { isFile: true, isDirectory: false, size: 5 } },
    { name: 'a directory', at: dir, expected: { isFile: false, isDirectory: true } },
    { name: 'a missing path', at: path.join(dir, 'missing.crt'), expected: undefined },
    { name: 'a path under a file', at: path.join(file, 'inside'), expected: undefined },
  ];
  for (const c of cases) {
    test(`stat of ${c.name}`, () => {
      const s = nodeFileSystem.stat(c.at);
      if (!c.expected) return assert.equal(s, undefined);
      assert.ok(s);
      assert.equal(s.isFile, c.expected.isFile);
      assert.equal(s.isDirectory, c.expected.isDirectory);
      if (c.expected.size !== undefined) assert.equal(s.size, c.expected.size);
    });
  }

  test('readFile of a missing path is undefined, of a file its bytes', () => {
    assert.equal(nodeFileSystem.readFile(path.join(dir, 'missing.crt'), 'pki'), undefined);
    assert.equal(Buffer.from(nodeFileSystem.readFile(file, 'pki') ?? []).toString(), 'hello');
  });
});
