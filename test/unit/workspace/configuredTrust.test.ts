// The viewer's verdict on a certificate file: each context presenting it, the chain it builds and whether the CAs
// configured beside it (certificate_authorities, truststore) verify it, pointing at the settings' lines.
import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeFileSystem } from '../../../server/src/core/nodeFileSystem';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import { makeSignedCertificate } from '../../../server/src/pki/generate/index';
import { certificateToPem, privateKeyToPem } from '../../../server/src/pki/pemWrite';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import type { CheckEnvironment } from '../../../server/src/rules/types';
import { configuredTrust } from '../../../server/src/workspace/configuredTrust';
import { WorkspaceModel } from '../../../server/src/workspace/model';
import { ca, leaf, NOW, p12, tempWorkspace } from './fixtures';

type Ca = Awaited<ReturnType<typeof ca>>;

function env(root: string): CheckEnvironment {
  const clock = { now: () => NOW };
  return { fs: nodeFileSystem, clock, passwords: { get: () => undefined }, certificates: new CertificateFileCache(nodeFileSystem, clock), options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [root] } };
}

describe('verification of a certificate file against the CAs configured beside it', () => {
  let prod: Ca;
  let lab: Ca;
  const w = tempWorkspace();
  const trustOf = (file: string) => {
    const model = new WorkspaceModel(w.root, () => env(w.root)).scan();
    return configuredTrust(model.allParts(), path.join(w.root, file), NOW, model.label);
  };

  before(async () => {
    [prod, lab] = await Promise.all([ca('Prod CA'), ca('Lab CA')]);
    const t = await leaf(prod, 'es01', ['es01']);
    w.write('es01/certs/transport.crt', t.cert);
    w.write('es01/certs/transport.key', t.key);
    w.write('es01/certs/prod.crt', prod.pem);
    w.write('es01/certs/lab.crt', lab.pem);
  });
  after(() => w.cleanup());

  it('trusted: names the CA and the setting (file:line) that configures it', () => {
    w.write('es01/elasticsearch.yml', [
      'node.name: es01',
      'xpack.security.transport.ssl.certificate: certs/transport.crt',
      'xpack.security.transport.ssl.key: certs/transport.key',
      'xpack.security.transport.ssl.certificate_authorities: [ certs/lab.crt, certs/prod.crt ]',
      '',
    ].join('\n'));
    const [t, ...rest] = trustOf('es01/certs/transport.crt');
    assert.deepEqual(rest, []);
    assert.equal(t.verdict, 'trusted');
    assert.equal(t.component, 'es01');
    assert.equal(t.prefix, 'xpack.security.transport.ssl.');
    assert.deepEqual(t.chain, ['CN=es01', 'CN=Prod CA']);
    assert.deepEqual({ ...t.usedBy, place: undefined }, { setting: 'xpack.security.transport.ssl.certificate', value: 'certs/transport.crt', label: 'es01/elasticsearch.yml:2', place: undefined });
    assert.equal(t.usedBy.place.file, path.join(w.root, 'es01/elasticsearch.yml'));
    assert.deepEqual(t.authorities.map((a) => a.label), ['es01/elasticsearch.yml:4', 'es01/elasticsearch.yml:4']);
    assert.equal(t.anchor?.subject, 'CN=Prod CA');
    assert.deepEqual(t.authorities.map((a) => a.value), ['certs/lab.crt', 'certs/prod.crt']);
    assert.equal(t.anchor?.setting.value, 'certs/prod.crt');
    assert.equal(t.anchor?.setting.place.column, 'xpack.security.transport.ssl.certificate_authorities: [ certs/lab.crt, '.length, 'the list item that holds the CA');
    assert.match(t.message, /^Trusted by CN=Prod CA, configured in xpack\.security\.transport\.ssl\.certificate_authorities \(es01\/elasticsearch\.yml:4\)\.$/);
  });

  it('not trusted: the issuer is not among the configured CAs, with the setting\'s file:line', () => {
    w.write('es01/elasticsearch.yml', [
      'node.name: es01',
      'xpack.security.transport.ssl:',
      '  certificate: certs/transport.crt',
      '  key: certs/transport.key',
      '  certificate_authorities: certs/lab.crt',
      '',
    ].join('\n'));
    const [t] = trustOf('es01/certs/transport.crt');
    assert.equal(t.verdict, 'untrusted');
    assert.equal(t.anchor, undefined);
    assert.deepEqual(t.chain, ['CN=es01']);
    assert.equal(t.message, 'Not trusted: its issuer CN=Prod CA is not among the CAs configured beside it in xpack.security.transport.ssl.certificate_authorities (es01/elasticsearch.yml:5).');
  });

  it('not verified when the context configures no CA; other files and contexts are not reported', () => {
    w.write('es01/elasticsearch.yml', 'node.name: es01\nxpack.security.transport.ssl.certificate: certs/transport.crt\nxpack.security.transport.ssl.key: certs/transport.key\n');
    const [t] = trustOf('es01/certs/transport.crt');
    assert.equal(t.verdict, 'no-cas');
    assert.deepEqual(t.authorities, []);
    assert.equal(t.message, 'Not verified: no certificate authorities or truststore are configured beside it (xpack.security.transport.ssl.*).');
    assert.deepEqual(trustOf('es01/certs/prod.crt'), [], 'a CA file is not a presented certificate');
  });

  it('a chain that reaches a configured CA through an expired certificate is not trusted, and says both', async () => {
    const past = new Date(NOW.getTime() - 400 * 86_400_000);
    const old = await makeSignedCertificate({ instance: { name: 'es01', dns: ['es01'], ip: [] }, ca: prod, profile: 'transport', key: { type: 'ec', curve: 'P-256' }, days: 30, now: past });
    w.write('es01/certs/old.crt', certificateToPem(old.certDer));
    w.write('es01/certs/old.key', privateKeyToPem(old.key));
    w.write('es01/elasticsearch.yml', 'xpack.security.transport.ssl.certificate: certs/old.crt\nxpack.security.transport.ssl.key: certs/old.key\nxpack.security.transport.ssl.certificate_authorities: certs/prod.crt\n');
    const [t] = trustOf('es01/certs/old.crt');
    assert.equal(t.verdict, 'untrusted');
    assert.equal(t.anchor?.subject, 'CN=Prod CA');
    assert.match(t.message, /^Not trusted: it chains to CN=Prod CA, configured in xpack\.security\.transport\.ssl\.certificate_authorities \(es01\/elasticsearch\.yml:3\), but CN=es01 expired on \d{4}-\d\d-\d\d\.$/);
  });

  it('a PKCS#12 keystore presenting its key entry, verified by a PKCS#12 truststore', async () => {
    w.write('es01/certs/node.p12', await p12(prod, 'es01', ''));
    w.write('es01/certs/trust.p12', writePkcs12([], [{ alias: 'ca', certDer: lab.certDer }], { password: '' }));
    w.write('es01/elasticsearch.yml', 'node.name: es01\nxpack.security.http.ssl.keystore.path: certs/node.p12\nxpack.security.http.ssl.truststore.path: certs/trust.p12\n');
    const [t] = trustOf('es01/certs/node.p12');
    assert.equal(t.prefix, 'xpack.security.http.ssl.');
    assert.equal(t.usedBy.setting, 'xpack.security.http.ssl.keystore.path');
    // The keystore's chain ends in Prod CA, which the truststore (Lab CA) does not hold.
    assert.equal(t.verdict, 'untrusted');
    assert.match(t.message, /self-signed and not among the CAs configured beside it in xpack\.security\.http\.ssl\.truststore\.path \(es01\/elasticsearch\.yml:3\)/);
    w.write('es01/certs/trust.p12', writePkcs12([], [{ alias: 'ca', certDer: prod.certDer }], { password: '' }));
    const [ok] = trustOf('es01/certs/node.p12');
    assert.equal(ok.verdict, 'trusted');
    assert.equal(ok.anchor?.setting.setting, 'xpack.security.http.ssl.truststore.path');
  });
});

describe('the CA settings in a message', () => {
  it('name a list setting once, whatever the number of its items', async () => {
    const w = tempWorkspace();
    try {
      const [prod, lab, other] = await Promise.all([ca('Prod CA'), ca('Lab CA'), ca('Other CA')]);
      const t = await leaf(prod, 'es01', ['es01']);
      w.write('certs/node.crt', t.cert);
      w.write('certs/node.key', t.key);
      w.write('certs/lab.crt', lab.pem);
      w.write('certs/other.crt', other.pem);
      w.write('elasticsearch.yml', 'xpack.security.http.ssl.certificate: certs/node.crt\nxpack.security.http.ssl.key: certs/node.key\nxpack.security.http.ssl.certificate_authorities: [ certs/lab.crt, certs/other.crt ]\n');
      const model = new WorkspaceModel(w.root, () => env(w.root)).scan();
      const [r] = configuredTrust(model.allParts(), path.join(w.root, 'certs/node.crt'), NOW, model.label);
      assert.equal(r.authorities.length, 2);
      assert.equal(r.message, 'Not trusted: its issuer CN=Prod CA is not among the CAs configured beside it in xpack.security.http.ssl.certificate_authorities (elasticsearch.yml:3).');
    } finally {
      w.cleanup();
    }
  });
});
