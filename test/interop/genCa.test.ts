// Signing with CAs made by other tools: openssl (PEM and PKCS#12), keytool (a Java PKCS#12 like certutil's),
// and an intermediate CA, whose subject (not issuer) must become the leaf's issuer.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { generate, type CaSource, type GenerateResult } from '../../server/src/pki/generate/index';
import { nodeFileSystem } from '../../server/src/core/nodeFileSystem';
import { hasTool, keytool, keytoolPath, openssl, run, tmpDir, type TempDir } from './helpers/tools';

let dir: TempDir;

async function signWith(ca: CaSource): Promise<GenerateResult> {
  return generate(
    { kind: 'cert', format: 'pem', ca, key: { type: 'ec', curve: 'P-256' }, instances: [{ name: 'leaf', dns: ['leaf.example'], ip: [] }] },
    { fs: nodeFileSystem, clock: { now: () => new Date() }, baseDir: dir.path },
  );
}

function saveLeaf(result: GenerateResult, name: string): string {
  const f = result.files.find((x) => x.path === 'leaf/leaf.crt');
  assert.ok(f);
  fs.writeFileSync(dir.file(name), Buffer.from(f.contentBase64, 'base64'));
  return dir.file(name);
}

describe('signing with CAs from other tools', { skip: !hasTool('openssl') && 'openssl not found' }, () => {
  before(() => {
    dir = tmpDir('estls-genca-');
    const subj = ['-subj', '/C=DE/O=Übung GmbH/CN=Root CA'];
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', dir.file('root.key'), '-out', dir.file('root.crt'), '-days', '30', ...subj,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', dir.file('inter.key'), '-out', dir.file('inter.csr'), '-subj', '/O=Acme/CN=Intermediate CA']);
    fs.writeFileSync(dir.file('inter.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
    openssl(['x509', '-req', '-in', dir.file('inter.csr'), '-CA', dir.file('root.crt'), '-CAkey', dir.file('root.key'), '-CAcreateserial', '-out', dir.file('inter.crt'), '-days', '30', '-extfile', dir.file('inter.ext')]);
    openssl(['pkcs12', '-export', '-in', dir.file('root.crt'), '-inkey', dir.file('root.key'), '-out', dir.file('root.p12'), '-passout', 'pass:p12pass', '-name', 'ca']);
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', dir.file('notca.key'), '-out', dir.file('notca.crt'), '-days', '30', '-subj', '/CN=not a ca',
      '-addext', 'basicConstraints=CA:FALSE']);
  });
  after(() => dir?.cleanup());

  it('signs with an openssl PEM root CA (UTF-8 names) and openssl verifies the result', async () => {
    const leaf = saveLeaf(await signWith({ kind: 'pem', certPath: 'root.crt', keyPath: 'root.key' }), 'leaf-root.crt');
    assert.match(openssl(['verify', '-CAfile', dir.file('root.crt'), leaf]), /: OK/);
  });

  it('signs with an intermediate CA: the leaf names the intermediate as issuer and the chain verifies', async () => {
    const leaf = saveLeaf(await signWith({ kind: 'pem', certPath: 'inter.crt', keyPath: 'inter.key' }), 'leaf-inter.crt');
    const issuer = openssl(['x509', '-in', leaf, '-noout', '-issuer', '-nameopt', 'RFC2253']);
    assert.match(issuer, /CN=Intermediate CA,O=Acme/);
    assert.match(openssl(['verify', '-CAfile', dir.file('root.crt'), '-untrusted', dir.file('inter.crt'), leaf]), /: OK/);
    const interSki = openssl(['x509', '-in', dir.file('inter.crt'), '-noout', '-ext', 'subjectKeyIdentifier']).split('\n')[1].trim();
    assert.match(openssl(['x509', '-in', leaf, '-noout', '-ext', 'authorityKeyIdentifier']), new RegExp(interSki));
  });

  it('finds the intermediate in a bundle that lists the root first', async () => {
    fs.writeFileSync(dir.file('bundle.crt'), fs.readFileSync(dir.file('root.crt'), 'utf8') + fs.readFileSync(dir.file('inter.crt'), 'utf8'));
    const leaf = saveLeaf(await signWith({ kind: 'pem', certPath: 'bundle.crt', keyPath: 'inter.key' }), 'leaf-bundle.crt');
    assert.match(openssl(['verify', '-CAfile', dir.file('root.crt'), '-untrusted', dir.file('inter.crt'), leaf]), /: OK/);
  });

  it('signs with an openssl-made PKCS#12 CA', async () => {
    const leaf = saveLeaf(await signWith({ kind: 'pkcs12', path: 'root.p12', password: 'p12pass' }), 'leaf-p12.crt');
    assert.match(openssl(['verify', '-CAfile', dir.file('root.crt'), leaf]), /: OK/);
  });

  it('signs with a keytool-made PKCS#12 CA (what certutil and Java write)', { skip: !hasTool('keytool', ['-help']) && 'keytool not found' }, async () => {
    keytool(['-genkeypair', '-alias', 'ca', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=Java CA', '-ext', 'bc:c', '-validity', '30',
      '-storetype', 'PKCS12', '-keystore', dir.file('java-ca.p12'), '-storepass', 'javapass', '-keypass', 'javapass']);
    const caPem = run(keytoolPath(), ['-exportcert', '-rfc', '-alias', 'ca', '-keystore', dir.file('java-ca.p12'), '-storepass', 'javapass']).stdout;
    fs.writeFileSync(dir.file('java-ca.crt'), caPem);
    const leaf = saveLeaf(await signWith({ kind: 'pkcs12', path: 'java-ca.p12', password: 'javapass' }), 'leaf-java.crt');
    assert.match(openssl(['verify', '-CAfile', dir.file('java-ca.crt'), leaf]), /: OK/);
  });

  it('refuses a certificate that is not a CA, and a key that is not the CA\'s', async () => {
    await assert.rejects(signWith({ kind: 'pem', certPath: 'notca.crt', keyPath: 'notca.key' }), { code: 'NOT_A_CA' });
    await assert.rejects(signWith({ kind: 'pem', certPath: 'root.crt', keyPath: 'inter.key' }), { code: 'KEY_MISMATCH' });
  });
});
