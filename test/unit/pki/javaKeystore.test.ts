// JKS and JCEKS keystores: entries, chains, trusted certificates, the integrity check, key recovery, the entry
// Elasticsearch uses, and typed errors for broken files.
import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { PkiError } from '../../../server/src/pki/errors';
import { md5TripleDesKey, recoverKey } from '../../../server/src/pki/jks/keyProtector';
import { WorkBudget } from '../../../server/src/pki/pkcs12/crypto';
import { readJksLayout } from '../../../server/src/pki/jks/read';
import { Deadline } from '../../../server/src/pki/limits';
import { renderCertificateMarkdown } from '../../../server/src/pki/render';
import { makeCa, makeCert, type TestCert } from './helpers/certs';
import { writeJavaKeystore } from './helpers/javaKeystore';

const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
const read = (b: Uint8Array, password?: string) => readPkiFile(b, { clock, password, fileName: 'node.jks' });
const code = (c: string) => (e: unknown) => e instanceof PkiError && e.code === c;

describe('JKS and JCEKS keystores', () => {
  let ca: TestCert;
  let node: TestCert;
  before(async () => {
    ca = await makeCa('CN=Java CA');
    node = await makeCert({ subject: 'CN=node-1', issuer: ca, dns: ['node-1'], alg: 'p256' });
  });

  for (const type of ['JKS', 'JCEKS'] as const) {
    it(`${type}: lists a key entry's chain and a trusted entry, and opens the key with the store password`, () => {
      const bytes = writeJavaKeystore({ type, password: 'changeit', keys: [{ alias: 'node', key: node.key, chain: [node.der, ca.der] }], trusted: [{ alias: 'ca', cert: ca.der }] });
      const r = read(bytes, 'changeit').result;
      assert.equal(r.format, type === 'JKS' ? 'jks' : 'jceks');
      assert.deepEqual(r.entries.map((e) => [e.alias, e.hasKey, e.trusted, e.certificates.map((c) => c.subject)]), [
        ['node', true, false, ['CN=node-1', 'CN=Java CA']],
        ['ca', false, true, ['CN=Java CA']],
      ]);
      assert.equal(r.entries[0].keyMatchesCertificate, true);
      assert.equal(r.entries[0].usedByElasticsearch, true);
      assert.deepEqual(r.keystore?.selection, { keyAliases: ['node'], elasticsearch: 'only', kibana: 'unsupported-format' });
      assert.equal(r.keystore?.integrity, 'verified');
      assert.deepEqual(r.keys.map((k) => [k.algorithm, k.curve]), [['EC', 'P-256']]);
    });

    it(`${type}: without a password lists the certificates, leaves the key locked and says integrity is not verified`, () => {
      const bytes = writeJavaKeystore({ type, password: 'changeit', keys: [{ alias: 'node', key: node.key, chain: [node.der] }] });
      const r = read(bytes).result;
      assert.equal(r.keystore?.integrity, 'not-verified');
      assert.equal(r.entries[0].keyLocked, true);
      assert.equal(r.entries[0].keyMatchesCertificate, undefined);
      assert.equal(r.certificates[0].subject, 'CN=node-1');
      assert.equal(r.keys.length, 0);
    });

    it(`${type}: a wrong store password is BAD_PASSWORD`, () => {
      const bytes = writeJavaKeystore({ type, password: 'changeit', trusted: [{ alias: 'ca', cert: ca.der }] });
      assert.throws(() => read(bytes, 'nope'), code('BAD_PASSWORD'));
    });
  }

  it('an empty store password verifies without being given', () => {
    const r = read(writeJavaKeystore({ type: 'JKS', password: '', trusted: [{ alias: 'ca', cert: ca.der }] })).result;
    assert.equal(r.keystore?.integrity, 'verified');
  });

  it('a key with its own password stays locked while the store opens', () => {
    const bytes = writeJavaKeystore({ type: 'JKS', password: 'store', keys: [{ alias: 'node', key: node.key, chain: [node.der], keyPassword: 'other' }] });
    const r = read(bytes, 'store').result;
    assert.equal(r.keystore?.integrity, 'verified');
    assert.equal(r.entries[0].keyLocked, true);
  });

  it('says Elasticsearch picks per handshake among several key entries', () => {
    const bytes = writeJavaKeystore({ type: 'JKS', password: 'pw', keys: [{ alias: 'a', key: node.key, chain: [node.der] }, { alias: 'b', key: ca.key, chain: [ca.der] }] });
    const r = read(bytes, 'pw').result;
    assert.equal(r.keystore?.selection.elasticsearch, 'per-handshake');
    assert.ok(r.entries.every((e) => e.usedByElasticsearch === undefined));
    assert.match(renderCertificateMarkdown(r), /loads all 2 key entries/);
  });

  it('reads version 1 files (no certificate type before each certificate)', () => {
    const r = read(writeJavaKeystore({ type: 'JKS', password: 'pw', version: 1, trusted: [{ alias: 'ca', cert: ca.der }] }), 'pw').result;
    assert.equal(r.entries[0].certificates[0].subject, 'CN=Java CA');
  });

  it('lists entries up to a JCEKS secret-key entry and counts the rest', () => {
    const bytes = writeJavaKeystore({ type: 'JCEKS', password: 'pw', trusted: [{ alias: 'ca', cert: ca.der }], secrets: [{ alias: 's', serialized: Buffer.from('aced0005', 'hex') }] });
    const r = read(bytes, 'pw').result;
    assert.deepEqual(r.entries.map((e) => [e.alias, e.secretKey ?? false]), [['ca', false], ['s', true]]);
  });

  it('broken files end in typed errors', () => {
    const good = writeJavaKeystore({ type: 'JKS', password: 'pw', trusted: [{ alias: 'ca', cert: ca.der }] });
    assert.throws(() => read(good.subarray(0, 40), 'pw'), code('JKS'));
    const badCount = Buffer.from(good);
    badCount.writeInt32BE(5000, 8);
    assert.throws(() => read(badCount), code('JKS'));
    const badVersion = Buffer.from(good);
    badVersion.writeInt32BE(9, 4);
    assert.throws(() => read(badVersion), (e: unknown) => e instanceof PkiError && /version 9/.test(e.message));
  });

  it('recovers keys only with the right password and bounds JCEKS iterations', () => {
    const bytes = writeJavaKeystore({ type: 'JCEKS', password: 'pw', iterations: 3, keys: [{ alias: 'n', key: node.key, chain: [node.der] }] });
    assert.equal(read(bytes, 'pw').result.entries[0].keyMatchesCertificate, true);
    // A budget smaller than the iterations refuses the work.
    const protectedKey = readJksLayout(bytes, new Deadline()).entries[0].protectedKey as Uint8Array;
    assert.equal(recoverKey(protectedKey, 'pw', new WorkBudget(6))[0], 0x30);
    assert.throws(() => recoverKey(protectedKey, 'pw', new WorkBudget(5)), code('LIMIT'));
    assert.throws(() => recoverKey(protectedKey, 'wrong', new WorkBudget()), code('BAD_PASSWORD'));
  });

  it('derives the JDK PBEWithMD5AndTripleDES key, including equal salt halves', () => {
    const a = md5TripleDesKey(Buffer.from('pw'), Buffer.from('0102030401020304', 'hex'), 2);
    const b = md5TripleDesKey(Buffer.from('pw'), Buffer.from('0102030405060708', 'hex'), 2);
    assert.equal(a.key.length, 24);
    assert.equal(a.iv.length, 8);
    assert.notDeepEqual(a.key, b.key);
  });
});
