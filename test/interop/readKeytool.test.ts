// Keystores made by Java's keytool (JDK 17+ PKCS#12 defaults), and our P12 writer's output read back by
// keytool: key entries, trusted entries, several entries, aliases.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readPkiFile } from '../../server/src/pki/readPkiFile';
import { PkiError } from '../../server/src/pki/errors';
import { hasTool, keytool, keytoolPath, openssl, run, tmpDir } from './helpers/tools';
import { issue, keytoolImportTrusted, keytoolKeystore } from './helpers/opensslPki';

const clock = { now: () => new Date() };
const readPath = (p: string, password?: string) => readPkiFile(fs.readFileSync(p), { clock, password, fileName: p });
const haveTools = hasTool(keytoolPath(), ['-help']) && hasTool('openssl');

describe('keystores made by keytool', { skip: !haveTools && 'keytool or openssl not installed' }, () => {
  const dir = tmpDir('estls-keytool-');
  let ca: { cert: string; key: string };
  before(() => {
    ca = issue(dir, 'ca', { subject: '/CN=Keytool Test CA', kind: 'rsa', ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=keyCertSign,cRLSign'] });
  });
  after(() => dir.cleanup());

  it('reads a -genkeypair PKCS#12 keystore with Java 17+ protection', () => {
    const ks = keytoolKeystore(dir, 'node', 'node1', 'changeit');
    const file = readPath(ks, 'changeit');
    assert.equal(file.result.entries.length, 1);
    const e = file.result.entries[0];
    assert.equal(e.alias, 'node1');
    assert.equal(e.hasKey, true);
    assert.equal(e.keyMatchesCertificate, true);
    assert.equal(e.certificates[0].subject, 'CN=node1');
    // JDK 17.0.? and later write PBES2/AES-256 with an HMAC-SHA256 MAC and 10000 iterations by default.
    const javaMajor = Number(/version "(\d+)/.exec(run('java', ['-version'], { allowFailure: true }).stderr)?.[1] ?? 0);
    if (javaMajor >= 17) {
      assert.deepEqual(file.result.protection, { macAlgorithm: 'HMAC-SHA256', keyAlgorithm: 'PBES2/AES-256-CBC', certAlgorithm: 'PBES2/AES-256-CBC', iterations: 10000 });
    }
    assert.throws(() => readPath(ks, 'wrong-pass'), (err: unknown) => err instanceof PkiError && err.code === 'BAD_PASSWORD');
    assert.throws(() => readPath(ks), (err: unknown) => err instanceof PkiError && err.code === 'PASSWORD_REQUIRED');
  });

  it('reads several key entries, EC keys included', () => {
    const ks = keytoolKeystore(dir, 'multi', 'rsa-entry', 'changeit');
    keytool(['-genkeypair', '-storetype', 'PKCS12', '-keystore', ks, '-storepass', 'changeit', '-alias', 'ec-entry', '-keyalg', 'EC', '-groupname', 'secp384r1', '-dname', 'CN=ec-entry', '-validity', '30', '-noprompt']);
    const file = readPath(ks, 'changeit');
    const byAlias = new Map(file.result.entries.map((e) => [e.alias, e]));
    assert.equal(byAlias.get('rsa-entry')?.certificates[0].publicKey.algorithm, 'RSA');
    assert.deepEqual(byAlias.get('ec-entry')?.certificates[0].publicKey, { algorithm: 'EC', size: 384, curve: 'P-384' });
    assert.ok(file.result.entries.every((e) => e.hasKey && e.keyMatchesCertificate));
  });

  it('marks -importcert entries as trusted (the Java trusted-certificate attribute)', () => {
    const ts = dir.file('truststore.p12');
    keytoolImportTrusted(ts, 'elastic-ca', ca.cert, 'trustpass');
    const file = readPath(ts, 'trustpass');
    assert.equal(file.result.entries.length, 1);
    assert.deepEqual({ alias: file.result.entries[0].alias, trusted: file.result.entries[0].trusted, hasKey: file.result.entries[0].hasKey }, { alias: 'elastic-ca', trusted: true, hasKey: false });
    assert.equal(file.result.entries[0].certificates[0].subject, 'CN=Keytool Test CA');
  });

  it('keytool lists what our reader reports for a keystore openssl wrote', () => {
    const leaf = issue(dir, 'leaf', { subject: '/CN=leaf', kind: 'p256', issuer: ca, ext: ['subjectAltName=DNS:leaf'] });
    const p12 = dir.file('openssl.p12');
    openssl(['pkcs12', '-export', '-inkey', leaf.key, '-in', leaf.cert, '-name', 'leaf', '-out', p12, '-passout', 'pass:changeit']);
    const listing = keytool(['-list', '-storetype', 'PKCS12', '-keystore', p12, '-storepass', 'changeit']);
    assert.match(listing, /leaf, .*PrivateKeyEntry/);
    assert.deepEqual(readPath(p12, 'changeit').result.entries.map((e) => [e.alias, e.hasKey]), [['leaf', true]]);
  });
});
