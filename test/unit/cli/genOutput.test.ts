// How `estls gen` reads --out (a file, a zip, a folder) and builds certutil's zip layout.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { OutputError, displayPath, placeFiles, planOutput, prepareFolders, showPathFor, zipLayout } from '../../../server/src/cli/genOutput';
import type { GeneratedFile } from '../../../server/src/pki/generate/types';

const file = (p: string, text: string, isPrivate = false): GeneratedFile => ({ path: p, contentBase64: Buffer.from(text).toString('base64'), private: isPrivate });
const MTIME = new Date('2026-05-01T12:00:00Z');

describe('planOutput: --out as certutil reads it', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-plan-'));
    fs.mkdirSync(path.join(dir, 'certs.p12')); // an existing folder wins over the extension
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const table: Array<[string | undefined, string, string]> = [
    [undefined, 'folder', '.'],
    ['elastic-stack-ca.p12', 'file', 'elastic-stack-ca.p12'],
    ['out/node-1.pfx', 'file', 'out/node-1.pfx'],
    ['certificate-bundle.zip', 'zip', 'certificate-bundle.zip'],
    ['B.ZIP', 'zip', 'B.ZIP'],
    ['certs/', 'folder', 'certs'],
    ['certs', 'folder', 'certs'],
    ['certs.p12', 'folder', 'certs.p12'],
    ['new.p12/', 'folder', 'new.p12'],
  ];
  for (const [out, kind, where] of table) {
    test(`${out ?? '(none)'} -> ${kind} ${where}`, () => {
      const plan = planOutput(out, dir);
      assert.equal(plan.kind, kind);
      assert.equal(path.relative(dir, plan.kind === 'folder' ? plan.dir : plan.file) || '.', where);
    });
  }
});

describe('showPathFor: hints name the files where they land', () => {
  const cwd = '/home/u';
  test('a folder shows layout paths under it, relative to the current folder', () => {
    assert.equal(showPathFor({ kind: 'folder', dir: '/home/u/certs' }, cwd)('ca/ca.crt'), 'certs/ca/ca.crt');
  });
  test('a file shows that file whatever the layout name', () => {
    assert.equal(showPathFor({ kind: 'file', file: '/home/u/node-1.p12' }, cwd)('node1.p12'), 'node-1.p12');
  });
  test('a zip shows the path inside it', () => {
    assert.equal(showPathFor({ kind: 'zip', file: '/home/u/b.zip' }, cwd)('ca/ca.crt'), 'ca/ca.crt');
  });
  test('outside the current folder a path stays absolute', () => {
    assert.equal(displayPath('/srv/certs/a.p12', cwd), '/srv/certs/a.p12');
    assert.equal(displayPath('/home/u', cwd), '.');
  });
});

describe('placeFiles', () => {
  const files = [file('n1/n1.crt', 'CERT'), file('n1/n1.key', 'KEY', true)];
  test('a file path for several files is refused, naming the folder and zip forms', () => {
    assert.throws(() => placeFiles({ kind: 'file', file: '/x/bundle.p12' }, files, MTIME), (e: Error) => e instanceof OutputError && /makes 2 files .*--out bundle\/.*--out bundle\.zip/.test(e.message));
  });
  test('a folder keeps each file\'s mode: keys 0600, certificates 0644', () => {
    const placed = placeFiles({ kind: 'folder', dir: '/x' }, files, MTIME);
    assert.deepEqual(placed.map((p) => [p.target, p.mode]), [['/x/n1/n1.crt', 0o644], ['/x/n1/n1.key', 0o600]]);
  });
  test('a zip holding a key is 0600, one without is 0644', () => {
    assert.equal(placeFiles({ kind: 'zip', file: '/x/b.zip' }, files, MTIME)[0].mode, 0o600);
    assert.equal(placeFiles({ kind: 'zip', file: '/x/b.zip' }, [files[0]], MTIME)[0].mode, 0o644);
  });
});

describe('zipLayout: certutil\'s zip', () => {
  test('folder entries, then files, with the bytes and Unix modes kept', () => {
    const zip = zipLayout([file('ca/ca.crt', 'CA'), file('ca/ca.key', 'CAKEY', true), file('README.txt', 'read me')], MTIME);
    const entries = unzipSync(zip);
    assert.deepEqual(Object.keys(entries), ['ca/', 'ca/ca.crt', 'ca/ca.key', 'README.txt']);
    assert.equal(Buffer.from(entries['ca/ca.key']).toString(), 'CAKEY');
    // External attributes of each central directory entry: the Unix mode in the top 16 bits.
    const modes = centralModes(zip);
    assert.deepEqual(modes, { 'ca/': 0o40755, 'ca/ca.crt': 0o100644, 'ca/ca.key': 0o100600, 'README.txt': 0o100644 });
  });
});

describe('prepareFolders: a missing parent only with --mkdirs', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-mkdirs-'));
    fs.writeFileSync(path.join(dir, 'plain'), 'x');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('refuses a missing parent without --mkdirs and names it', () => {
    assert.throws(() => prepareFolders({ kind: 'file', file: path.join(dir, 'a/b/ca.p12') }, false), /Directory .*a\/b does not exist; add --mkdirs/);
  });
  test('accepts it with --mkdirs (the writer makes it)', () => {
    prepareFolders({ kind: 'file', file: path.join(dir, 'a/b/ca.p12') }, true);
  });
  test('a new output folder whose parent exists needs nothing', () => {
    prepareFolders({ kind: 'folder', dir: path.join(dir, 'new') }, false);
  });
  test('a file where a folder must be is refused as certutil does', () => {
    assert.throws(() => prepareFolders({ kind: 'file', file: path.join(dir, 'plain/ca.p12') }, true), /exists, but is not a directory/);
    assert.throws(() => prepareFolders({ kind: 'folder', dir: path.join(dir, 'plain') }, false), /exists, but is not a directory/);
  });
});

/** Reads the central directory (APPNOTE 4.3.12) for each entry's name and Unix mode. */
function centralModes(zip: Uint8Array): Record<string, number> {
  const b = Buffer.from(zip);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  const out: Record<string, number> = {};
  for (let n = b.readUInt16LE(end + 10); n > 0; n--) {
    assert.equal(b.readUInt32LE(at), 0x02014b50);
    const nameLength = b.readUInt16LE(at + 28);
    const skip = nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    out[b.toString('utf8', at + 46, at + 46 + nameLength)] = b.readUInt32LE(at + 38) >>> 16;
    at += 46 + skip;
  }
  return out;
}
