// PKCS#7 bundles (DER and PEM) and CRLs (DER and PEM): certificates, issuer, updates, revoked serials, reasons.
import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { PkiError } from '../../../server/src/pki/errors';
import { sameSerial, serialHex } from '../../../server/src/pki/crl';
import { sniffFormat } from '../../../server/src/pki/sniff';
import { renderCertificateMarkdown } from '../../../server/src/pki/render';
import { makeCa, makeCert, x509, type TestCert } from './helpers/certs';
import { pem, pkcs7Bundle } from './helpers/pkcs7';

const NOW = new Date('2026-06-01T00:00:00Z');
const clock = { now: () => NOW };
const read = (b: Uint8Array | string) => readPkiFile(typeof b === 'string' ? Buffer.from(b) : b, { clock }).result;

async function makeCrl(ca: TestCert, entries: x509.X509CrlEntryParams[], nextUpdate?: Date): Promise<Buffer> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: new x509.X509Certificate(ca.der).subjectName,
    thisUpdate: new Date('2026-05-01T00:00:00Z'),
    nextUpdate,
    entries,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as x509.X509CrlCreateParams['signingAlgorithm'],
    signingKey: ca.keys.privateKey,
  });
  return Buffer.from(crl.rawData);
}

describe('PKCS#7 bundles and CRLs', () => {
  let ca: TestCert;
  let leaf: TestCert;
  let crl: Buffer;
  before(async () => {
    ca = await makeCa('CN=Bundle CA,O=Bündel GmbH');
    leaf = await makeCert({ subject: 'CN=leaf', issuer: ca, serial: '00c0ffee' });
    crl = await makeCrl(ca, [{ serialNumber: 'c0ffee', revocationDate: new Date('2026-05-02T00:00:00Z'), reason: x509.X509CrlReason.keyCompromise }, { serialNumber: '0102' }], new Date('2026-05-31T00:00:00Z'));
  });

  it('reads a DER bundle with its certificates in order and exact bytes', () => {
    const der = pkcs7Bundle([leaf.der, ca.der]);
    assert.equal(sniffFormat(der), 'pkcs7');
    const r = read(der);
    assert.equal(r.format, 'pkcs7');
    assert.deepEqual(r.certificates.map((c) => c.subject), ['CN=leaf', 'O=Bündel GmbH,CN=Bundle CA']);
    assert.equal(r.certificates[0].fingerprints.sha256, new crypto.X509Certificate(leaf.der).fingerprint256);
  });

  it('reads a PEM PKCS7 block and the CRLs inside a bundle', () => {
    const r = read(pem('PKCS7', pkcs7Bundle([ca.der], [crl])));
    assert.equal(r.format, 'pem');
    assert.equal(r.certificates.length, 1);
    assert.equal(r.crls?.[0].revoked.length, 2);
  });

  it('reads a DER CRL: issuer, updates, revoked serials and reasons', () => {
    assert.equal(sniffFormat(crl), 'crl');
    const r = read(crl);
    assert.equal(r.format, 'crl');
    const c = r.crls?.[0];
    assert.equal(c?.issuer, 'O=Bündel GmbH,CN=Bundle CA');
    assert.equal(c?.thisUpdate, '2026-05-01T00:00:00.000Z');
    assert.equal(c?.nextUpdate, '2026-05-31T00:00:00.000Z');
    assert.equal(c?.daysLeft, -1);
    assert.deepEqual(c?.revoked, [
      { serialNumber: 'C0FFEE', revocationDate: '2026-05-02T00:00:00.000Z', reason: 'keyCompromise' },
      { serialNumber: '0102', revocationDate: c?.revoked[1].revocationDate },
    ]);
    assert.match(renderCertificateMarkdown(r), /stale: next update was due 2026-05-31/);
  });

  it('reads a PEM X509 CRL', () => {
    assert.equal(read(pem('X509 CRL', crl)).crls?.[0].revoked[0].serialNumber, 'C0FFEE');
  });

  it('a certificate is still read as a certificate, not a CRL', () => {
    assert.equal(sniffFormat(leaf.der), 'der');
    assert.equal(read(leaf.der).certificates[0].subject, 'CN=leaf');
  });

  it('compares serials as numbers', () => {
    assert.equal(serialHex(Uint8Array.of(0, 0x80)), '80');
    assert.ok(sameSerial('00C0FFEE', 'c0ffee'));
    assert.ok(!sameSerial('C0FFEE', 'C0FFEF'));
  });

  it('malformed bundles and CRLs end in typed errors', () => {
    const bundle = pkcs7Bundle([leaf.der]);
    for (const bad of [bundle.subarray(0, bundle.length - 10), crl.subarray(0, crl.length - 5), pkcs7Bundle([Buffer.from('3003020101', 'hex')])]) {
      assert.throws(() => read(bad), (e: unknown) => e instanceof PkiError);
    }
  });
});
