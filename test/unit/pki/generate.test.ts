import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import * as path from 'node:path';
import { defaultInstanceName, generate, makeCa, type GenerateEnvironment, type GenerateResult, type KeySpec } from '../../../server/src/pki/generate/index';
import type { CaMaterial } from '../../../server/src/pki/generate/issue';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { certificateToPem, privateKeyToPem } from '../../../server/src/pki/pemWrite';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import type { FileSystem } from '../../../server/src/core/environment';

const NOW = new Date('2026-05-01T00:00:00Z');
const EC: KeySpec = { type: 'ec', curve: 'P-256' };
const BASE = '/ca-files';

function memoryFs(files: Record<string, string | Uint8Array>): FileSystem {
  const map = new Map(Object.entries(files).map(([k, v]) => [path.join(BASE, k), typeof v === 'string' ? Buffer.from(v) : v]));
  return {
    stat: (p) => (map.has(p) ? { size: map.get(p)!.length, mtimeMs: 0, isFile: true, isDirectory: false } : undefined),
    readFile: (p) => map.get(p),
  };
}

function env(files: Record<string, string | Uint8Array> = {}): GenerateEnvironment {
  return { fs: memoryFs(files), clock: { now: () => NOW }, baseDir: BASE };
}

function file(result: GenerateResult, p: string): Buffer {
  const f = result.files.find((x) => x.path === p);
  assert.ok(f, `expected ${p} in ${result.files.map((x) => x.path).join(', ')}`);
  return Buffer.from(f.contentBase64, 'base64');
}

function entriesOf(p12: Uint8Array, password: string) {
  return readPkiFile(p12, { password, clock: { now: () => NOW } }).result.entries.map((e) => ({ alias: e.alias, hasKey: e.hasKey, trusted: e.trusted }));
}

describe('generate: layouts as certutil writes them', () => {
  let ca: CaMaterial;
  let caFiles: Record<string, string | Uint8Array>;
  before(async () => {
    ca = await makeCa({ now: NOW, key: EC });
    caFiles = {
      'ca.p12': writePkcs12([{ alias: 'ca', key: ca.key, chain: [ca.certDer] }], [], { password: 'capw' }),
      'ca.crt': certificateToPem(ca.certDer),
      'ca.key': privateKeyToPem(ca.key, { passphrase: 'keypw' }),
    };
  });

  it('ca: elastic-stack-ca.p12 with one key entry alias ca and no trusted entry', async () => {
    const r = await generate({ kind: 'ca', key: EC, password: 'pw' }, env());
    assert.deepEqual(r.files.map((f) => [f.path, f.private]), [['elastic-stack-ca.p12', true]]);
    assert.deepEqual(entriesOf(file(r, 'elastic-stack-ca.p12'), 'pw'), [{ alias: 'ca', hasKey: true, trusted: false }]);
  });

  it('ca --pem: ca/ca.crt (public) and ca/ca.key (private, traditional encrypted PEM)', async () => {
    const r = await generate({ kind: 'ca', key: EC, format: 'pem', password: 'pw' }, env());
    assert.deepEqual(r.files.map((f) => [f.path, f.private]), [['ca/ca.crt', false], ['ca/ca.key', true]]);
    const key = file(r, 'ca/ca.key').toString();
    assert.match(key, /^-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,[0-9A-F]{32}\n/);
    assert.equal(createPrivateKey({ key, passphrase: 'pw' }).asymmetricKeyType, 'ec');
  });

  it('cert (single, unnamed): elastic-certificates.p12 with the key entry and a trusted ca entry', async () => {
    const r = await generate({ kind: 'cert', key: EC, ca: { kind: 'pkcs12', path: 'ca.p12', password: 'capw' }, password: '' }, env(caFiles));
    assert.deepEqual(r.files.map((f) => f.path), ['elastic-certificates.p12']);
    assert.deepEqual(entriesOf(file(r, 'elastic-certificates.p12'), ''), [
      { alias: 'instance', hasKey: true, trusted: false },
      { alias: 'ca', hasKey: false, trusted: true },
    ]);
    assert.deepEqual(r.keystoreCommands, [], 'no password, no keystore command');
  });

  it('cert (named, PEM CA with encrypted key): <name>.p12 and transport settings with keystore commands', async () => {
    const r = await generate(
      { kind: 'cert', key: EC, ca: { kind: 'pem', certPath: 'ca.crt', keyPath: 'ca.key', keyPassword: 'keypw' }, instances: [{ name: 'node1', dns: ['node1'], ip: [] }], password: 'pw' },
      env(caFiles),
    );
    assert.deepEqual(r.files.map((f) => f.path), ['node1.p12']);
    assert.ok(r.settings.elasticsearch?.includes('xpack.security.transport.ssl.verification_mode: certificate'));
    assert.ok(r.settings.elasticsearch?.includes('xpack.security.transport.ssl.client_authentication: required'));
    assert.ok(r.settings.elasticsearch?.includes('xpack.security.transport.ssl.keystore.path: certs/node1.p12'));
    assert.ok(r.settings.elasticsearch?.includes('xpack.security.transport.ssl.truststore.path: certs/node1.p12'));
    assert.deepEqual(r.keystoreCommands, [
      'bin/elasticsearch-keystore add xpack.security.transport.ssl.keystore.secure_password',
      'bin/elasticsearch-keystore add xpack.security.transport.ssl.truststore.secure_password',
    ]);
    assert.ok(!JSON.stringify(r.settings).includes('pw"') && !r.readme.includes('pw '));
  });

  it('cert with several instances: one folder each; with --pem also ca/ca.crt', async () => {
    const instances = [{ name: 'a', dns: [], ip: [] }, { name: 'CN=b,OU=x', filename: 'b', dns: [], ip: [] }];
    const p12 = await generate({ kind: 'cert', key: EC, ca: { kind: 'pkcs12', path: 'ca.p12', password: 'capw' }, instances, password: '' }, env(caFiles));
    assert.deepEqual(p12.files.map((f) => f.path), ['a/a.p12', 'b/b.p12']);
    const pem = await generate({ kind: 'cert', key: EC, format: 'pem', ca: { kind: 'pkcs12', path: 'ca.p12', password: 'capw' }, instances }, env(caFiles));
    assert.deepEqual(pem.files.map((f) => [f.path, f.private]), [['a/a.crt', false], ['a/a.key', true], ['b/b.crt', false], ['b/b.key', true], ['ca/ca.crt', false]]);
    assert.equal(new X509Certificate(file(pem, 'b/b.crt')).subject, 'OU=x\nCN=b');
  });

  it('cert --self-signed: no ca entry in the keystore', async () => {
    const r = await generate({ kind: 'cert', key: EC, ca: { kind: 'selfSigned' }, instances: [{ name: 'solo', dns: [], ip: [] }], password: 'x' }, env());
    assert.deepEqual(entriesOf(file(r, 'solo.p12'), 'x'), [{ alias: 'solo', hasKey: true, trusted: false }]);
  });

  it('http without a CA: new HTTP CA in ca/ca.p12, http.p12 alias http, Kibana CA and samples', async () => {
    const r = await generate({ kind: 'http', key: EC, instances: [{ name: 'es', dns: ['es.example.com'], ip: [] }], password: 'h', caPassword: 'c' }, env());
    assert.deepEqual(r.files.map((f) => f.path), [
      'elasticsearch/http.p12',
      'elasticsearch/sample-elasticsearch.yml',
      'ca/ca.p12',
      'kibana/elasticsearch-ca.pem',
      'kibana/sample-kibana.yml',
      'README.txt',
    ]);
    assert.deepEqual(entriesOf(file(r, 'elasticsearch/http.p12'), 'h'), [
      { alias: 'http', hasKey: true, trusted: false },
      { alias: 'ca', hasKey: false, trusted: true },
    ]);
    assert.deepEqual(entriesOf(file(r, 'ca/ca.p12'), 'c'), [{ alias: 'ca', hasKey: true, trusted: false }]);
    const caCert = new X509Certificate(file(r, 'kibana/elasticsearch-ca.pem'));
    assert.equal(caCert.subject, 'CN=Elasticsearch HTTP CA');
    assert.equal((Date.parse(caCert.validTo) - Date.parse(caCert.validFrom)) / 86_400_000, 1826);
    assert.deepEqual(r.settings.elasticsearch, ['xpack.security.http.ssl.enabled: true', 'xpack.security.http.ssl.keystore.path: certs/http.p12']);
    assert.ok(r.settings.kibana?.some((l) => l.startsWith('elasticsearch.ssl.certificateAuthorities:')));
    assert.deepEqual(r.keystoreCommands, ['bin/elasticsearch-keystore add xpack.security.http.ssl.keystore.secure_password']);
    assert.match(file(r, 'elasticsearch/sample-elasticsearch.yml').toString(), /keystore\.path: certs\/http\.p12/);
  });

  it('http names the certificate as certutil does: es.example.com -> CN=es,DC=example,DC=com', async () => {
    const r = await generate({ kind: 'http', key: EC, format: 'pem', ca: { kind: 'pkcs12', path: 'ca.p12', password: 'capw' }, instances: [{ name: 'es.example.com', dns: ['es.example.com'], ip: [] }] }, env(caFiles));
    assert.equal(new X509Certificate(file(r, 'elasticsearch/http.crt')).subject, 'DC=com\nDC=example\nCN=es');
  });

  it('http with a short validity still gives a new CA certutil\'s 5 years', async () => {
    const r = await generate({ kind: 'http', key: EC, format: 'pem', days: 90 }, env());
    const span = (c: X509Certificate) => (Date.parse(c.validTo) - Date.parse(c.validFrom)) / 86_400_000;
    assert.equal(span(new X509Certificate(file(r, 'elasticsearch/http.crt'))), 90);
    assert.equal(span(new X509Certificate(file(r, 'kibana/elasticsearch-ca.pem'))), 1826);
  });

  it('http per node with an existing CA: elasticsearch/<node>/http.p12 and no ca folder', async () => {
    const instances = [{ name: 'n1', dns: ['n1'], ip: [] }, { name: 'n2', dns: ['n2'], ip: [] }];
    const r = await generate({ kind: 'http', key: EC, ca: { kind: 'pkcs12', path: 'ca.p12', password: 'capw' }, instances, password: '' }, env(caFiles));
    const paths = r.files.map((f) => f.path);
    assert.ok(paths.includes('elasticsearch/n1/http.p12') && paths.includes('elasticsearch/n2/http.p12'));
    assert.ok(!paths.some((p) => p.startsWith('ca/')));
  });

  it('kibanaClient: PEM client certificate with clientAuth, the CA for the PKI realm, mutual TLS settings', async () => {
    const r = await generate({ kind: 'kibanaClient', key: EC, ca: { kind: 'pkcs12', path: 'ca.p12', password: 'capw' }, password: 'k' }, env(caFiles));
    assert.deepEqual(r.files.map((f) => f.path), ['kibana/kibana-client.crt', 'kibana/kibana-client.key', 'elasticsearch/kibana-ca.crt']);
    assert.equal(new X509Certificate(file(r, 'kibana/kibana-client.crt')).subject, 'CN=kibana-client');
    assert.ok(r.settings.elasticsearch?.includes('xpack.security.http.ssl.client_authentication: optional'));
    assert.ok(r.settings.elasticsearch?.some((l) => l.startsWith('xpack.security.authc.realms.pki.')));
    assert.ok(r.settings.kibana?.some((l) => l.startsWith('elasticsearch.ssl.certificate:')));
    assert.ok(r.settings.kibana?.some((l) => l.includes('elasticsearch.username')));
    assert.deepEqual(r.keystoreCommands, ['bin/kibana-keystore add elasticsearch.ssl.keyPassphrase']);
  });

  it('csr: <filename>/<filename>.csr and .key', async () => {
    const r = await generate({ kind: 'csr', key: EC, instances: [{ name: 'n', filename: 'node-n', dns: ['n.example'], ip: [] }] }, env());
    assert.deepEqual(r.files.map((f) => [f.path, f.private]), [['node-n/node-n.csr', false], ['node-n/node-n.key', true]]);
    assert.match(file(r, 'node-n/node-n.csr').toString(), /^-----BEGIN CERTIFICATE REQUEST-----/);
  });
});

describe('generate: refusals', () => {
  const cases: Array<[string, Parameters<typeof generate>[0], string, RegExp?]> = [
    ['cert without a CA', { kind: 'cert', key: EC }, 'INVALID_INPUT', /Must specify either --ca or --ca-cert\/--ca-key or --self-signed/],
    ['a non-ASCII P12 password', { kind: 'ca', key: EC, password: 'pässword' }, 'INVALID_INPUT', /PKCS#12 passwords must be plain ASCII/],
    ['an empty PEM passphrase', { kind: 'ca', key: EC, format: 'pem', password: '' }, 'INVALID_INPUT'],
    ['zero days', { kind: 'ca', key: EC, days: 0 }, 'INVALID_INPUT', /at least one day/],
    ['an instance named ca', { kind: 'csr', key: EC, instances: [{ name: 'ca', dns: [], ip: [] }] }, 'INVALID_INPUT', /\[ca\] may not be used/],
    ['a bad IP', { kind: 'csr', key: EC, instances: [{ name: 'n', dns: [], ip: ['1.2.3.4.5'] }] }, 'INVALID_INPUT', /\[1\.2\.3\.4\.5\] is not a valid IP address/],
    ['two instances with one file name', { kind: 'csr', key: EC, instances: [{ name: 'a', filename: 'x', dns: [], ip: [] }, { name: 'b', filename: 'x', dns: [], ip: [] }] }, 'INVALID_INPUT', /\[x\] is used by more than one instance/],
    ['an unsupported key', { kind: 'ca', key: { type: 'rsa', bits: 1024 as 2048 } }, 'INVALID_INPUT'],
    ['a missing CA file', { kind: 'cert', key: EC, ca: { kind: 'pkcs12', path: 'nope.p12', password: '' } }, 'INVALID_INPUT', /does not exist/],
  ];
  for (const [what, spec, code, message] of cases) {
    it(`refuses ${what}`, async () => {
      await assert.rejects(generate(spec, env()), (e: { code?: string; message: string }) => e.code === code && (!message || message.test(e.message)));
    });
  }
});

describe('loadCa through generate', () => {
  let ca: CaMaterial;
  let other: CaMaterial;
  before(async () => {
    ca = await makeCa({ now: NOW, key: EC });
    other = await makeCa({ now: NOW, key: EC });
  });
  const spec = (caSource: Parameters<typeof generate>[0]['ca']) => ({ kind: 'cert' as const, key: EC, ca: caSource, password: '' });

  it('refuses a CA key that does not belong to the CA certificate (KEY_MISMATCH)', async () => {
    const files = { 'ca.crt': certificateToPem(ca.certDer), 'other.key': privateKeyToPem(other.key) };
    await assert.rejects(generate(spec({ kind: 'pem', certPath: 'ca.crt', keyPath: 'other.key' }), env(files)), { code: 'KEY_MISMATCH' });
  });

  it('refuses a "CA" certificate without basicConstraints cA=true (NOT_A_CA)', async () => {
    const leaf = await generate({ kind: 'cert', key: EC, ca: { kind: 'selfSigned' }, format: 'pem' }, env());
    const files = { 'leaf.crt': file(leaf, 'instance/instance.crt'), 'leaf.key': file(leaf, 'instance/instance.key') };
    await assert.rejects(generate(spec({ kind: 'pem', certPath: 'leaf.crt', keyPath: 'leaf.key' }), env(files)), { code: 'NOT_A_CA' });
  });

  it('refuses a CA keystore with two keys, with certutil\'s message', async () => {
    const p12 = writePkcs12([{ alias: 'a', key: ca.key, chain: [ca.certDer] }, { alias: 'b', key: other.key, chain: [other.certDer] }], [], { password: '' });
    await assert.rejects(generate(spec({ kind: 'pkcs12', path: 'two.p12', password: '' }), env({ 'two.p12': p12 })), (e: Error) =>
      /expected a single key in file \[two\.p12\] but found \[2\]/.test(e.message),
    );
  });

  it('reports a wrong keystore password and an encrypted PEM key without its password', async () => {
    const p12 = writePkcs12([{ alias: 'ca', key: ca.key, chain: [ca.certDer] }], [], { password: 'right' });
    await assert.rejects(generate(spec({ kind: 'pkcs12', path: 'ca.p12', password: 'wrong' }), env({ 'ca.p12': p12 })), { code: 'BAD_PASSWORD' });
    const files = { 'ca.crt': certificateToPem(ca.certDer), 'ca.key': privateKeyToPem(ca.key, { passphrase: 'x' }) };
    await assert.rejects(generate(spec({ kind: 'pem', certPath: 'ca.crt', keyPath: 'ca.key' }), env(files)), { code: 'PASSWORD_REQUIRED' });
    await assert.rejects(generate(spec({ kind: 'pem', certPath: 'ca.crt', keyPath: 'ca.key', keyPassword: 'y' }), env(files)), { code: 'BAD_PASSWORD' });
  });

  it('accepts a PKCS#8 CA key and a legacy (3DES) CA keystore', async () => {
    const pkcs8 = { 'ca.crt': certificateToPem(ca.certDer), 'ca.key': privateKeyToPem(ca.key, { format: 'pkcs8', passphrase: 'p' }) };
    await generate(spec({ kind: 'pem', certPath: 'ca.crt', keyPath: 'ca.key', keyPassword: 'p' }), env(pkcs8));
    const legacy = writePkcs12([{ alias: 'ca', key: ca.key, chain: [ca.certDer] }], [], { password: 'l', legacy: true });
    const r = await generate(spec({ kind: 'pkcs12', path: 'ca.p12', password: 'l' }), env({ 'ca.p12': legacy }));
    const read = readPkiFile(file(r, 'elastic-certificates.p12'), { password: '', clock: { now: () => NOW } });
    const leaf = new X509Certificate(read.certificates.find((c) => !c.x509.ca)!.der);
    assert.ok(leaf.checkIssued(new X509Certificate(Buffer.from(ca.certDer))));
  });
});

describe('defaultInstanceName', () => {
  const table: Array<[Parameters<typeof defaultInstanceName>[0], string[], string]> = [
    ['cert', ['a.example'], 'instance'],
    ['csr', [], 'instance'],
    ['kibanaClient', ['kb.example'], 'kibana-client'],
    ['http', ['*.es.example', 'es1.example'], 'es1.example'],
    ['http', ['*.es.example'], 'es.example'],
    ['http', [], 'elasticsearch'],
  ];
  for (const [kind, dns, expected] of table) {
    it(`${kind} with [${dns.join(', ')}] -> ${expected}`, () => assert.equal(defaultInstanceName(kind, dns), expected));
  }
});

describe('generate: warnings', () => {
  it('warns when the CA expires before the new certificate, and when it has expired', async () => {
    const shortCa = await makeCa({ now: NOW, key: EC, days: 10 });
    const files = { 'ca.p12': writePkcs12([{ alias: 'ca', key: shortCa.key, chain: [shortCa.certDer] }], [], { password: '' }) };
    const spec = { kind: 'cert' as const, key: EC, ca: { kind: 'pkcs12' as const, path: 'ca.p12', password: '' }, password: '' };
    const soon = await generate(spec, env(files));
    assert.match(soon.warnings?.join('\n') ?? '', /CA certificate expires on 2026-05-11/);
    const later = await generate(spec, { ...env(files), clock: { now: () => new Date(NOW.getTime() + 20 * 86_400_000) } });
    assert.match(later.warnings?.join('\n') ?? '', /has expired/);
    const fine = await generate({ ...spec, days: 5 }, env(files));
    assert.equal(fine.warnings, undefined);
    // A CA made moments earlier with the same validity as the certificate is not a reason to warn.
    const sameLength = await generate({ ...spec, days: 10 }, { ...env(files), clock: { now: () => new Date(NOW.getTime() + 60_000) } });
    assert.equal(sameLength.warnings, undefined);
  });

  it('warns about a password over 50 characters without showing it', async () => {
    const password = 'p'.repeat(51);
    const r = await generate({ kind: 'ca', key: EC, password }, env());
    assert.match(r.warnings?.[0] ?? '', /longer than 50 characters/);
    assert.ok(!r.warnings?.[0].includes(password));
  });

  it('writes validity past 2049 (GeneralizedTime) that Node reads back', async () => {
    const r = await generate({ kind: 'cert', key: EC, ca: { kind: 'selfSigned' }, format: 'pem', days: 99 * 365 }, env());
    assert.equal(new Date(new X509Certificate(file(r, 'instance/instance.crt')).validTo).getUTCFullYear(), 2125);
  });
});
