import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { PFX, AuthenticatedSafe, SafeContents, PKCS8ShroudedKeyBag } from '@peculiar/asn1-pfx';
import type { ContentInfo } from '@peculiar/asn1-cms';
import { EncryptedData, encryptedContentBytes } from '../../../server/src/pki/pkcs12/pbeParams';
import { rc2CbcDecrypt, rc2CbcEncrypt, rc2DecryptBlock, rc2EncryptBlock, rc2ExpandKey } from '../../../server/src/pki/pkcs12/rc2';
import {
  WorkBudget, bmpPassword, computeMac, decryptPbe, describeMac, describePbe, encryptPbes2, encryptPkcs12TripleDes, pkcs12Kdf, verifyMac,
} from '../../../server/src/pki/pkcs12/crypto';
import { PkiError } from '../../../server/src/pki/errors';
import { hasLegacyProvider, hasTool, openssl, tmpDir } from '../../interop/helpers/tools';

const hex = (s: string): Buffer => Buffer.from(s, 'hex');

describe('RC2 (RFC 2268 section 5 test vectors)', () => {
  const vectors: Array<[key: string, bits: number, plain: string, cipher: string]> = [
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
    ['88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e', 129, '0000000000000000', '5b78d3a43dfff1f1'],
  ];
  for (const [key, bits, plain, cipher] of vectors) {
    it(`key ${key.slice(0, 16)}… effective ${bits} bits`, () => {
      const k = rc2ExpandKey(hex(key), bits);
      const block = hex(plain);
      rc2EncryptBlock(k, block);
      assert.equal(block.toString('hex'), cipher);
      rc2DecryptBlock(k, block);
      assert.equal(block.toString('hex'), plain);
    });
  }

  it('CBC matches `openssl enc -rc2-40-cbc` output and round-trips', () => {
    // printf 'hello world' | openssl enc -rc2-40-cbc -provider legacy -K 0102030405 -iv 0707070707070707
    const ct = rc2CbcEncrypt(hex('0102030405'), 40, Buffer.alloc(8, 7), Buffer.from('hello world'));
    assert.equal(ct.toString('hex'), '667035cf1939a52eac115f1125af6a6a');
    assert.equal(rc2CbcDecrypt(hex('0102030405'), 40, Buffer.alloc(8, 7), ct).toString(), 'hello world');
  });

  it('a wrong key gives BAD_PASSWORD, not garbage, in most cases', () => {
    const ct = rc2CbcEncrypt(hex('0102030405'), 40, Buffer.alloc(8, 7), Buffer.alloc(16, 1));
    assert.throws(() => rc2CbcDecrypt(hex('0102030406'), 40, Buffer.alloc(8, 7), ct), (e: unknown) => e instanceof PkiError && e.code === 'BAD_PASSWORD');
  });
});

describe('PKCS#12 KDF (known answers from `openssl kdf ... PKCS12KDF`)', () => {
  const bmpQueeg = bmpPassword('queeg').toString('hex');
  const vectors: Array<[pw: string, salt: string, id: 1 | 2 | 3, iter: number, len: number, hash: 'sha1' | 'sha256' | 'sha384' | 'sha512', out: string]> = [
    [bmpPassword('smeg').toString('hex'), '0a58cf64530d823f', 1, 1, 24, 'sha1', '8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3'],
    [bmpQueeg, '05dec959acff72f7', 3, 1000, 32, 'sha256', '64bd552bb4ecec8224b888d4fa1dc49c6ff894bfc59b10402d83ad46c0d8da4b'],
    ['0000', '05dec959acff72f7', 2, 3, 64, 'sha512', '98fbcfac388e6276672f64362a755f3b47a2493bfdff62146229a18f2379d844409dfbe1d192473cc5c7fb80370696fff3523e4f19d6959765ec90074ce4f950'],
    [bmpQueeg, '05dec959acff72f7aabbccdd', 1, 2048, 48, 'sha384', '399ad4ccb0f7e81fee5b54746a94e0ab2c7e7c8f14fea13cab36b21bceebb70936ee13e1cc3465fdbe9a37850b829d1b'],
    [bmpQueeg, '05dec959acff72f7', 1, 3, 50, 'sha1', 'ae3949f39609edafbf150d315636987478185cf986f044e79bc6d0c2757708ac4726c710115d3923c7053c1a7361be6215e8'],
    ['0000', '00', 2, 2, 70, 'sha256', '9130635e1e9e5c281b2760c9ebf584d466ad98c1218fe1408b8643ac379850f61d88819371aa55d501b742e0cd4d18945eaa419d9e57c94554e5314b171861cef89381e29f9e'],
  ];
  for (const [pw, salt, id, iter, len, hash, out] of vectors) {
    it(`${hash} id ${id} ${iter} iterations ${len} bytes`, () => {
      assert.equal(pkcs12Kdf(hex(pw), hex(salt), id, iter, len, hash).toString('hex'), out);
    });
  }

  it('encodes passwords as BMPString with a terminator; empty is two zero bytes', () => {
    assert.equal(bmpPassword('').toString('hex'), '0000');
    assert.equal(bmpPassword('ab').toString('hex'), '006100620000');
  });

  it('stops hostile iteration counts with LIMIT before working', () => {
    const budget = new WorkBudget(1000);
    assert.throws(() => pkcs12Kdf(bmpPassword('x'), hex('00'), 1, 10_000, 24, 'sha1', budget), (e: unknown) => e instanceof PkiError && e.code === 'LIMIT');
  });
});

describe('PBE encrypt and decrypt', () => {
  const plain = Buffer.from('0\x03\x02\x01\x05 and some more bytes');
  const starts30 = (b: Buffer): boolean => b[0] === 0x30;
  const cases: Array<[string, Parameters<typeof encryptPbes2>[2]]> = [
    ['AES-256 SHA-256 (openssl 3 default)', {}],
    ['AES-128 SHA-1', { cipher: 'aes-128-cbc', prf: 'sha1' }],
    ['AES-192 SHA-512', { cipher: 'aes-192-cbc', prf: 'sha512' }],
    ['DES-EDE3 SHA-256', { cipher: 'des-ede3-cbc' }],
  ];
  for (const [name, opts] of cases) {
    it(`PBES2 ${name} round-trips and names itself`, () => {
      const enc = encryptPbes2(plain, 'pässwörd', { ...opts, iterations: 100 });
      assert.deepEqual(decryptPbe(enc.algorithm, enc.data, 'pässwörd'), plain);
      assert.match(describePbe(enc.algorithm).name, /^PBES2\//);
      assert.equal(describePbe(enc.algorithm).iterations, 100);
      assert.throws(() => decryptPbe(enc.algorithm, enc.data, 'other', { accept: starts30 }), (e: unknown) => e instanceof PkiError && e.code === 'BAD_PASSWORD');
    });
  }

  it('PBES2 output decrypts with Node pbkdf2 + AES directly (interop sanity)', () => {
    const salt = Buffer.alloc(16, 9);
    const iv = Buffer.alloc(16, 3);
    const enc = encryptPbes2(plain, 'pw', { salt, iv, iterations: 10 });
    const key = crypto.pbkdf2Sync('pw', salt, 10, 32, 'sha256');
    const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
    assert.deepEqual(Buffer.concat([d.update(enc.data), d.final()]), plain);
  });

  it('3DES PKCS#12 PBE round-trips, also with an empty password', () => {
    for (const pw of ['secret', '']) {
      const enc = encryptPkcs12TripleDes(plain, pw, { iterations: 50 });
      assert.deepEqual(decryptPbe(enc.algorithm, enc.data, pw), plain);
      assert.equal(describePbe(enc.algorithm).name, 'pbeWithSHAAnd3-KeyTripleDES-CBC');
    }
  });

  it('the work budget bounds decryption', () => {
    const enc = encryptPbes2(plain, 'pw', { iterations: 5000 });
    assert.throws(() => decryptPbe(enc.algorithm, enc.data, 'pw', { budget: new WorkBudget(100) }), (e: unknown) => e instanceof PkiError && e.code === 'LIMIT');
  });
});

describe('PFX MAC', () => {
  const data = Buffer.from('authenticated safe bytes');
  for (const opts of [{ hash: 'sha1' as const }, { hash: 'sha256' as const }, { hash: 'sha384' as const }, { hash: 'sha512' as const }, { pbmac1: true }]) {
    it(`computes and verifies ${JSON.stringify(opts)}`, () => {
      const mac = computeMac(data, 'pw', { ...opts, iterations: 10 });
      assert.equal(verifyMac(mac, data, 'pw'), true);
      assert.equal(verifyMac(mac, data, 'wrong'), false);
      assert.equal(verifyMac(mac, Buffer.from('tampered'), 'pw'), false);
      assert.match(describeMac(mac).name, opts.pbmac1 ? /^PBMAC1\/HMAC-SHA256$/ : /^HMAC-SHA/);
    });
  }

  it('accepts an empty password written as zero bytes instead of an empty BMPString', () => {
    const salt = Buffer.alloc(8, 1);
    const key = pkcs12Kdf(Buffer.alloc(0), salt, 3, 10, 20, 'sha1');
    const mac = computeMac(data, '', { hash: 'sha1', iterations: 10, salt });
    mac.mac.digest = new (mac.mac.digest.constructor as new (b: Buffer) => typeof mac.mac.digest)(crypto.createHmac('sha1', key).update(data).digest());
    assert.equal(verifyMac(mac, data, ''), true);
  });
});

describe('against PKCS#12 files made by openssl', { skip: !hasTool('openssl') && 'openssl not installed' }, () => {
  const dir = tmpDir('estls-crypto-');
  before(() => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=kdf', '-days', '1', '-keyout', dir.file('k.pem'), '-out', dir.file('c.pem')]);
  });
  after(() => dir.cleanup());

  const variants: Array<{ name: string; args: string[]; password: string; legacy?: boolean }> = [
    { name: 'modern (AES-256, SHA-256 MAC)', args: [], password: 'changeit' },
    { name: 'legacy (3DES + RC2-40, SHA-1 MAC)', args: ['-legacy'], password: 'changeit', legacy: true },
    { name: 'empty password', args: [], password: '' },
    { name: 'legacy with empty password', args: ['-legacy'], password: '', legacy: true },
    { name: 'SHA-256 MAC, 10000 iterations (as keytool and certutil write)', args: ['-iter', '10000'], password: 'changeit' },
    { name: 'SHA-1 MAC, 10000 iterations', args: ['-iter', '10000', '-macalg', 'sha1'], password: 'changeit' },
    { name: 'SHA-512 MAC, 10000 iterations', args: ['-iter', '10000', '-macalg', 'sha512'], password: 'changeit' },
  ];
  for (const v of variants) {
    it(`verifies the MAC and decrypts every bag: ${v.name}`, (t) => {
      if (v.legacy && !hasLegacyProvider()) return t.skip('no legacy provider');
      const out = dir.file(`${v.name.replace(/\W+/g, '_')}.p12`);
      openssl(['pkcs12', '-export', ...v.args, '-inkey', dir.file('k.pem'), '-in', dir.file('c.pem'), '-out', out, '-passout', `pass:${v.password}`]);
      const pfx = AsnConvert.parse(fs.readFileSync(out), PFX);
      const content = Buffer.from(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer);
      assert.equal(verifyMac(pfx.macData, content, v.password), true);
      assert.equal(verifyMac(pfx.macData, content, v.password + 'x'), false);
      const safe = AsnConvert.parse(content, AuthenticatedSafe);
      let decrypted = 0;
      for (const ci of safe) {
        const bagsDer = ci.contentType === '1.2.840.113549.1.7.6' ? decryptEncryptedData(ci, v.password) : Buffer.from(AsnConvert.parse(ci.content, OctetString).buffer);
        for (const bag of AsnConvert.parse(bagsDer, SafeContents)) {
          if (bag.bagId !== '1.2.840.113549.1.12.10.1.2') continue;
          const shrouded = AsnConvert.parse(bag.bagValue, PKCS8ShroudedKeyBag);
          const pkcs8 = decryptPbe(shrouded.encryptionAlgorithm, Buffer.from(shrouded.encryptedData.buffer), v.password);
          const key = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
          assert.equal(key.asymmetricKeyType, 'rsa');
          decrypted++;
        }
      }
      assert.equal(decrypted, 1);
    });
  }
});

function decryptEncryptedData(ci: ContentInfo, password: string): Buffer {
  const ed = AsnConvert.parse(ci.content, EncryptedData);
  const eci = ed.encryptedContentInfo;
  const data = encryptedContentBytes(eci.encryptedContent);
  assert.ok(data);
  return decryptPbe(eci.contentEncryptionAlgorithm, data, password);
}
