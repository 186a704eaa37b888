import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { inspectFile } from '../../../server/src/pki/inspect';
import { formatIp } from '../../../server/src/pki/x509/summary';
import { escapeRfc2253 } from '../../../server/src/pki/x509/names';
import { makeCa, makeCert, x509 } from './helpers/certs';
import type { TestCert } from './helpers/certs';

const NOW = new Date('2026-06-01T00:00:00Z');
const clock = { now: () => NOW };
const DAY = 86_400_000;

describe('CertSummary fields', () => {
  let root: TestCert;
  let leaf: TestCert;
  before(async () => {
    root = await makeCa('CN=Summary Root', { pathLength: 1, notBefore: new Date(NOW.getTime() - 10 * DAY), notAfter: new Date(NOW.getTime() + 100 * DAY + 3600_000) });
    leaf = await makeCert({
      subject: 'CN=es01.example.com',
      issuer: root,
      serial: '00a1b2c3d4',
      dns: ['es01.example.com', '*.nodes.example.com'],
      ips: ['10.1.2.3', '2001:db8::1'],
      emails: ['ops@example.com'],
      uris: ['https://es01.example.com:9200/'],
      eku: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2', '1.2.3.4.5'],
      keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      ca: false,
      notBefore: new Date(NOW.getTime() - DAY),
      notAfter: new Date(NOW.getTime() - 2 * DAY),
    });
  });

  it('summarizes names, dates, SANs, usages, key ids and fingerprints', () => {
    const r = inspectFile(Buffer.from(leaf.pem + root.pem), { clock });
    const [c, ca] = r.certificates;
    assert.equal(r.format, 'pem');
    assert.equal(c.subject, 'CN=es01.example.com');
    assert.equal(c.issuer, 'CN=Summary Root');
    assert.equal(c.daysLeft, -2);
    assert.deepEqual(c.sans, [
      { type: 'dns', value: 'es01.example.com' },
      { type: 'dns', value: '*.nodes.example.com' },
      { type: 'ip', value: '10.1.2.3' },
      { type: 'ip', value: '2001:DB8:0:0:0:0:0:1' },
      { type: 'email', value: 'ops@example.com' },
      { type: 'uri', value: 'https://es01.example.com:9200/' },
    ]);
    assert.deepEqual(c.keyUsage, ['digitalSignature', 'keyEncipherment']);
    assert.deepEqual(c.extendedKeyUsage, ['serverAuth', 'clientAuth', '1.2.3.4.5']);
    assert.equal(c.isCA, false);
    assert.equal(c.selfSigned, false);
    assert.equal(c.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.deepEqual(c.publicKey, { algorithm: 'RSA', size: 2048 });
    assert.equal(c.authorityKeyId, ca.subjectKeyId);
    assert.match(c.subjectKeyId ?? '', /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    const sha256 = crypto.createHash('sha256').update(leaf.der).digest('hex').toUpperCase().match(/../g)?.join(':');
    const sha1 = crypto.createHash('sha1').update(leaf.der).digest('hex').toUpperCase().match(/../g)?.join(':');
    assert.deepEqual(c.fingerprints, { sha256, sha1 });
    assert.equal(c.notAfter, new Date(NOW.getTime() - 2 * DAY).toISOString());
    assert.equal(ca.isCA, true);
    assert.equal(ca.pathLength, 1);
    assert.equal(ca.selfSigned, true);
    assert.equal(ca.daysLeft, 100);
  });

  it('keeps the serial as hex', () => {
    const c = inspectFile(Buffer.from(leaf.pem), { clock }).certificates[0];
    assert.equal(c.serialNumber.replace(/^0+/, ''), 'A1B2C3D4');
  });

  for (const [alg, expected, sig] of [
    ['p256', { algorithm: 'EC', size: 256, curve: 'P-256' }, 'ecdsa-with-SHA256'],
    ['p384', { algorithm: 'EC', size: 384, curve: 'P-384' }, 'ecdsa-with-SHA384'],
    ['ed25519', { algorithm: 'Ed25519', size: 256 }, 'ED25519'],
  ] as const) {
    it(`describes ${alg} keys and signatures`, async () => {
      const c = await makeCert({ subject: `CN=${alg}`, alg });
      const r = inspectFile(Buffer.from(c.pem + c.keyPem), { clock });
      assert.deepEqual(r.certificates[0].publicKey, expected);
      assert.equal(r.certificates[0].signatureAlgorithm, sig);
      assert.equal(r.keys[0].matchesCertificate, true);
      assert.equal(r.keys[0].algorithm, expected.algorithm);
    });
  }

  it('says when the key is not the certificate\'s', async () => {
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const r = inspectFile(Buffer.from(leaf.pem + other), { clock });
    assert.equal(r.keys[0].matchesCertificate, false);
  });

  it('orders names most specific first (multi-valued RDNs reversed too) and escapes like openssl', async () => {
    const c = await makeCert({ subject: 'C=US, O=Acme\\, Inc., OU=Ops+OU=Sec, CN=node' });
    const s = inspectFile(Buffer.from(c.pem), { clock }).certificates[0].subject;
    assert.equal(s, 'CN=node,OU=Sec+OU=Ops,O=Acme\\, Inc.,C=US');
    assert.equal(escapeRfc2253(' #a;b<c>"d\\ '), '\\ #a\\;b\\<c\\>\\"d\\\\\\ ');
    assert.equal(escapeRfc2253('é'), '\\C3\\A9');
  });

  it('prints IPv6 as openssl does', () => {
    assert.equal(formatIp('::1'), '0:0:0:0:0:0:0:1');
    assert.equal(formatIp('fe80::a:b'), 'FE80:0:0:0:0:0:A:B');
    assert.equal(formatIp('192.0.2.1'), '192.0.2.1');
  });

  it('summarizes certificate requests', async () => {
    const keys = (await crypto.webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as crypto.webcrypto.CryptoKeyPair;
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({
      name: 'CN=node2',
      keys: keys as never,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'node2' }, { type: 'ip', value: '10.0.0.2' }])],
    });
    const r = inspectFile(Buffer.from(csr.toString('pem')), { clock });
    assert.deepEqual(r.csrs, [{ subject: 'CN=node2', sans: [{ type: 'dns', value: 'node2' }, { type: 'ip', value: '10.0.0.2' }], publicKey: { algorithm: 'EC', size: 256, curve: 'P-256' } }]);
  });
});
