// Each certificate policy lint in a config: it fires on the line of the setting that names the file, and stays
// silent on a sound setup.
import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { catalogFor } from '../../../server/src/catalog';
import type { Product } from '../../../server/src/catalog/types';
import { parseConfig } from '../../../server/src/config/parse';
import { certificateRules } from '../../../server/src/rules/certificates';
import type { Finding } from '../../../server/src/core/finding';
import type { FileSystem } from '../../../server/src/core/environment';
import { applyEdits } from '../helpers/edits';
import { defaultCheckOptions } from '../../../server/src/rules/types';
import { makeCa, makeCert, x509, type TestCert } from '../pki/helpers/certs';
import { resign } from '../pki/helpers/resign';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const CONF = '/etc/elasticsearch';
const valid = { notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 300 * DAY) };

function filesFs(files: Record<string, string>): FileSystem {
  const table = new Map(Object.entries(files).map(([p, c]) => [path.resolve(CONF, p), Buffer.from(c)]));
  return {
    stat: (p) => (table.has(p) ? { size: table.get(p)!.length, mtimeMs: 1, isFile: true, isDirectory: false } : undefined),
    readFile: (p) => table.get(p),
  };
}

/** The findings of `yml`, each with the 1-based line and the text its range covers. */
function run(yml: string, files: Record<string, string>, product: Product = 'elasticsearch') {
  const model = parseConfig(yml, { product, filePath: `${CONF}/${product}.yml` });
  const findings = certificateRules({
    model, catalog: catalogFor(product), fs: filesFs(files), clock: { now: () => NOW },
    options: { ...defaultCheckOptions, expiryWarningDays: 30 }, passwords: { get: () => undefined },
  });
  const where = (f: Finding) => ({ line: yml.slice(0, f.range.start).split('\n').length, text: yml.slice(f.range.start, f.range.end) });
  return { findings, where, only: (id: string) => findings.filter((f) => f.ruleId === id) };
}

const transport = (cert: string, key: string, cas = 'certs/ca.crt', extra = '') =>
  `xpack.security.transport.ssl:\n  enabled: true\n  certificate: ${cert}\n  key: ${key}\n  certificate_authorities: [ "${cas}" ]\n${extra}`;
const http = (cert: string, key: string, cas?: string) =>
  `xpack.security.http.ssl:\n  enabled: true\n  certificate: ${cert}\n  key: ${key}\n${cas ? `  certificate_authorities: ${cas}\n` : ''}`;
const kibana = (cert: string, key: string) => `server.ssl.enabled: true\nserver.ssl.certificate: ${cert}\nserver.ssl.key: ${key}\n`;

describe('certificate policy lints in a config', () => {
  let ca: TestCert;
  let node: TestCert;
  before(async () => {
    ca = await makeCa('CN=Elastic CA', valid);
    node = await makeCert({ subject: 'CN=es01', issuer: ca, ...valid });
  });

  it('is silent for a sound transport, HTTP and Kibana setup', () => {
    const files = { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem };
    assert.deepEqual(run(transport('certs/node.crt', 'certs/node.key'), files).findings, []);
    assert.deepEqual(run(http('certs/node.crt', 'certs/node.key', 'certs/ca.crt'), files).findings, []);
    assert.deepEqual(run(kibana('certs/node.crt', 'certs/node.key'), files, 'kibana').findings, []);
  });

  it('weak key: a 1024-bit node certificate on its line, a 1024-bit CA on the CA line', async () => {
    const weakCa = await makeCa('CN=Weak CA', { ...valid, rsaBits: 1024 });
    const weak = await makeCert({ subject: 'CN=weak', issuer: weakCa, rsaBits: 1024, ...valid });
    const r = run(transport('certs/weak.crt', 'certs/weak.key', 'certs/weakca.crt'), { 'certs/weak.crt': weak.pem, 'certs/weak.key': weak.keyPem, 'certs/weakca.crt': weakCa.pem });
    const found = r.only('certificate-weak-key').map((f) => ({ ...r.where(f), severity: f.severity }));
    assert.deepEqual(found, [{ line: 3, text: 'certs/weak.crt', severity: 'warning' }, { line: 5, text: '"certs/weakca.crt"', severity: 'warning' }]);
    assert.match(r.only('certificate-weak-key')[0].message, /1024 bits/);
  });

  it('weak signature: MD5 is an error, SHA-1 a warning for Elasticsearch and an error for Kibana', () => {
    const md5 = resign(node, ca, 'md5');
    const sha1 = resign(node, ca, 'sha1');
    const files = { 'certs/md5.crt': md5.pem, 'certs/sha1.crt': sha1.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem };
    const m = run(transport('certs/md5.crt', 'certs/node.key'), files);
    assert.deepEqual(m.findings.map((f) => [f.ruleId, f.severity, m.where(f).line]), [['certificate-weak-signature', 'error', 3]]);
    assert.match(m.findings[0].message, /MD5.*jdk\.certpath\.disabledAlgorithms/);
    const s = run(transport('certs/sha1.crt', 'certs/node.key'), files);
    assert.deepEqual(s.findings.map((f) => [f.ruleId, f.severity, s.where(f).text]), [['certificate-weak-signature', 'warning', 'certs/sha1.crt']]);
    const k = run(kibana('certs/sha1.crt', 'certs/node.key'), files, 'kibana');
    assert.deepEqual(k.findings.map((f) => [f.ruleId, f.severity, k.where(f).line]), [['certificate-weak-signature', 'error', 2]]);
    assert.match(k.findings[0].message, /Kibana runs on Node\.js/);
  });

  it('weak signature: silent for a self-signed SHA-1 CA, whose own signature is never checked', () => {
    const sha1Ca = resign(ca, ca, 'sha1');
    const r = run(transport('certs/node.crt', 'certs/node.key'), { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': sha1Ca.pem });
    assert.deepEqual(r.findings, []);
  });

  it('swapped paths: each setting on its own line, with a fix that swaps them', () => {
    const yml = transport('certs/node.key', 'certs/node.crt');
    const r = run(yml, { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem });
    const swapped = r.only('certificate-key-swapped');
    assert.deepEqual(swapped.map((f) => [r.where(f).line, r.where(f).text, f.severity]), [[3, 'certs/node.key', 'error'], [4, 'certs/node.crt', 'error']]);
    assert.match(swapped[0].message, /swapped/);
    const fixed = applyEdits(yml, swapped[0].fixes![0].edits);
    assert.equal(fixed, transport('certs/node.crt', 'certs/node.key'));
    assert.deepEqual(run(fixed, { 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem }).findings, []);
  });

  it('swapped paths: a key given to certificate alone is reported without a swap fix', () => {
    const r = run(transport('certs/node.key', 'certs/node.key'), { 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem });
    assert.deepEqual(r.findings.map((f) => [f.ruleId, r.where(f).line, f.fixes]), [['certificate-key-swapped', 3, undefined]]);
    assert.doesNotMatch(r.findings[0].message, /swapped/);
  });

  it('CA as node certificate: the CA and its key as the node pair, on the certificate line', () => {
    const r = run(transport('certs/ca.crt', 'certs/ca.key'), { 'certs/ca.key': ca.keyPem, 'certs/ca.crt': ca.pem });
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity, r.where(f).line, r.where(f).text]), [['ca-certificate-as-node-certificate', 'warning', 3, 'certs/ca.crt']]);
  });

  it('transport EKU: serverAuth only fires while client authentication is on, silent with none', async () => {
    const serverOnly = await makeCert({ subject: 'CN=server-only', issuer: ca, eku: ['1.3.6.1.5.5.7.3.1'], ...valid });
    const files = { 'certs/s.crt': serverOnly.pem, 'certs/s.key': serverOnly.keyPem, 'certs/ca.crt': ca.pem };
    for (const mode of ['', '  client_authentication: optional\n']) {
      const r = run(transport('certs/s.crt', 'certs/s.key', 'certs/ca.crt', mode), files);
      assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity, r.where(f).line]), [['transport-certificate-eku', 'error', 3]]);
      assert.match(r.findings[0].message, /clientAuth.*JSSE/);
    }
    assert.deepEqual(run(transport('certs/s.crt', 'certs/s.key', 'certs/ca.crt', '  client_authentication: none\n'), files).findings, []);
    const clientOnly = await makeCert({ subject: 'CN=client-only', issuer: ca, eku: ['1.3.6.1.5.5.7.3.2'], ...valid });
    const c = run(transport('certs/c.crt', 'certs/c.key', 'certs/ca.crt', '  client_authentication: none\n'), { 'certs/c.crt': clientOnly.pem, 'certs/c.key': clientOnly.keyPem, 'certs/ca.crt': ca.pem });
    assert.deepEqual(c.findings.map((f) => f.ruleId), ['transport-certificate-eku']);
  });

  it('key usage: EC without digitalSignature is an error; RSA keyEncipherment alone an error on transport, a warning on HTTP', async () => {
    const ec = await makeCert({ subject: 'CN=ec', issuer: ca, alg: 'p256', keyUsage: x509.KeyUsageFlags.keyAgreement, ...valid });
    const rsa = await makeCert({ subject: 'CN=rsa', issuer: ca, keyUsage: x509.KeyUsageFlags.keyEncipherment, ...valid });
    const files = { 'certs/ec.crt': ec.pem, 'certs/ec.key': ec.keyPem, 'certs/rsa.crt': rsa.pem, 'certs/rsa.key': rsa.keyPem, 'certs/ca.crt': ca.pem };
    const e = run(transport('certs/ec.crt', 'certs/ec.key'), files);
    assert.deepEqual(e.findings.map((f) => [f.ruleId, f.severity, e.where(f).line]), [['certificate-key-usage', 'error', 3]]);
    const t = run(transport('certs/rsa.crt', 'certs/rsa.key'), files);
    assert.deepEqual(t.findings.map((f) => [f.ruleId, f.severity, t.where(f).line]), [['certificate-key-usage', 'error', 3]]);
    const h = run(http('certs/rsa.crt', 'certs/rsa.key'), files);
    assert.deepEqual(h.findings.map((f) => [f.ruleId, f.severity, h.where(f).line]), [['certificate-key-usage', 'warning', 3]]);
    // Kibana's client certificate is checked by Elasticsearch's JSSE; its browser-facing one by browsers.
    const client = run('elasticsearch.ssl.certificate: certs/rsa.crt\nelasticsearch.ssl.key: certs/rsa.key\n', files, 'kibana');
    assert.deepEqual(client.findings.map((f) => [f.ruleId, f.severity, client.where(f).line]), [['certificate-key-usage', 'error', 1]]);
    const browser = run(kibana('certs/rsa.crt', 'certs/rsa.key'), files, 'kibana');
    assert.deepEqual(browser.findings.map((f) => [f.ruleId, f.severity, browser.where(f).line]), [['certificate-key-usage', 'warning', 2]]);
    const good = await makeCert({ subject: 'CN=good', issuer: ca, alg: 'p256', keyUsage: x509.KeyUsageFlags.digitalSignature, ...valid });
    assert.deepEqual(run(transport('certs/g.crt', 'certs/g.key'), { 'certs/g.crt': good.pem, 'certs/g.key': good.keyPem, 'certs/ca.crt': ca.pem }).findings, []);
  });

  it('chain order: a chain file with the root before the intermediate, on the certificate line', async () => {
    const inter = await makeCa('CN=Intermediate', { issuer: ca, ...valid });
    const leaf = await makeCert({ subject: 'CN=es02', issuer: inter, ...valid });
    const files = { 'certs/bad.crt': leaf.pem + ca.pem + inter.pem, 'certs/good.crt': leaf.pem + inter.pem + ca.pem, 'certs/leaf.key': leaf.keyPem, 'certs/ca.crt': ca.pem };
    const r = run(http('certs/bad.crt', 'certs/leaf.key', 'certs/ca.crt'), files);
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity, r.where(f).line, r.where(f).text]), [['certificate-chain-order', 'warning', 3, 'certs/bad.crt']]);
    assert.deepEqual(run(http('certs/good.crt', 'certs/leaf.key', 'certs/ca.crt'), files).findings, []);
  });

  it('chain incomplete: HTTP leaf whose intermediate only certificate_authorities holds; silent with the chain or on transport', async () => {
    const inter = await makeCa('CN=Intermediate', { issuer: ca, ...valid });
    const leaf = await makeCert({ subject: 'CN=es02', issuer: inter, ...valid });
    const files = { 'certs/leaf.crt': leaf.pem, 'certs/chain.crt': leaf.pem + inter.pem, 'certs/leaf.key': leaf.keyPem, 'certs/cas.crt': ca.pem + inter.pem };
    const r = run(http('certs/leaf.crt', 'certs/leaf.key', 'certs/cas.crt'), files);
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity, r.where(f).line]), [['certificate-chain-incomplete', 'warning', 3]]);
    assert.match(r.findings[0].message, /CN=Intermediate/);
    assert.deepEqual(run(http('certs/chain.crt', 'certs/leaf.key', 'certs/cas.crt'), files).findings, []);
    assert.deepEqual(run(transport('certs/leaf.crt', 'certs/leaf.key', 'certs/cas.crt'), files).findings, []);
  });

  it('validity: a hint on Kibana server.ssl beyond 398 days, silent within it and elsewhere', async () => {
    const long = await makeCert({ subject: 'CN=kibana', issuer: ca, notBefore: valid.notBefore, notAfter: new Date(NOW.getTime() + 1094 * DAY) });
    const files = { 'certs/long.crt': long.pem, 'certs/long.key': long.keyPem, 'certs/node.crt': node.pem, 'certs/node.key': node.keyPem, 'certs/ca.crt': ca.pem };
    const r = run(kibana('certs/long.crt', 'certs/long.key'), files, 'kibana');
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity, r.where(f).line]), [['certificate-validity-too-long', 'hint', 2]]);
    assert.match(r.findings[0].message, /1095 days.*398 days.*825 days/);
    assert.deepEqual(run(kibana('certs/node.crt', 'certs/node.key'), files, 'kibana').findings, []);
    assert.deepEqual(run(http('certs/long.crt', 'certs/long.key'), files).findings, []);
    const client = 'elasticsearch.ssl.certificate: certs/long.crt\nelasticsearch.ssl.key: certs/long.key\n';
    assert.deepEqual(run(client, files, 'kibana').findings, []);
  });
});
