// The server's snapshot of the disk: answers kept between checks until cleared or too old; errors never kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileStat, FileSystem } from '../../../server/src/core/environment';
import { FileSnapshot } from '../../../server/src/lsp/fileSnapshot';

function countingFs(files: Map<string, string>, calls: string[]): FileSystem {
  return {
    stat(p): FileStat | undefined {
      calls.push(`stat ${p}`);
      if (p === '/refused') throw new Error('refused');
      const body = files.get(p);
      return body === undefined ? undefined : { size: body.length, mtimeMs: 1, isFile: true, isDirectory: false };
    },
    readFile(p, kind) {
      calls.push(`read ${kind} ${p}`);
      const body = files.get(p);
      return body === undefined ? undefined : new TextEncoder().encode(body);
    },
    listDir(p, max) {
      calls.push(`list ${p}`);
      return [...files.keys()].filter((f) => f.startsWith(`${p}/`)).slice(0, max).map((f) => ({ name: f.slice(p.length + 1), isDirectory: false }));
    },
  };
}

test('keeps stats, listings and settings reads until cleared or older than its age limit', () => {
  const files = new Map([['/d/a.yml', 'a: 1']]);
  const calls: string[] = [];
  let now = 0;
  const snapshot = new FileSnapshot(countingFs(files, calls), 1000, () => now);
  const v0 = snapshot.version;
  assert.equal(snapshot.stat('/d/a.yml')?.size, 4);
  assert.equal(snapshot.stat('/d/missing'), undefined);
  assert.deepEqual(snapshot.listDir?.('/d', 10), [{ name: 'a.yml', isDirectory: false }]);
  assert.equal(new TextDecoder().decode(snapshot.readFile('/d/a.yml', 'settings')), 'a: 1');
  const first = calls.length;
  files.set('/d/missing', 'now here');
  // Asked again within the age limit: no call reaches the disk, and the answers are the ones seen before.
  now = 999;
  assert.equal(snapshot.stat('/d/a.yml')?.size, 4);
  assert.equal(snapshot.stat('/d/missing'), undefined);
  assert.deepEqual(snapshot.listDir?.('/d', 10), [{ name: 'a.yml', isDirectory: false }]);
  snapshot.readFile('/d/a.yml', 'settings')![0] = 0;
  assert.equal(new TextDecoder().decode(snapshot.readFile('/d/a.yml', 'settings')), 'a: 1', 'a caller cannot change the kept bytes');
  assert.equal(calls.length, first);
  assert.equal(snapshot.version, v0);
  // Certificate reads are not kept (their cache keys on the stat), nor are errors.
  snapshot.readFile('/d/a.yml', 'pki');
  snapshot.readFile('/d/a.yml', 'pki');
  assert.throws(() => snapshot.stat('/refused'));
  assert.throws(() => snapshot.stat('/refused'));
  assert.equal(calls.length, first + 4);
  // Too old: everything is asked again.
  now = 2001;
  assert.equal(snapshot.stat('/d/missing')?.size, 8);
  assert.notEqual(snapshot.version, v0);
  // Cleared (a watched file changed): asked again at once.
  const v1 = snapshot.version;
  files.delete('/d/missing');
  snapshot.clear();
  assert.equal(snapshot.stat('/d/missing'), undefined);
  assert.notEqual(snapshot.version, v1);
});

test('once too old, it asks the disk again but keeps its generation when every answer is the same', () => {
  const files = new Map([['/d/a.yml', 'a: 1']]);
  const calls: string[] = [];
  let now = 0;
  const snapshot = new FileSnapshot(countingFs(files, calls), 1000, () => now);
  const v0 = snapshot.version;
  snapshot.stat('/d/a.yml');
  snapshot.stat('/d/missing');
  snapshot.listDir?.('/d', 10);
  snapshot.readFile('/d/a.yml', 'settings');
  calls.length = 0;
  now = 1500;
  assert.equal(snapshot.stat('/d/a.yml')?.size, 4);
  assert.equal(snapshot.version, v0, 'nothing changed on disk: answers made from files still hold');
  assert.deepEqual(calls.sort(), ['list /d', 'read settings /d/a.yml', 'stat /d/a.yml', 'stat /d/missing'], 'every kept answer was asked again, once');
  // Within the age limit again: nothing is asked.
  calls.length = 0;
  now = 2000;
  snapshot.stat('/d/a.yml');
  assert.deepEqual(calls, []);
  // A read whose bytes changed (same size) moves the generation.
  files.set('/d/a.yml', 'a: 2');
  now = 3000;
  assert.equal(new TextDecoder().decode(snapshot.readFile('/d/a.yml', 'settings')), 'a: 2');
  assert.notEqual(snapshot.version, v0);
  // So does a listing that gained a file.
  const v1 = snapshot.version;
  assert.equal(snapshot.listDir?.('/d', 10)?.length, 1);
  files.set('/d/b.yml', 'b: 1');
  now = 4500;
  assert.equal(snapshot.listDir?.('/d', 10)?.length, 2);
  assert.notEqual(snapshot.version, v1);
});
