import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { PFX } from '@peculiar/asn1-pfx';
import { OctetString } from '@peculiar/asn1-schema';
import { computeMac } from '../../../server/src/pki/pkcs12/crypto';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { PkiError } from '../../../server/src/pki/errors';
import type { PkiErrorCode } from '../../../server/src/pki/errors';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import { makeCa, makeCert } from './helpers/certs';
import type { TestCert } from './helpers/certs';

const clock = { now: () => new Date() };
const read = (bytes: Uint8Array, password?: string) => readPkiFile(bytes, { clock, password, fileName: 'test.p12' });

function throwsCode(fn: () => unknown, code: PkiErrorCode): void {
  assert.throws(fn, (e: unknown) => e instanceof PkiError && e.code === code, `expected ${code}`);
}

describe('PKCS#12 reading (files from the project writer)', () => {
  let ca: TestCert;
  let node: TestCert;
  let ecNode: TestCert;
  before(async () => {
    ca = await makeCa('CN=P12 CA');
    node = await makeCert({ subject: 'CN=node1', issuer: ca, dns: ['node1'] });
    ecNode = await makeCert({ subject: 'CN=node-ec', issuer: ca, alg: 'p384' });
  });

  const variants = [
    { name: 'modern (AES-256, SHA-256 MAC)', legacy: false, key: 'PBES2/AES-256-CBC', mac: 'HMAC-SHA256' },
    { name: 'legacy (3DES, SHA-1 MAC)', legacy: true, key: 'pbeWithSHAAnd3-KeyTripleDES-CBC', mac: 'HMAC-SHA1' },
  ];
  for (const v of variants) {
    it(`reads a key entry with its chain and a trusted CA: ${v.name}`, () => {
      const p12 = writePkcs12([{ alias: 'node1', key: node.key, chain: [node.der, ca.der] }], [{ alias: 'ca', certDer: ca.der }], { password: 'changeme', legacy: v.legacy, iterations: 2048 });
      const file = read(p12, 'changeme');
      assert.equal(file.result.format, 'pkcs12');
      assert.equal(file.result.protection?.keyAlgorithm, v.key);
      assert.equal(file.result.protection?.macAlgorithm, v.mac);
      assert.equal(file.result.protection?.iterations, 2048);
      const keyEntry = file.result.entries.find((e) => e.hasKey);
      assert.equal(keyEntry?.alias, 'node1');
      assert.equal(keyEntry?.keyMatchesCertificate, true);
      assert.deepEqual(keyEntry?.certificates.map((c) => c.subject), ['CN=node1', 'CN=P12 CA']);
      const trusted = file.result.entries.filter((e) => e.trusted);
      assert.deepEqual(trusted.map((e) => e.alias), ['ca']);
      assert.equal(file.result.keys[0].encrypted, true);
      assert.equal(file.result.keys[0].matchesCertificate, true);
    });

    it(`${v.name}: wrong password is BAD_PASSWORD, none is PASSWORD_REQUIRED`, () => {
      const p12 = writePkcs12([{ alias: 'node1', key: node.key, chain: [node.der] }], [], { password: 'changeme', legacy: v.legacy, iterations: 100 });
      throwsCode(() => read(p12, 'wrong'), 'BAD_PASSWORD');
      throwsCode(() => read(p12), 'PASSWORD_REQUIRED');
    });

    it(`${v.name}: an empty password opens without asking (certutil's default)`, () => {
      const p12 = writePkcs12([{ alias: 'ca', key: ca.key, chain: [ca.der] }], [], { password: '', legacy: v.legacy, iterations: 100 });
      const file = read(p12);
      assert.equal(file.result.entries.length, 1);
      assert.equal(file.result.entries[0].trusted, false);
      assert.equal(file.result.entries[0].hasKey, true);
      assert.equal(read(p12, '').result.entries.length, 1);
    });
  }

  it('reads several entries and EC keys, pairing each key with its own certificate', () => {
    const p12 = writePkcs12(
      [
        { alias: 'rsa', key: node.key, chain: [node.der] },
        { alias: 'ec', key: ecNode.key, chain: [ecNode.der] },
      ],
      [{ alias: 'root', certDer: ca.der }],
      { password: 'pw', iterations: 100 },
    );
    const file = read(p12, 'pw');
    const byAlias = new Map(file.result.entries.map((e) => [e.alias, e]));
    assert.equal(byAlias.get('rsa')?.certificates[0].subject, 'CN=node1');
    assert.equal(byAlias.get('ec')?.certificates[0].subject, 'CN=node-ec');
    assert.equal(byAlias.get('ec')?.certificates[0].publicKey.curve, 'P-384');
    assert.equal(byAlias.get('root')?.trusted, true);
    assert.ok(file.result.entries.filter((e) => e.hasKey).every((e) => e.keyMatchesCertificate));
  });

  it('a key stored with the wrong certificate is reported as not matching', () => {
    const p12 = writePkcs12([{ alias: 'bad', key: ecNode.key, chain: [node.der] }], [], { password: 'pw', iterations: 100 });
    const entry = read(p12, 'pw').result.entries[0];
    assert.equal(entry.keyMatchesCertificate, false);
  });

  it('stops a hostile MAC iteration count with LIMIT before working', () => {
    const p12 = writePkcs12([{ alias: 'a', key: node.key, chain: [node.der] }], [], { password: 'pw', iterations: 100 });
    const pfx = AsnConvert.parse(p12, PFX);
    pfx.macData.iterations = 50_000_000;
    const hostile = new Uint8Array(AsnConvert.serialize(pfx));
    const started = Date.now();
    throwsCode(() => read(hostile, 'pw'), 'LIMIT');
    assert.ok(Date.now() - started < 1000);
  });

  it('reads a file whose MAC is PBMAC1 (RFC 9579)', () => {
    const p12 = writePkcs12([{ alias: 'a', key: node.key, chain: [node.der] }], [], { password: 'pw', iterations: 100 });
    const pfx = AsnConvert.parse(p12, PFX);
    const content = Buffer.from(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer);
    pfx.macData = computeMac(content, 'pw', { pbmac1: true, iterations: 100 });
    const bytes = new Uint8Array(AsnConvert.serialize(pfx));
    const file = read(bytes, 'pw');
    assert.equal(file.result.protection?.macAlgorithm, 'PBMAC1/HMAC-SHA256');
    assert.equal(file.result.entries[0].alias, 'a');
    throwsCode(() => read(bytes, 'nope'), 'BAD_PASSWORD');
  });

  it('rejects a tampered file without returning garbage', () => {
    const p12 = Buffer.from(writePkcs12([{ alias: 'a', key: node.key, chain: [node.der] }], [], { password: 'pw', iterations: 100 }));
    p12[p12.length - 40] ^= 0xff;
    assert.throws(() => read(p12, 'pw'), (e: unknown) => e instanceof PkiError && ['BAD_PASSWORD', 'BAD_PKCS12'].includes(e.code));
  });

  it('reads random keys Node can make (Ed25519)', () => {
    const key = crypto.generateKeyPairSync('ed25519').privateKey;
    const p12 = writePkcs12([{ alias: 'ed', key, chain: [ca.der] }], [], { password: 'pw', iterations: 100 });
    const file = read(p12, 'pw');
    assert.equal(file.result.keys[0].algorithm, 'Ed25519');
    assert.equal(file.result.keys[0].matchesCertificate, false);
  });
});
