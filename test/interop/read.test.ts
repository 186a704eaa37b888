// Our readers against files the real openssl makes: every CertSummary field compared with what
// `openssl x509` prints for the same certificate, and PKCS#12 files in every openssl flavour.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readPkiFile } from '../../server/src/pki/readPkiFile';
import { PkiError } from '../../server/src/pki/errors';
import type { CertSummary } from '../../server/src/pki/types';
import { hasLegacyProvider, hasTool, openssl, tmpDir } from './helpers/tools';
import { EKU_LONG, KEY_USAGE_LONG, exportP12, issue, x509Ext, x509Field, x509Text } from './helpers/opensslPki';

const clock = { now: () => new Date() };
const readPath = (p: string, password?: string) => readPkiFile(fs.readFileSync(p), { clock, password, fileName: p });

/**
 * Compares every CertSummary field with openssl's own output for the certificate file. Names are compared with
 * openssl's UTF-8 form (`RFC2253,utf8,-esc_msb`): since issue 14 names are shown as people read them.
 */
function compareWithOpenssl(certPath: string, s: CertSummary): void {
  assert.equal(s.subject, x509Field(certPath, ['-subject', '-nameopt', 'RFC2253,utf8,-esc_msb']), 'subject');
  assert.equal(s.issuer, x509Field(certPath, ['-issuer', '-nameopt', 'RFC2253,utf8,-esc_msb']), 'issuer');
  assert.equal(s.serialNumber, x509Field(certPath, ['-serial']), 'serial');
  assert.equal(s.notBefore, new Date(x509Field(certPath, ['-startdate'])).toISOString(), 'notBefore');
  assert.equal(s.notAfter, new Date(x509Field(certPath, ['-enddate'])).toISOString(), 'notAfter');
  assert.equal(s.fingerprints.sha256, x509Field(certPath, ['-fingerprint', '-sha256']), 'sha256');
  assert.equal(s.fingerprints.sha1, x509Field(certPath, ['-fingerprint', '-sha1']), 'sha1');
  const sans = x509Ext(certPath, 'subjectAltName');
  const ours = s.sans.map((n) => `${{ dns: 'DNS', ip: 'IP Address', email: 'email', uri: 'URI' }[n.type as 'dns'] ?? n.type}:${n.value}`).join(', ');
  assert.equal(ours, sans, 'SANs');
  const ku = x509Ext(certPath, 'keyUsage');
  assert.deepEqual(s.keyUsage, ku ? ku.split(', ').map((k) => KEY_USAGE_LONG[k]) : [], 'keyUsage');
  const eku = x509Ext(certPath, 'extendedKeyUsage');
  assert.deepEqual(s.extendedKeyUsage, eku ? eku.split(', ').map((k) => EKU_LONG[k] ?? k) : [], 'extendedKeyUsage');
  const bc = x509Ext(certPath, 'basicConstraints');
  assert.equal(s.isCA, bc.includes('CA:TRUE'), 'isCA');
  const pathlen = /pathlen:(\d+)/.exec(bc);
  assert.equal(s.pathLength, pathlen ? Number(pathlen[1]) : undefined, 'pathLength');
  assert.equal(s.subjectKeyId ?? '', x509Ext(certPath, 'subjectKeyIdentifier'), 'SKI');
  assert.equal(s.authorityKeyId ?? '', x509Ext(certPath, 'authorityKeyIdentifier').replace(/^keyid:/, ''), 'AKI');
  const text = x509Text(certPath);
  assert.equal(s.signatureAlgorithm, /Signature Algorithm: (\S+)/.exec(text)?.[1], 'signatureAlgorithm');
  const bits = /Public-Key: \((\d+) bit\)/.exec(text)?.[1];
  if (s.publicKey.algorithm === 'RSA') assert.equal(s.publicKey.size, Number(bits), 'RSA size');
  if (s.publicKey.algorithm === 'EC') assert.equal(s.publicKey.curve, /NIST CURVE: (\S+)/.exec(text)?.[1], 'curve');
  if (s.publicKey.algorithm === 'Ed25519') assert.match(text, /Public Key Algorithm: ED25519/);
}

describe('certificates made by openssl', { skip: !hasTool('openssl') && 'openssl not installed' }, () => {
  const dir = tmpDir('estls-read-');
  const certs: Record<string, { cert: string; key: string }> = {};
  before(() => {
    certs.root = issue(dir, 'root', { subject: '/C=US/O=Acme, Inc./CN=Interop Root', kind: 'rsa', ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash'] });
    certs.inter = issue(dir, 'inter', { subject: '/O=Acme/OU=Ops+OU=Sec/CN=Interop Intermediate', kind: 'p384', issuer: certs.root, ext: ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'] });
    certs.leaf = issue(dir, 'leaf', {
      subject: '/DC=com/DC=example/CN=es01',
      kind: 'p256',
      issuer: certs.inter,
      ext: ['basicConstraints=CA:FALSE', 'keyUsage=digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth,clientAuth', 'subjectAltName=DNS:es01.example.com,DNS:*.nodes.example.com,IP:10.0.0.1,IP:2001:db8::10,IP:::1,email:ops@example.com,URI:https://es01.example.com:9200/', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'],
    });
    certs.ed = issue(dir, 'ed', { subject: '/CN=ed25519 node/emailAddress=ed@example.com', kind: 'ed25519', ext: ['basicConstraints=critical,CA:TRUE', 'subjectAltName=DNS:ed.example.com'] });
    certs.bare = issue(dir, 'bare', { subject: '/CN=bare', kind: 'rsa', issuer: certs.root, ext: ['basicConstraints=CA:FALSE'] });
  });
  after(() => dir.cleanup());

  for (const name of ['root', 'inter', 'leaf', 'ed', 'bare']) {
    it(`every CertSummary field of ${name} matches openssl x509`, () => {
      const file = readPath(certs[name].cert);
      assert.equal(file.certificates.length, 1);
      compareWithOpenssl(certs[name].cert, file.result.certificates[0]);
    });
  }

  it('reads a chain file in order with its key, and names non-ASCII subjects as openssl does', () => {
    const chain = dir.file('chain.pem');
    fs.writeFileSync(chain, fs.readFileSync(certs.leaf.cert, 'utf8') + fs.readFileSync(certs.inter.cert, 'utf8') + fs.readFileSync(certs.root.cert, 'utf8') + fs.readFileSync(certs.leaf.key, 'utf8'));
    const file = readPath(chain);
    assert.deepEqual(file.result.certificates.map((c) => c.subject), ['CN=es01,DC=example,DC=com', 'CN=Interop Intermediate,OU=Sec+OU=Ops,O=Acme', 'CN=Interop Root,O=Acme\\, Inc.,C=US']);
    assert.equal(file.result.keys[0].matchesCertificate, true);
    const utf8 = dir.file('utf8.crt');
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-keyout', dir.file('utf8.key'), '-subj', '/O=Müller/CN=café', '-days', '1', '-out', utf8]);
    compareWithOpenssl(utf8, readPath(utf8).result.certificates[0]);
  });

  it('reads openssl\'s TRUSTED CERTIFICATE form', () => {
    const trusted = dir.file('trusted.pem');
    openssl(['x509', '-in', certs.root.cert, '-trustout', '-addtrust', 'serverAuth', '-out', trusted]);
    assert.match(fs.readFileSync(trusted, 'utf8'), /BEGIN TRUSTED CERTIFICATE/);
    compareWithOpenssl(certs.root.cert, readPath(trusted).result.certificates[0]);
  });

  it('reads DER certificates and keys', () => {
    const der = dir.file('leaf.der');
    openssl(['x509', '-in', certs.leaf.cert, '-outform', 'DER', '-out', der]);
    const file = readPath(der);
    assert.equal(file.result.format, 'der');
    compareWithOpenssl(certs.leaf.cert, file.result.certificates[0]);
    const keyDer = dir.file('leaf.key.der');
    openssl(['pkey', '-in', certs.leaf.key, '-outform', 'DER', '-out', keyDer]);
    assert.deepEqual(readPath(keyDer).result.keys[0], { algorithm: 'EC', size: 256, curve: 'P-256' });
  });

  const pkcs8Variants: Array<{ name: string; args: string[]; legacy?: boolean }> = [
    { name: 'PBES2 AES-256 (openssl 3 default)', args: ['-v2', 'aes-256-cbc'] },
    { name: 'PBES2 AES-128 with HMAC-SHA512', args: ['-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA512'] },
    { name: 'PBES2 DES-EDE3', args: ['-v2', 'des3'] },
    { name: 'PKCS#12 PBE 3DES', args: ['-v1', 'PBE-SHA1-3DES'] },
    { name: 'PKCS#12 PBE RC2-40', args: ['-v1', 'PBE-SHA1-RC2-40', '-provider', 'legacy', '-provider', 'default'], legacy: true },
  ];
  for (const v of pkcs8Variants) {
    it(`reads an encrypted PKCS#8 key: ${v.name}`, (t) => {
      if (v.legacy && !hasLegacyProvider()) return t.skip('no legacy provider');
      const out = dir.file(`p8-${v.name.replace(/\W+/g, '_')}.pem`);
      openssl(['pkcs8', '-topk8', '-in', certs.root.key, '-passout', 'pass:p8pass', ...v.args, '-out', out]);
      assert.deepEqual(readPath(out, 'p8pass').result.keys[0], { algorithm: 'RSA', size: 2048, encrypted: true });
      assert.throws(() => readPath(out, 'bad'), (e: unknown) => e instanceof PkiError && e.code === 'BAD_PASSWORD');
    });
  }
});

describe('PKCS#12 files made by openssl', { skip: !hasTool('openssl') && 'openssl not installed' }, () => {
  const dir = tmpDir('estls-read-p12-');
  let root: { cert: string; key: string };
  let leaf: { cert: string; key: string };
  before(() => {
    root = issue(dir, 'root', { subject: '/CN=P12 Root', kind: 'rsa', ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=keyCertSign,cRLSign'] });
    leaf = issue(dir, 'leaf', { subject: '/CN=p12-node', kind: 'p256', issuer: root, ext: ['subjectAltName=DNS:p12-node'] });
  });
  after(() => dir.cleanup());

  const variants: Array<{ name: string; args: string[]; password: string; legacy?: boolean; key?: string; cert?: string; mac?: string }> = [
    { name: 'modern', args: [], password: 'changeit', key: 'PBES2/AES-256-CBC', cert: 'PBES2/AES-256-CBC', mac: 'HMAC-SHA256' },
    { name: 'legacy', args: ['-legacy'], password: 'changeit', legacy: true, key: 'pbeWithSHAAnd3-KeyTripleDES-CBC', cert: 'pbeWithSHAAnd40BitRC2-CBC', mac: 'HMAC-SHA1' },
    { name: 'no MAC', args: ['-nomac'], password: 'changeit', key: 'PBES2/AES-256-CBC', mac: undefined },
    { name: 'empty password', args: [], password: '' },
    { name: 'legacy empty password', args: ['-legacy'], password: '', legacy: true },
    { name: 'unencrypted, no MAC', args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac'], password: '' },
    { name: 'SHA-512 MAC, AES-128 keys', args: ['-macalg', 'sha512', '-keypbe', 'AES-128-CBC'], password: 'pw', key: 'PBES2/AES-128-CBC', mac: 'HMAC-SHA512' },
  ];
  for (const v of variants) {
    it(`reads ${v.name}`, (t) => {
      if (v.legacy && !hasLegacyProvider()) return t.skip('no legacy provider');
      const p12 = exportP12(dir, v.name.replace(/\W+/g, '_'), [...v.args, '-inkey', leaf.key, '-in', leaf.cert, '-certfile', root.cert, '-name', 'p12 node'], v.password);
      const file = readPath(p12, v.password === '' ? undefined : v.password);
      const keyEntry = file.result.entries.find((e) => e.hasKey);
      assert.equal(keyEntry?.alias, 'p12 node');
      assert.equal(keyEntry?.keyMatchesCertificate, true);
      assert.deepEqual(keyEntry?.certificates.map((c) => c.subject), ['CN=p12-node', 'CN=P12 Root']);
      assert.equal(file.result.entries.some((e) => e.trusted), false, 'openssl 3.0 writes no Java trusted mark');
      if (v.key) assert.equal(file.result.protection?.keyAlgorithm, v.key);
      if (v.cert) assert.equal(file.result.protection?.certAlgorithm, v.cert);
      if ('mac' in v && v.key) assert.equal(file.result.protection?.macAlgorithm, v.mac);
      compareWithOpenssl(leaf.cert, file.result.certificates[0]);
      if (v.password !== '') {
        assert.throws(() => readPath(p12, 'wrong'), (e: unknown) => e instanceof PkiError && e.code === 'BAD_PASSWORD');
        assert.throws(() => readPath(p12), (e: unknown) => e instanceof PkiError && e.code === 'PASSWORD_REQUIRED');
      }
    });
  }

  it('reads a certificate-only P12 (no keys)', () => {
    const p12 = exportP12(dir, 'certs-only', ['-nokeys', '-in', root.cert], 'pw');
    const file = readPath(p12, 'pw');
    assert.equal(file.result.keys.length, 0);
    assert.equal(file.result.entries.length, 1);
    assert.equal(file.result.entries[0].trusted, false);
  });
});
