import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AuthenticatedSafe, PFX, SafeContents } from '@peculiar/asn1-pfx';
import { evpBytesToKey, pemBlock, privateKeyToPem } from '../../../server/src/pki/pemWrite';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import { readPkcs12 } from '../../../server/src/pki/pkcs12/read';
import { makeCa, makeSignedCertificate, type CaMaterial, type IssuedCertificate } from '../../../server/src/pki/generate/index';

const NOW = new Date('2026-05-01T00:00:00Z');

describe('PEM writer', () => {
  let rsa: KeyObject;
  let ec: KeyObject;
  before(() => {
    rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    ec = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
  });

  it('wraps base64 at 64 characters between BEGIN and END lines', () => {
    const pem = pemBlock('TEST', new Uint8Array(100).fill(7));
    const lines = pem.trimEnd().split('\n');
    assert.equal(lines[0], '-----BEGIN TEST-----');
    assert.equal(lines.at(-1), '-----END TEST-----');
    assert.ok(lines.slice(1, -1).every((l) => l.length <= 64));
  });

  const forms = [
    { what: 'RSA traditional', key: () => rsa, format: undefined, label: 'RSA PRIVATE KEY' },
    { what: 'EC traditional', key: () => ec, format: undefined, label: 'EC PRIVATE KEY' },
    { what: 'RSA PKCS#8', key: () => rsa, format: 'pkcs8' as const, label: 'PRIVATE KEY' },
  ];
  for (const f of forms) {
    it(`${f.what}: plain and encrypted forms both read back as the same key`, () => {
      const plain = privateKeyToPem(f.key(), { format: f.format });
      assert.ok(plain.startsWith(`-----BEGIN ${f.label}-----\n`));
      const enc = privateKeyToPem(f.key(), { format: f.format, passphrase: 'correct horse' });
      assert.ok(enc.includes('ENCRYPTED'));
      const back = createPrivateKey({ key: enc, passphrase: 'correct horse' });
      assert.ok(back.equals(f.key()));
      assert.throws(() => createPrivateKey({ key: enc, passphrase: 'wrong horse' }));
    });
  }

  it('writes traditional encryption as Proc-Type/DEK-Info AES-128-CBC with a 16-byte IV', () => {
    const enc = privateKeyToPem(rsa, { passphrase: 'p' });
    assert.match(enc, /^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,[0-9A-F]{32}\n\n/);
  });

  it('refuses an empty passphrase', () => {
    assert.throws(() => privateKeyToPem(ec, { passphrase: '' }), { code: 'INVALID_INPUT' });
  });

  it('derives keys as EVP_BytesToKey(MD5, one round) does', () => {
    const pw = Buffer.from('secret');
    const salt = Buffer.from('0102030405060708', 'hex');
    const d1 = createHash('md5').update(pw).update(salt).digest();
    const d2 = createHash('md5').update(d1).update(pw).update(salt).digest();
    assert.deepEqual(Buffer.from(evpBytesToKey(pw, salt, 16)), d1);
    assert.deepEqual(Buffer.from(evpBytesToKey(pw, salt, 24)), Buffer.concat([d1, d2]).subarray(0, 24));
  });
});

describe('PKCS#12 writer', () => {
  let ca: CaMaterial;
  let leaf: IssuedCertificate;
  before(async () => {
    ca = await makeCa({ now: NOW, key: { type: 'ec', curve: 'P-256' } });
    leaf = await makeSignedCertificate({ instance: { name: 'node1', dns: [], ip: [] }, ca, profile: 'transport', now: NOW, key: { type: 'ec', curve: 'P-256' } });
  });

  const variants = [
    { name: 'modern', password: 'secret', legacy: false, key: 'PBES2/AES-256-CBC', mac: 'sha256' },
    { name: 'modern, empty password', password: '', legacy: false, key: 'PBES2/AES-256-CBC', mac: 'sha256' },
    { name: 'legacy', password: 'secret', legacy: true, key: 'pbeWithSHAAnd3-KeyTripleDES-CBC', mac: 'sha1' },
    { name: 'legacy, empty password', password: '', legacy: true, key: 'pbeWithSHAAnd3-KeyTripleDES-CBC', mac: 'sha1' },
  ];
  for (const v of variants) {
    it(`${v.name}: the reader gets back the key, the leaf with its localKeyId and the trusted CA`, () => {
      const p12 = writePkcs12([{ alias: 'node1', key: leaf.key, chain: [leaf.certDer] }], [{ alias: 'ca', certDer: ca.certDer }], { password: v.password, legacy: v.legacy });
      const read = readPkcs12(p12, v.password);
      const key = read.bags.find((b) => b.kind === 'key');
      const certs = read.bags.filter((b) => b.kind === 'certificate');
      assert.ok(key && createPrivateKey({ key: key.der, format: 'der', type: 'pkcs8' }).equals(leaf.key));
      assert.equal(key.alias, 'node1');
      assert.equal(key.encrypted, true);
      const leafBag = certs.find((c) => c.alias === 'node1');
      assert.ok(leafBag && leafBag.localKeyId === key.localKeyId && !leafBag.trusted);
      assert.deepEqual(new Uint8Array(leafBag.der), leaf.certDer);
      const caBag = certs.find((c) => c.alias === 'ca');
      assert.ok(caBag && caBag.trusted && caBag.localKeyId === undefined);
      assert.equal(read.protection.keyAlgorithm, v.key);
      assert.match(read.protection.macAlgorithm ?? '', new RegExp(v.mac, 'i'));
      assert.equal(read.protection.iterations, v.legacy ? 2048 : 10000);
    });
  }

  it('encrypts the certificates too and keeps the key in a data safe (openssl\'s layout)', () => {
    const p12 = writePkcs12([{ alias: 'node1', key: leaf.key, chain: [leaf.certDer] }], [], { password: 'x' });
    const pfx = AsnConvert.parse(p12, PFX);
    const safes = AsnConvert.parse(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer, AuthenticatedSafe);
    assert.deepEqual([...safes].map((s) => s.contentType), ['1.2.840.113549.1.7.6', '1.2.840.113549.1.7.1']);
    const keySafe = AsnConvert.parse(AsnConvert.parse(safes[1].content, OctetString).buffer, SafeContents);
    assert.deepEqual([...keySafe].map((b) => b.bagId), ['1.2.840.113549.1.12.10.1.2']);
    assert.equal(pfx.version, 3);
  });

  it('refuses a non-ASCII password and a wrong password does not open the file', () => {
    assert.throws(() => writePkcs12([], [{ alias: 'ca', certDer: ca.certDer }], { password: 'pässe' }), /PKCS#12 passwords must be plain ASCII/);
    const p12 = writePkcs12([], [{ alias: 'ca', certDer: ca.certDer }], { password: 'right' });
    assert.throws(() => readPkcs12(p12, 'wrong'), { code: 'BAD_PASSWORD' });
  });
});
