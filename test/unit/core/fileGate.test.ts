import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { Confinement, FileGateError, READ_LIMITS, isFileGateError, readBounded, readBoundedText, readRegularFile } from '../../../server/src/core/fileGate';
import { createNodeFileSystem, nodeFileSystem } from '../../../server/src/core/nodeFileSystem';

function refusedWith(code: FileGateError['code'], pattern: RegExp): (e: unknown) => boolean {
  return (e) => {
    assert.ok(isFileGateError(e), `expected a FileGateError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.match(e.message, pattern);
    return true;
  };
}

describe('the file gate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'estls-gate-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'ca.crt');
  writeFileSync(file, 'hello');

  test('reads a regular file whole, and a missing one as undefined', () => {
    assert.equal(Buffer.from(readRegularFile(file, 'pki') ?? []).toString(), 'hello');
    assert.equal(readRegularFile(path.join(dir, 'missing.crt'), 'pki'), undefined);
  });

  test('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = path.join(dir, 'pipe.crt');
    execFileSync('mkfifo', [fifo]);
    assert.throws(() => nodeFileSystem.readFile(fifo, 'pki'), refusedWith('NOT_A_FILE', /FIFO/));
  });

  test('refuses character devices, also through a link', () => {
    assert.throws(() => nodeFileSystem.readFile('/dev/zero', 'pki'), refusedWith('NOT_A_FILE', /character device/));
    const link = path.join(dir, 'zero.crt');
    symlinkSync('/dev/urandom', link);
    assert.throws(() => nodeFileSystem.readFile(link, 'settings'), refusedWith('NOT_A_FILE', /character device/));
  });

  test('refuses /proc and /sys files, which report size 0 and may never end, also through a link', () => {
    assert.throws(() => nodeFileSystem.readFile('/proc/self/pagemap', 'pki'), refusedWith('NOT_A_FILE', /\/proc or \/sys/));
    const link = path.join(dir, 'pagemap.p12');
    symlinkSync('/proc/self/pagemap', link);
    assert.throws(() => nodeFileSystem.readFile(link, 'pki'), refusedWith('NOT_A_FILE', /\/proc or \/sys/));
    assert.throws(() => nodeFileSystem.readFile('/sys/kernel/mm/transparent_hugepage/enabled', 'settings'), refusedWith('NOT_A_FILE', /\/proc or \/sys/));
  });

  test('refuses a folder', () => {
    assert.throws(() => nodeFileSystem.readFile(dir, 'pki'), refusedWith('NOT_A_FILE', /a folder/));
  });

  test('reads a file of exactly the limit and refuses one byte more', () => {
    const at = path.join(dir, 'instances.yml');
    writeFileSync(at, Buffer.alloc(READ_LIMITS.instances, 0x61));
    assert.equal(nodeFileSystem.readFile(at, 'instances')?.length, READ_LIMITS.instances);
    writeFileSync(at, Buffer.alloc(READ_LIMITS.instances + 1, 0x61));
    assert.throws(() => nodeFileSystem.readFile(at, 'instances'), refusedWith('TOO_LARGE', /larger than 1 MB/));
  });

  test('stops a 500 MB sparse file at the limit instead of reading it', () => {
    const sparse = path.join(dir, 'sparse.p12');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, 500 * 1024 * 1024);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    assert.throws(() => nodeFileSystem.readFile(sparse, 'pki'), refusedWith('TOO_LARGE', /larger than 10 MB/));
    // The read holds at most the limit plus one chunk; the whole file would add 500 MB.
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024);
  });

  test('readBounded holds any reader (an in-memory one too) to the limit of the kind', () => {
    const big = new Uint8Array(READ_LIMITS.instances + 1);
    const memory = { readFile: (p: string) => (p === '/big' ? big : p === '/small' ? new Uint8Array(3) : undefined) };
    assert.throws(() => readBounded(memory, '/big', 'instances'), refusedWith('TOO_LARGE', /1 MB/));
    assert.equal(readBounded(memory, '/big', 'pki')?.length, big.length);
    assert.equal(readBounded(memory, '/small', 'instances')?.length, 3);
    assert.equal(readBounded(memory, '/none', 'instances'), undefined);
  });

  test('readBoundedText decodes UTF-8 and says nothing (undefined) for a missing, refused or too large file', () => {
    const big = new Uint8Array(READ_LIMITS.settings + 1);
    const memory = {
      readFile: (p: string) => {
        if (p === '/refused') throw new FileGateError('NOT_A_FILE', 'a FIFO');
        return p === '/big' ? big : p === '/text' ? new TextEncoder().encode('node.name: nœud-1\n') : undefined;
      },
    };
    assert.equal(readBoundedText(memory, '/text', 'settings'), 'node.name: nœud-1\n');
    for (const file of ['/none', '/refused', '/big']) assert.equal(readBoundedText(memory, file, 'settings'), undefined, file);
  });
});

describe('confinement to an untrusted workspace', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'estls-confine-'));
  after(() => rmSync(base, { recursive: true, force: true }));
  const workspace = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(workspace, 'certs'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.crt'), 'outside');
  writeFileSync(path.join(workspace, 'certs', 'ca.crt'), 'inside');
  symlinkSync(path.join(outside, 'secret.crt'), path.join(workspace, 'certs', 'link.crt'));
  symlinkSync(outside, path.join(workspace, 'linked'));
  symlinkSync(path.join(workspace, 'certs', 'ca.crt'), path.join(workspace, 'inner-link.crt'));
  // The workspace itself opened through a link: its real path is what counts.
  symlinkSync(workspace, path.join(base, 'workspace-link'));

  let trusted = false;
  const confinement = new Confinement(() => (trusted ? undefined : [path.join(base, 'workspace-link')]));
  const fs = createNodeFileSystem(confinement);
  const outsideError = refusedWith('OUTSIDE_WORKSPACE', /outside the workspace/);

  test('reads files inside, through a link that stays inside too', () => {
    assert.equal(Buffer.from(fs.readFile(path.join(workspace, 'certs', 'ca.crt'), 'pki') ?? []).toString(), 'inside');
    assert.equal(Buffer.from(fs.readFile(path.join(workspace, 'inner-link.crt'), 'pki') ?? []).toString(), 'inside');
    assert.equal(confinement.allows(path.join(workspace, 'certs', 'missing.crt')), true);
  });

  test('refuses a file link to outside for reads and stats', () => {
    const link = path.join(workspace, 'certs', 'link.crt');
    assert.throws(() => fs.readFile(link, 'pki'), outsideError);
    assert.throws(() => fs.stat(link), outsideError);
    assert.equal(confinement.allows(link), false);
  });

  test('refuses a folder link to outside for reads, listings and missing files under it', () => {
    assert.throws(() => fs.readFile(path.join(workspace, 'linked', 'secret.crt'), 'pki'), outsideError);
    assert.throws(() => fs.listDir?.(path.join(workspace, 'linked'), 10), outsideError);
    assert.throws(() => fs.stat(path.join(workspace, 'linked', 'nothing.crt')), outsideError);
    assert.deepEqual(fs.listDir?.(path.join(workspace, 'certs'), 10)?.map((e) => e.name).sort(), ['ca.crt', 'link.crt']);
  });

  test('refuses plain paths outside', () => {
    assert.throws(() => fs.readFile(path.join(outside, 'secret.crt'), 'pki'), outsideError);
  });

  test('reads everywhere once trusted', () => {
    trusted = true;
    try {
      assert.equal(Buffer.from(fs.readFile(path.join(workspace, 'certs', 'link.crt'), 'pki') ?? []).toString(), 'outside');
      assert.equal(confinement.allows(path.join(outside, 'secret.crt')), true);
    } finally {
      trusted = false;
    }
  });
});
