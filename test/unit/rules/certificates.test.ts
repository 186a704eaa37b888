import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { catalogFor } from '../../../server/src/catalog';
import type { Product } from '../../../server/src/catalog/types';
import { parseConfig } from '../../../server/src/config/parse';
import { certificateRules } from '../../../server/src/rules/certificates';
import type { Finding } from '../../../server/src/core/finding';
import type { FileStat, FileSystem } from '../../../server/src/core/environment';
import { defaultCheckOptions } from '../../../server/src/rules/types';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import { makeCa, makeCert } from '../pki/helpers/certs';
import type { TestCert } from '../pki/helpers/certs';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const CONF = '/etc/elasticsearch';

function binaryFs(files: Record<string, string | Uint8Array>): FileSystem {
  const table = new Map(Object.entries(files).map(([p, c]) => [path.resolve(CONF, p), typeof c === 'string' ? Buffer.from(c) : c]));
  return {
    stat: (p): FileStat | undefined => {
      const b = table.get(p);
      return b ? { size: b.length, mtimeMs: 1, isFile: true, isDirectory: false } : undefined;
    },
    readFile: (p) => table.get(p),
  };
}

interface RunOptions {
  product?: Product;
  passwords?: Record<string, string>;
  expiryWarningDays?: number;
}

function run(yml: string, files: Record<string, string | Uint8Array>, o: RunOptions = {}): { findings: Finding[]; text: (f: Finding) => string } {
  const product = o.product ?? 'elasticsearch';
  const model = parseConfig(yml, { product, filePath: `${CONF}/${product}.yml` });
  const findings = certificateRules({
    model,
    catalog: catalogFor(product),
    fs: binaryFs(files),
    clock: { now: () => NOW },
    options: { ...defaultCheckOptions, expiryWarningDays: o.expiryWarningDays ?? 30 },
    passwords: { get: (p) => o.passwords?.[path.relative(CONF, p)] },
  });
  return { findings, text: (f) => yml.slice(f.range.start, f.range.end) };
}

const ids = (fs: Finding[]) => fs.map((f) => f.ruleId).sort();

describe('certificate rules', () => {
  let ca: TestCert;
  let otherCa: TestCert;
  let inter: TestCert;
  let node: TestCert;
  let viaInter: TestCert;
  let expired: TestCert;
  let expiring: TestCert;
  let serverOnly: TestCert;
  before(async () => {
    // Within the 398 days browsers accept, so Kibana's server.ssl tests see no validity hint.
    const valid = { notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 360 * DAY) };
    ca = await makeCa('CN=Elastic CA', valid);
    otherCa = await makeCa('CN=Other CA', valid);
    inter = await makeCa('CN=Intermediate CA', { issuer: ca, ...valid });
    node = await makeCert({ subject: 'CN=es01', issuer: ca, dns: ['es01', 'es01.example.com'], ips: ['10.0.0.1'], ...valid });
    viaInter = await makeCert({ subject: 'CN=es02', issuer: inter, dns: ['es02'], ...valid });
    expired = await makeCert({ subject: 'CN=old', issuer: ca, dns: ['es01.example.com'], notBefore: new Date(NOW.getTime() - 100 * DAY), notAfter: new Date(NOW.getTime() - 5 * DAY) });
    expiring = await makeCert({ subject: 'CN=soon', issuer: ca, dns: ['es01.example.com'], notBefore: new Date(NOW.getTime() - 100 * DAY), notAfter: new Date(NOW.getTime() + 12 * DAY) });
    serverOnly = await makeCert({ subject: 'CN=server-only', issuer: ca, dns: ['es01.example.com'], eku: ['1.3.6.1.5.5.7.3.1'], ...valid });
  });

  const transportPem = (cert: string, key: string, cas = 'certs/ca.crt') => `xpack.security.transport.ssl:
  enabled: true
  certificate: ${cert}
  key: ${key}
  certificate_authorities: [ "${cas}" ]
`;

  it('is silent for a good PEM transport setup, flat and nested', () => {
    const files = { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem };
    assert.deepEqual(run(transportPem('certs/node.crt', 'certs/node.key'), files).findings, []);
    const flat = 'xpack.security.transport.ssl.enabled: true\nxpack.security.transport.ssl.certificate: certs/node.crt\nxpack.security.transport.ssl.key: certs/node.key\nxpack.security.transport.ssl.certificate_authorities: certs/ca.crt\n';
    assert.deepEqual(run(flat, files).findings, []);
  });

  it('reports expired and expiring certificates on the setting value', () => {
    const files = { 'certs/old.crt': expired.pem, 'certs/old.key': expired.keyPem, 'certs/soon.crt': expiring.pem, 'certs/soon.key': expiring.keyPem, 'certs/ca.crt': ca.pem };
    const old = run(transportPem('certs/old.crt', 'certs/old.key'), files);
    assert.deepEqual(ids(old.findings), ['certificate-expired']);
    assert.equal(old.findings[0].severity, 'error');
    assert.equal(old.text(old.findings[0]), 'certs/old.crt');
    const soon = run(transportPem('certs/soon.crt', 'certs/soon.key'), files);
    assert.deepEqual(ids(soon.findings), ['certificate-expiring']);
    assert.match(soon.findings[0].message, /expires in 12 days/);
    assert.deepEqual(run(transportPem('certs/soon.crt', 'certs/soon.key'), files, { expiryWarningDays: 10 }).findings, []);
  });

  it('reports a key that is not the certificate\'s', () => {
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const r = run(transportPem('certs/node.crt', 'certs/other.key'), { 'certs/node.crt': node.pem, 'certs/other.key': other, 'certs/ca.crt': ca.pem });
    assert.deepEqual(ids(r.findings), ['key-certificate-mismatch']);
    assert.equal(r.text(r.findings[0]), 'certs/other.key');
    assert.equal(r.findings[0].related?.length, 1);
  });

  it('reports a chain that does not reach the configured CAs, naming the issuer', () => {
    const r = run(transportPem('certs/node.crt', 'certs/node.key', 'certs/other.crt'), { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/other.crt': otherCa.pem });
    assert.deepEqual(ids(r.findings), ['certificate-chain-untrusted']);
    assert.equal(r.findings[0].severity, 'error');
    assert.match(r.findings[0].message, /CN=Elastic CA/);
  });

  it('reports a missing intermediate and is silent once the chain carries it', () => {
    const files = { 'certs/leaf.crt': viaInter.pem, 'certs/chain.crt': viaInter.pem + inter.pem, 'certs/node.key': viaInter.keyPem, 'certs/ca.crt': ca.pem };
    const r = run(transportPem('certs/leaf.crt', 'certs/node.key'), files);
    assert.deepEqual(ids(r.findings), ['certificate-chain-untrusted']);
    assert.match(r.findings[0].message, /CN=Intermediate CA/);
    assert.deepEqual(run(transportPem('certs/chain.crt', 'certs/node.key'), files).findings, []);
  });

  it('reports a transport certificate whose EKU lacks clientAuth, but not on HTTP', () => {
    const files = { 'certs/s.crt': serverOnly.pem, 'certs/s.key': serverOnly.keyPem, 'certs/ca.crt': ca.pem };
    assert.deepEqual(ids(run(transportPem('certs/s.crt', 'certs/s.key'), files).findings), ['transport-certificate-eku']);
    const http = 'xpack.security.http.ssl:\n  enabled: true\n  certificate: certs/s.crt\n  key: certs/s.key\n';
    assert.deepEqual(run(http, files).findings, []);
  });

  it('warns when SANs miss network.host under full verification only', () => {
    const files = { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem };
    const base = transportPem('certs/node.crt', 'certs/node.key');
    const miss = run(`network.host: es09.example.com\n${base}`, files);
    assert.deepEqual(ids(miss.findings), ['certificate-hostname-mismatch']);
    assert.match(miss.findings[0].message, /es09\.example\.com/);
    assert.deepEqual(run(`network.host: es01.example.com\ntransport.publish_host: 10.0.0.1\n${base}`, files).findings, []);
    assert.deepEqual(run(`network.host: [_site_, 0.0.0.0]\n${base}`, files).findings, []);
    assert.deepEqual(run(`network.host: es09.example.com\n${base}  verification_mode: certificate\n`, files).findings, []);
  });

  it('reports a truststore without trusted entries (certutil CA file) and suggests certificate_authorities', () => {
    const caP12 = writePkcs12([{ alias: 'ca', key: ca.key, chain: [ca.der] }], [], { password: '', iterations: 100 });
    const nodeP12 = writePkcs12([{ alias: 'es01', key: node.key, chain: [node.der] }], [{ alias: 'ca', certDer: ca.der }], { password: '', iterations: 100 });
    const yml = (ts: string) => `xpack.security.transport.ssl:\n  enabled: true\n  keystore.path: certs/node.p12\n  truststore.path: ${ts}\n`;
    const files = { 'certs/node.p12': nodeP12, 'certs/elastic-stack-ca.p12': caP12 };
    const r = run(yml('certs/elastic-stack-ca.p12'), files);
    assert.deepEqual(ids(r.findings), ['truststore-without-trusted-entries']);
    assert.match(r.findings[0].message, /certificate_authorities/);
    assert.deepEqual(run(yml('certs/node.p12'), files).findings, []);
  });

  it('reports a PKCS#12 file given to a PEM setting and the reverse', () => {
    const p12 = writePkcs12([{ alias: 'es01', key: node.key, chain: [node.der] }], [], { password: 'secret', iterations: 100 });
    const pemAsKeystore = run('xpack.security.http.ssl:\n  enabled: true\n  keystore.path: certs/node.crt\n', { 'certs/node.crt': node.pem });
    assert.deepEqual(ids(pemAsKeystore.findings), ['certificate-file-format']);
    const p12AsCert = run('xpack.security.http.ssl:\n  enabled: true\n  certificate: certs/node.p12\n  key: certs/node.key\n', { 'certs/node.p12': p12, 'certs/node.key': node.keyPem });
    assert.deepEqual(ids(p12AsCert.findings), ['certificate-file-format']);
    assert.match(p12AsCert.findings[0].message, /keystore\.path/);
  });

  // Elasticsearch reads certificate files with Java's CertificateFactory.generateCertificates, which takes DER as
  // well as PEM (PemUtils.readCertificates in elastic/elasticsearch libs/ssl-config, used by PemKeyConfig and
  // PemTrustConfig); private keys only as PEM (PemUtils.readPrivateKey). Kibana gives files to Node.js: PEM only.
  it('takes DER certificates for Elasticsearch and checks the chain with them; a DER key or Kibana is told to convert', () => {
    const derFiles = { 'certs/ca.der': ca.der, 'certs/node.der': node.der, 'certs/node.key': node.keyPem };
    const esYml = 'xpack.security.http.ssl:\n  enabled: true\n  certificate: certs/node.der\n  key: certs/node.key\n  certificate_authorities: certs/ca.der\n';
    assert.deepEqual(run(esYml, derFiles).findings, []);
    // The DER CA is read, not skipped: a CA that did not sign the node certificate is still reported.
    assert.deepEqual(ids(run(esYml, { ...derFiles, 'certs/ca.der': otherCa.der }).findings), ['certificate-chain-untrusted']);
    const derKey = run('xpack.security.http.ssl:\n  enabled: true\n  certificate: certs/node.crt\n  key: certs/node.key.der\n', {
      'certs/node.crt': node.pem,
      'certs/node.key.der': node.key.export({ type: 'pkcs8', format: 'der' }),
    });
    assert.deepEqual(ids(derKey.findings), ['certificate-file-format']);
    assert.match(derKey.findings[0].message, /openssl pkey -inform der/);
    const kibana = run('elasticsearch.ssl.certificateAuthorities: certs/ca.der\n', { 'certs/ca.der': ca.der }, { product: 'kibana' });
    assert.deepEqual(ids(kibana.findings), ['certificate-file-format']);
    assert.match(kibana.findings[0].message, /Kibana reads PEM certificates only.*openssl x509 -inform der/);
  });

  it('offers to unlock a password-protected keystore and checks it once the password is known', () => {
    const p12 = writePkcs12([{ alias: 'es01', key: expired.key, chain: [expired.der] }], [{ alias: 'ca', certDer: ca.der }], { password: 'secret', iterations: 100 });
    const yml = 'xpack.security.transport.ssl:\n  enabled: true\n  keystore.path: certs/node.p12\n  truststore.path: certs/node.p12\n';
    const locked = run(yml, { 'certs/node.p12': p12 });
    assert.deepEqual(ids(locked.findings), ['keystore-locked', 'keystore-locked']);
    assert.equal(locked.findings[0].severity, 'information');
    assert.deepEqual(locked.findings[0].data, { kind: 'unlock', path: `${CONF}/certs/node.p12` });
    const open = run(yml, { 'certs/node.p12': p12 }, { passwords: { 'certs/node.p12': 'secret' } });
    assert.deepEqual(ids(open.findings), ['certificate-expired']);
    const wrong = run(yml, { 'certs/node.p12': p12 }, { passwords: { 'certs/node.p12': 'nope' } });
    assert.deepEqual(ids(wrong.findings), ['certificate-bad-password', 'certificate-bad-password']);
    assert.equal(wrong.findings[0].severity, 'error');
  });

  it('uses a plain password written in the yml', () => {
    const p12 = writePkcs12([{ alias: 'es01', key: node.key, chain: [node.der] }], [], { password: 'legacy', iterations: 100 });
    const r = run('xpack.security.http.ssl:\n  enabled: true\n  keystore.path: certs/node.p12\n  keystore.password: wrong\n', { 'certs/node.p12': p12 });
    assert.deepEqual(ids(r.findings), ['certificate-bad-password']);
    assert.ok(r.findings.every((f) => !f.message.includes('wrong') && !JSON.stringify(f.data ?? {}).includes('wrong')), 'no password in findings');
    assert.deepEqual(run('xpack.security.http.ssl:\n  enabled: true\n  keystore.path: certs/node.p12\n  keystore.password: legacy\n', { 'certs/node.p12': p12 }).findings, []);
  });

  it('Kibana: warns about an encrypted key without keyPassphrase, and checks it with one', () => {
    const enc = node.key.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'kpass' }).toString();
    const files = { 'certs/kibana.crt': node.pem, 'certs/kibana.key': enc };
    const base = 'server.ssl.enabled: true\nserver.ssl.certificate: certs/kibana.crt\nserver.ssl.key: certs/kibana.key\n';
    const r = run(base, files, { product: 'kibana' });
    assert.deepEqual(ids(r.findings), ['encrypted-key-without-passphrase']);
    assert.equal(r.findings[0].severity, 'warning');
    assert.deepEqual(run(`${base}server.ssl.keyPassphrase: kpass\n`, files, { product: 'kibana' }).findings, []);
    assert.deepEqual(ids(run(`${base}server.ssl.keyPassphrase: other\n`, files, { product: 'kibana' }).findings), ['certificate-bad-password']);
  });

  it('Kibana: warns when a protected keystore has no password setting', () => {
    const p12 = writePkcs12([{ alias: 'kibana', key: node.key, chain: [node.der] }], [], { password: 'pw', iterations: 100 });
    const r = run('server.ssl.enabled: true\nserver.ssl.keystore.path: certs/kibana.p12\n', { 'certs/kibana.p12': p12 }, { product: 'kibana' });
    assert.deepEqual(ids(r.findings), ['keystore-locked']);
    assert.equal(r.findings[0].severity, 'warning');
    assert.match(r.findings[0].message, /server\.ssl\.keystore\.password/);
  });

  it('Kibana: reports a keystore with two private keys', () => {
    const p12 = writePkcs12([{ alias: 'http_ca', key: ca.key, chain: [ca.der] }, { alias: 'http', key: node.key, chain: [node.der, ca.der] }], [], { password: 'pw', iterations: 100 });
    const r = run('server.ssl.enabled: true\nserver.ssl.keystore.path: certs/http.p12\nserver.ssl.keystore.password: pw\n', { 'certs/http.p12': p12 }, { product: 'kibana' });
    assert.deepEqual(ids(r.findings), ['certificate-file-format']);
    assert.match(r.findings[0].message, /2 private keys/);
  });

  it('Kibana: checks elasticsearch.ssl certificate against certificateAuthorities', () => {
    const files = { 'certs/client.crt': node.pem, 'certs/client.key': node.keyPem, 'certs/other.crt': otherCa.pem };
    const r = run('elasticsearch.ssl.certificate: certs/client.crt\nelasticsearch.ssl.key: certs/client.key\nelasticsearch.ssl.certificateAuthorities: [certs/other.crt]\n', files, { product: 'kibana' });
    assert.deepEqual(ids(r.findings), ['certificate-chain-untrusted']);
    assert.equal(r.findings[0].severity, 'warning');
  });

  it('leaves missing files to missing-file and skips disabled contexts', () => {
    assert.deepEqual(run(transportPem('certs/none.crt', 'certs/none.key', 'certs/none-ca.crt'), {}).findings, []);
    const files = { 'certs/old.crt': expired.pem, 'certs/old.key': expired.keyPem, 'certs/ca.crt': ca.pem };
    assert.deepEqual(run(transportPem('certs/old.crt', 'certs/old.key').replace('enabled: true', 'enabled: false'), files).findings, []);
  });

  it('flags an HTTP CA without keyUsage for strict clients, and not a modern one', async () => {
    const oldCa = await makeCert({ subject: 'CN=Old certutil CA', ca: true, notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 400 * DAY) });
    const http = await makeCert({ subject: 'CN=http', issuer: oldCa, dns: ['es01'], notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 300 * DAY) });
    const yml = 'xpack.security.http.ssl:\n  enabled: true\n  certificate: certs/http.crt\n  key: certs/http.key\n  certificate_authorities: certs/ca.crt\n';
    const r = run(yml, { 'certs/http.crt': http.pem, 'certs/http.key': http.keyPem, 'certs/ca.crt': oldCa.pem });
    assert.deepEqual(ids(r.findings), ['ca-strict-clients']);
    assert.equal(r.findings[0].severity, 'information');
    assert.deepEqual(run(yml, { 'certs/http.crt': node.pem, 'certs/http.key': node.keyPem, 'certs/ca.crt': ca.pem }).findings, []);
  });

  it('reports unreadable files', () => {
    const r = run(transportPem('certs/node.crt', 'certs/node.key'), { 'certs/node.crt': 'not a certificate\n', 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem });
    assert.deepEqual(ids(r.findings), ['certificate-unreadable']);
  });
});
