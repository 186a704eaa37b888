import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import type { FileStat, FileSystem } from '../../../server/src/core/environment';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import { makeCa } from './helpers/certs';
import type { TestCert } from './helpers/certs';

/** An in-memory file system that counts reads. */
function memoryFs(files: Map<string, { bytes: Uint8Array; mtimeMs: number }>) {
  const counter = { reads: 0 };
  const fs: FileSystem = {
    stat: (p): FileStat | undefined => {
      const f = files.get(p);
      return f ? { size: f.bytes.length, mtimeMs: f.mtimeMs, isFile: true, isDirectory: false } : undefined;
    },
    readFile: (p) => {
      counter.reads++;
      return files.get(p)?.bytes;
    },
  };
  return { fs, counter };
}

describe('CertificateFileCache', () => {
  let ca: TestCert;
  before(async () => {
    ca = await makeCa('CN=Cache CA');
  });
  const clock = { now: () => new Date() };

  it('parses once per (path, size, mtime) and re-reads after a change', () => {
    const files = new Map([['/c/ca.crt', { bytes: Buffer.from(ca.pem), mtimeMs: 1 }]]);
    const { fs, counter } = memoryFs(files);
    const cache = new CertificateFileCache(fs, clock);
    const a = cache.read('/c/ca.crt');
    const b = cache.read('/c/ca.crt');
    assert.equal(a, b);
    assert.equal(counter.reads, 1);
    assert.equal(a.kind, 'parsed');
    files.set('/c/ca.crt', { bytes: Buffer.from(ca.pem), mtimeMs: 2 });
    cache.read('/c/ca.crt');
    assert.equal(counter.reads, 2);
  });

  it('keys by password and remembers errors', () => {
    const p12 = writePkcs12([{ alias: 'ca', key: ca.key, chain: [ca.der] }], [], { password: 'pw', iterations: 100 });
    const { fs, counter } = memoryFs(new Map([['/c/ca.p12', { bytes: p12, mtimeMs: 1 }]]));
    const cache = new CertificateFileCache(fs, clock);
    const locked = cache.read('/c/ca.p12');
    assert.equal(locked.kind === 'error' && locked.error.code, 'PASSWORD_REQUIRED');
    assert.equal(locked.kind === 'error' && locked.format, 'pkcs12');
    assert.equal(cache.read('/c/ca.p12'), locked);
    assert.equal(cache.read('/c/ca.p12', 'pw').kind, 'parsed');
    assert.equal(counter.reads, 2);
    const wrong = cache.read('/c/ca.p12', 'nope');
    assert.equal(wrong.kind === 'error' && wrong.error.code, 'BAD_PASSWORD');
  });

  it('says missing for absent paths and evicts beyond its size', () => {
    const files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
    for (let i = 0; i < 5; i++) files.set(`/c/${i}.crt`, { bytes: Buffer.from(ca.pem), mtimeMs: 1 });
    const { fs, counter } = memoryFs(files);
    const cache = new CertificateFileCache(fs, clock, 2);
    assert.equal(cache.read('/c/none.crt').kind, 'missing');
    for (let i = 0; i < 5; i++) cache.read(`/c/${i}.crt`);
    cache.read('/c/0.crt');
    assert.equal(counter.reads, 6);
  });

  it('turns file-system exceptions into a typed error', () => {
    const fs: FileSystem = { stat: () => { throw new Error('EACCES'); }, readFile: () => undefined };
    const r = new CertificateFileCache(fs, clock).read('/c/x');
    assert.equal(r.kind, 'error');
  });
});
