// The ECK Secret manifest: decoded back, it holds the same certificate and key, and it has the shape of a
// Kubernetes Secret (core/v1): apiVersion, kind, metadata, type, and data as base64 under valid keys.
import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { parse } from 'yaml';
import { generate, makeCa, type GenerateResult, type KeySpec } from '../../../server/src/pki/generate/index';
import { checkSecretNames, eckHttpServiceNames, k8sSecret, secretNameProblem } from '../../../server/src/pki/generate/k8sSecret';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';

const NOW = new Date('2026-05-01T00:00:00Z');
const RSA: KeySpec = { type: 'rsa', bits: 2048 };

// Fields of the Secret type and of ObjectMeta that a client may set (Kubernetes API reference, Secret v1).
const SECRET_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'data', 'stringData', 'type', 'immutable']);
const METADATA_FIELDS = new Set(['name', 'namespace', 'labels', 'annotations', 'generateName']);
// A data key: "must consist of alphanumeric characters, '-', '_' or '.'"; a value: base64 of the bytes.
const DATA_KEY = /^[-._a-zA-Z0-9]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Manifest = { apiVersion: string; kind: string; metadata: Record<string, string>; type: string; data: Record<string, string> };

function assertSecretShape(m: Manifest): void {
  for (const key of Object.keys(m)) assert.ok(SECRET_FIELDS.has(key), `${key} is not a Secret field`);
  for (const key of Object.keys(m.metadata)) assert.ok(METADATA_FIELDS.has(key), `${key} is not an ObjectMeta field`);
  assert.equal(m.apiVersion, 'v1');
  assert.equal(m.kind, 'Secret');
  assert.equal(m.type, 'Opaque');
  for (const [key, value] of Object.entries(m.data)) {
    assert.match(key, DATA_KEY);
    assert.equal(typeof value, 'string');
    assert.match(value, BASE64, `${key} is not base64`);
  }
}

const decode = (m: Manifest, key: string) => Buffer.from(m.data[key], 'base64');

describe('k8sSecret: the ECK Secret for generated files', () => {
  let http: GenerateResult;
  let ca: GenerateResult;
  before(async () => {
    const made = await makeCa({ now: NOW, key: RSA });
    const p12 = writePkcs12([{ alias: 'ca', key: made.key, chain: [made.certDer] }], [], { password: '' });
    const fs = { stat: () => ({ size: p12.length, mtimeMs: 0, isFile: true, isDirectory: false }), readFile: () => p12 };
    const names = eckHttpServiceNames('quickstart', 'elastic');
    http = await generate({ kind: 'http', format: 'pem', key: RSA, ca: { kind: 'pkcs12', path: '/ca.p12', password: '' }, instances: [{ name: names[0], dns: names, ip: [] }] }, { fs, clock: { now: () => NOW } });
    ca = await generate({ kind: 'ca', format: 'pem', key: RSA }, { clock: { now: () => NOW } });
  });

  it('an HTTP certificate: tls.crt, tls.key, ca.crt that decode back to the certificate, its key and its CA', () => {
    const m = parse(k8sSecret(http.files, false, { name: 'quickstart-es-cert', namespace: 'elastic' }).manifest) as Manifest;
    assertSecretShape(m);
    assert.deepEqual(m.metadata, { name: 'quickstart-es-cert', namespace: 'elastic' });
    assert.deepEqual(Object.keys(m.data).sort(), ['ca.crt', 'tls.crt', 'tls.key']);
    const leaf = new X509Certificate(decode(m, 'tls.crt'));
    const issuer = new X509Certificate(decode(m, 'ca.crt'));
    const key = createPrivateKey(decode(m, 'tls.key'));
    assert.ok(leaf.checkPrivateKey(key), 'tls.key is the key of tls.crt');
    assert.ok(leaf.verify(issuer.publicKey), 'ca.crt signed tls.crt');
    assert.equal(leaf.subjectAltName, 'DNS:quickstart-es-http, DNS:quickstart-es-http.elastic.svc');
    const generated = http.files.find((f) => f.role === 'certificate')!;
    assert.deepEqual(decode(m, 'tls.crt'), Buffer.from(generated.contentBase64, 'base64'));
  });

  it('a CA for ECK to issue from: ca.crt and ca.key only, no namespace line when none is given', () => {
    const m = parse(k8sSecret(ca.files, true, { name: 'my-ca' }).manifest) as Manifest;
    assertSecretShape(m);
    assert.deepEqual(m.metadata, { name: 'my-ca' });
    assert.deepEqual(Object.keys(m.data).sort(), ['ca.crt', 'ca.key']);
    const caCert = new X509Certificate(decode(m, 'ca.crt'));
    assert.ok(caCert.ca);
    assert.ok(caCert.checkPrivateKey(createPrivateKey(decode(m, 'ca.key'))));
    assert.ok(createPublicKey(createPrivateKey(decode(m, 'ca.key'))).equals(caCert.publicKey));
  });

  it('gives the spec.http.tls.certificate.secretName lines to add', () => {
    assert.deepEqual(k8sSecret(ca.files, true, { name: 'my-ca' }).specLines, ['spec:', '  http:', '    tls:', '      certificate:', '        secretName: my-ca']);
  });

  it('refuses an encrypted key (ECK cannot read one) and a request with two certificates', async () => {
    const encrypted = await generate({ kind: 'ca', format: 'pem', key: { type: 'ec', curve: 'P-256' }, password: 'secret' }, { clock: { now: () => NOW } });
    assert.throws(() => k8sSecret(encrypted.files, true, { name: 'x' }), /encrypted; ECK reads only unencrypted keys/);
    const twice = [...http.files, ...http.files.filter((f) => f.role === 'certificate')];
    assert.throws(() => k8sSecret(twice, false, { name: 'x' }), /holds one tls\.crt; this request makes 2/);
  });

  it('generate with k8sSecret returns one private NAME.yaml and a README with the secretName lines', async () => {
    const r = await generate({ kind: 'ca', key: RSA, password: '', k8sSecret: { name: 'my-ca', namespace: 'elastic' } }, { clock: { now: () => NOW } });
    assert.deepEqual(r.files.map((f) => [f.path, f.private]), [['my-ca.yaml', true]]);
    const m = parse(Buffer.from(r.files[0].contentBase64, 'base64').toString()) as Manifest;
    assertSecretShape(m);
    assert.deepEqual(Object.keys(m.data).sort(), ['ca.crt', 'ca.key']);
    assert.match(r.readme, /kubectl apply -f my-ca\.yaml/);
    assert.match(r.readme, /spec:\n {2}http:\n {4}tls:\n {6}certificate:\n {8}secretName: my-ca/);
    assert.deepEqual(r.k8sSpecLines, ['spec:', '  http:', '    tls:', '      certificate:', '        secretName: my-ca'], 'the lines the editor shows after writing');
    assert.doesNotMatch(r.readme, new RegExp(m.data['ca.key'].slice(0, 40).replace(/[+/]/g, '\\$&')), 'the README never holds the key');
    assert.deepEqual(r.settings, {});
  });

  it('generate with a cluster name gives the HTTP certificate ECK\'s service names in the default namespace', async () => {
    const made = await makeCa({ now: NOW, key: RSA });
    const p12 = writePkcs12([{ alias: 'ca', key: made.key, chain: [made.certDer] }], [], { password: '' });
    const fs = { stat: () => ({ size: p12.length, mtimeMs: 0, isFile: true, isDirectory: false }), readFile: () => p12 };
    const r = await generate({ kind: 'http', key: RSA, password: '', ca: { kind: 'pkcs12', path: '/ca.p12', password: '' }, k8sSecret: { name: 'qs-cert', cluster: 'qs' }, fileName: 'qs.yml' }, { fs, clock: { now: () => NOW } });
    assert.deepEqual(r.files.map((f) => f.path), ['qs.yml']);
    const m = parse(Buffer.from(r.files[0].contentBase64, 'base64').toString()) as Manifest;
    assert.deepEqual(m.metadata, { name: 'qs-cert', namespace: 'default' });
    assert.equal(new X509Certificate(decode(m, 'tls.crt')).subjectAltName, 'DNS:qs-es-http, DNS:qs-es-http.default.svc');
  });

  const refusals: Array<[string, Parameters<typeof generate>[0], RegExp]> = [
    ['a transport certificate', { kind: 'cert', ca: { kind: 'selfSigned' }, k8sSecret: { name: 'x' } }, /use it with ca or http/],
    ['http with a CA made on the fly', { kind: 'http', k8sSecret: { name: 'x' } }, /needs a given CA/],
    ['a password', { kind: 'ca', password: 'pw', k8sSecret: { name: 'x' } }, /only unencrypted keys/],
    ['a cluster name for a CA', { kind: 'ca', k8sSecret: { name: 'x', cluster: 'qs' } }, /use it with http/],
    ['a bad name', { kind: 'ca', k8sSecret: { name: 'X_Y' } }, /not a valid Secret name/],
  ];
  for (const [what, spec, message] of refusals) {
    it(`generate refuses a Secret for ${what}`, async () => {
      await assert.rejects(generate({ key: RSA, ...spec }, { clock: { now: () => NOW } }), message);
    });
  }

  const badNames: Array<[string, string | undefined, RegExp]> = [
    ['My_Cert', undefined, /not a valid Secret name/],
    ['-x', undefined, /not a valid Secret name/],
    ['x'.repeat(254), undefined, /not a valid Secret name/],
    ['ok', 'Elastic', /not a valid namespace/],
    ['ok', 'a.b', /not a valid namespace/],
    ['quickstart-es-http-certs-internal', undefined, /ECK manages Secrets with this name/],
    ['quickstart-es-http-ca-internal', 'search', /ECK manages Secrets with this name/],
  ];
  for (const [name, namespace, message] of badNames) {
    it(`refuses name [${name.slice(0, 12)}] namespace [${namespace}]`, () => assert.throws(() => checkSecretNames({ name, namespace }), message));
  }

  it('accepts names Kubernetes accepts', () => {
    checkSecretNames({ name: 'quickstart-es-cert.v2', namespace: 'elastic-system' });
    assert.equal(secretNameProblem('quickstart-es-http-certs'), undefined);
  });
});
