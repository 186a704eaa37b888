// Export from containers as PEM: a certificate of a PKCS#7 bundle, a JKS entry's chain and key; typed errors
// for items the file does not hold or a key that is still locked.
import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { exportPem } from '../../../server/src/pki/exportPem';
import { PkiError } from '../../../server/src/pki/errors';
import { makeCa, makeCert, type TestCert } from './helpers/certs';
import { writeJavaKeystore } from './helpers/javaKeystore';
import { pkcs7Bundle } from './helpers/pkcs7';

const clock = { now: () => new Date() };
const code = (c: string) => (e: unknown) => e instanceof PkiError && e.code === c;

describe('export as PEM', () => {
  let ca: TestCert;
  let node: TestCert;
  before(async () => {
    ca = await makeCa('CN=Export CA');
    node = await makeCert({ subject: 'CN=node/x', issuer: ca });
  });

  it('exports a certificate of a PKCS#7 bundle with the same bytes', () => {
    const file = readPkiFile(pkcs7Bundle([node.der, ca.der]), { clock });
    const out = exportPem(file, { kind: 'certificate', index: 1 });
    assert.equal(out.privateKey, false);
    assert.equal(new crypto.X509Certificate(out.pem).fingerprint256, new crypto.X509Certificate(ca.der).fingerprint256);
    assert.equal(out.suggestedName, 'Export-CA.crt');
  });

  it('exports a JKS entry chain and, once unlocked, its key', () => {
    const jks = writeJavaKeystore({ type: 'JKS', password: 'pw', keys: [{ alias: 'node', key: node.key, chain: [node.der, ca.der] }] });
    const open = readPkiFile(jks, { clock, password: 'pw' });
    const chain = exportPem(open, { kind: 'chain', entry: 0 });
    assert.equal(chain.pem.match(/BEGIN CERTIFICATE/g)?.length, 2);
    const key = exportPem(open, { kind: 'entryKey', entry: 0 });
    assert.equal(key.privateKey, true);
    assert.match(key.pem, /^-----BEGIN PRIVATE KEY-----/);
    assert.ok(crypto.createPublicKey(key.pem).equals(crypto.createPublicKey(node.key)));
    assert.equal(key.suggestedName, 'node.key');
    assert.throws(() => exportPem(readPkiFile(jks, { clock }), { kind: 'entryKey', entry: 0 }), code('PASSWORD_REQUIRED'));
  });

  it('refuses items the file does not hold', () => {
    const file = readPkiFile(Buffer.from(node.pem), { clock });
    for (const item of [{ kind: 'certificate', index: 3 }, { kind: 'chain', entry: 0 }, { kind: 'key', index: 0 }, { kind: 'nope' }, { kind: 'certificate', index: -1 }]) {
      assert.throws(() => exportPem(file, item as never), code('INVALID_INPUT'));
    }
  });
});
