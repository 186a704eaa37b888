// Certificate rules over the formats read since issue 14: PKCS#7 bundles, Java keystores, CRLs and the
// Elasticsearch keystore in the settings that take them or not, and certificates a CRL beside them revokes.
import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { catalogFor } from '../../../server/src/catalog';
import type { Product } from '../../../server/src/catalog/types';
import { parseConfig } from '../../../server/src/config/parse';
import { certificateRules } from '../../../server/src/rules/certificates';
import type { Finding } from '../../../server/src/core/finding';
import type { FileStat, FileSystem } from '../../../server/src/core/environment';
import { defaultCheckOptions } from '../../../server/src/rules/types';
import { makeCa, makeCert, x509, type TestCert } from '../pki/helpers/certs';
import { writeJavaKeystore } from '../pki/helpers/javaKeystore';
import { writeEsKeystore } from '../pki/helpers/esKeystore';
import { pem, pkcs7Bundle } from '../pki/helpers/pkcs7';

const NOW = new Date();
const CONF = '/etc/elasticsearch';

function memoryFs(files: Record<string, string | Uint8Array>, listable = true): FileSystem {
  const table = new Map(Object.entries(files).map(([p, c]) => [path.resolve(CONF, p), typeof c === 'string' ? Buffer.from(c) : Buffer.from(c)]));
  const fs: FileSystem = {
    stat: (p): FileStat | undefined => (table.has(p) ? { size: table.get(p)!.length, mtimeMs: 1, isFile: true, isDirectory: false } : undefined),
    readFile: (p) => table.get(p),
  };
  if (listable) fs.listDir = (dir) => [...table.keys()].filter((p) => path.dirname(p) === dir).map((p) => ({ name: path.basename(p), isDirectory: false }));
  return fs;
}

function run(yml: string, files: Record<string, string | Uint8Array>, product: Product = 'elasticsearch', listable = true): Finding[] {
  const model = parseConfig(yml, { product, filePath: `${CONF}/${product}.yml` });
  return certificateRules({ model, catalog: catalogFor(product), fs: memoryFs(files, listable), clock: { now: () => NOW }, options: { ...defaultCheckOptions }, passwords: { get: () => undefined } });
}
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId).sort();

describe('certificate rules: PKCS#7, Java keystores, CRLs, elasticsearch.keystore', () => {
  let ca: TestCert;
  let other: TestCert;
  let node: TestCert;
  let crlDer: Buffer;
  before(async () => {
    ca = await makeCa('CN=Rules CA');
    other = await makeCa('CN=Other CA');
    node = await makeCert({ subject: 'CN=node-1', issuer: ca, dns: ['node-1'], eku: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'], serial: '1234' });
    const crl = await x509.X509CrlGenerator.create({
      issuer: new x509.X509Certificate(ca.der).subjectName, thisUpdate: new Date(Date.now() - 86_400_000), nextUpdate: new Date(Date.now() + 30 * 86_400_000),
      entries: [{ serialNumber: '1234', revocationDate: new Date('2026-05-02T00:00:00Z'), reason: x509.X509CrlReason.superseded }],
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as x509.X509CrlCreateParams['signingAlgorithm'], signingKey: ca.keys.privateKey,
    });
    crlDer = Buffer.from(crl.rawData);
  });

  const esPem = 'xpack.security.http.ssl:\n  enabled: true\n  certificate: certs/node.crt\n  key: certs/node.key\n  certificate_authorities: certs/ca.p7b\n';

  it('Elasticsearch takes a PKCS#7 bundle as certificate_authorities (DER or PEM) and checks the chain with it', () => {
    const base = { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem };
    assert.deepEqual(run(esPem, { ...base, 'certs/ca.p7b': pkcs7Bundle([ca.der]) }), []);
    assert.deepEqual(run(esPem, { ...base, 'certs/ca.p7b': pem('PKCS7', pkcs7Bundle([ca.der])) }), []);
    assert.deepEqual(ids(run(esPem, { ...base, 'certs/ca.p7b': pkcs7Bundle([other.der]) })), ['certificate-chain-untrusted']);
  });

  it('Kibana cannot read a PKCS#7 bundle and is told how to convert it', () => {
    const yml = 'elasticsearch.ssl.certificateAuthorities: [certs/ca.p7b]\n';
    const der = run(yml, { 'certs/ca.p7b': pkcs7Bundle([ca.der]) }, 'kibana');
    assert.deepEqual(ids(der), ['certificate-file-format']);
    assert.match(der[0].message, /openssl pkcs7 -inform der -print_certs -in .*ca\.p7b/);
    const pemFindings = run(yml, { 'certs/ca.p7b': pem('PKCS7', pkcs7Bundle([ca.der])) }, 'kibana');
    assert.deepEqual(ids(pemFindings), ['certificate-file-format']);
    assert.doesNotMatch(pemFindings[0].message, /-inform der/);
    assert.deepEqual(run(yml, { 'certs/ca.p7b': ca.pem }, 'kibana'), []);
  });

  it('Elasticsearch reads a JKS keystore and truststore; Kibana is told to convert them with keytool', () => {
    const jks = writeJavaKeystore({ type: 'JKS', password: 'changeit', keys: [{ alias: 'node', key: node.key, chain: [node.der, ca.der] }], trusted: [{ alias: 'ca', cert: ca.der }] });
    const es = 'xpack.security.transport.ssl:\n  enabled: true\n  keystore.path: certs/node.jks\n  keystore.password: changeit\n  truststore.path: certs/node.jks\n  truststore.password: changeit\n';
    assert.deepEqual(run(es, { 'certs/node.jks': jks }), []);
    const kib = run('server.ssl.enabled: true\nserver.ssl.keystore.path: certs/node.jks\nserver.ssl.keystore.password: changeit\n', { 'certs/node.jks': jks }, 'kibana');
    assert.deepEqual(ids(kib), ['certificate-file-format']);
    assert.match(kib[0].message, /keytool -importkeystore -srckeystore \S*node\.jks -destkeystore \S*node\.jks\.p12 -deststoretype PKCS12/);
  });

  it('a wrong JKS password is reported as for PKCS#12', () => {
    const jks = writeJavaKeystore({ type: 'JKS', password: 'changeit', trusted: [{ alias: 'ca', cert: ca.der }] });
    const r = run('xpack.security.http.ssl:\n  truststore.path: certs/t.jks\n  truststore.password: nope\n', { 'certs/t.jks': jks });
    assert.deepEqual(ids(r), ['certificate-bad-password']);
  });

  it('a CRL or the Elasticsearch keystore where a certificate or keystore belongs is a format error', () => {
    const crlAsCa = run('xpack.security.http.ssl:\n  certificate_authorities: certs/ca.crl\n', { 'certs/ca.crl': crlDer });
    assert.deepEqual(ids(crlAsCa), ['certificate-file-format']);
    assert.match(crlAsCa[0].message, /revocation list/);
    const esks = run('xpack.security.http.ssl:\n  enabled: true\n  keystore.path: elasticsearch.keystore\n', { 'elasticsearch.keystore': writeEsKeystore({ version: 5, settings: { 'keystore.seed': 'x' } }) });
    assert.deepEqual(ids(esks), ['certificate-file-format']);
    assert.match(esks[0].message, /secure-settings keystore/);
  });

  it('reports a configured certificate that a CRL beside it revokes, and stays silent otherwise', () => {
    const files = { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem };
    const yml = 'xpack.security.http.ssl:\n  enabled: true\n  certificate: certs/node.crt\n  key: certs/node.key\n  certificate_authorities: certs/ca.crt\n';
    const r = run(yml, { ...files, 'certs/ca.crl': crlDer });
    assert.deepEqual(ids(r), ['certificate-revoked']);
    assert.equal(r[0].severity, 'warning');
    assert.match(r[0].message, /CN=node-1.*serial 1234.*ca\.crl.*2026-05-02, superseded/);
    assert.equal(yml.slice(r[0].range.start, r[0].range.end), 'certs/node.crt');
    assert.deepEqual(run(yml, { ...files, 'certs/ca.crl.pem': pem('X509 CRL', crlDer) }).map((f) => f.ruleId), ['certificate-revoked']);
    assert.deepEqual(run(yml, files), []);
    assert.deepEqual(run(yml, { ...files, 'other/ca.crl': crlDer }), []);
    assert.deepEqual(run(yml, { ...files, 'certs/ca.crl': crlDer }, 'elasticsearch', false), []);
  });
});
