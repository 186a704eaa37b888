// What generation names and promises: the single file's name, hints naming files where they land, validity that
// ends with the CA, and a Kibana sample whose host the certificate covers.
import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as path from 'node:path';
import { generate, makeCa, type GenerateEnvironment, type GenerateResult, type KeySpec } from '../../../server/src/pki/generate/index';
import type { CaMaterial } from '../../../server/src/pki/generate/issue';
import { hostCovered } from '../../../server/src/pki/generate/kinds';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';

const NOW = new Date('2026-05-01T00:00:00Z');
const EC: KeySpec = { type: 'ec', curve: 'P-256' };
const DAY = 86_400_000;

function env(files: Record<string, Uint8Array> = {}, showPath?: (p: string) => string): GenerateEnvironment {
  const map = new Map(Object.entries(files).map(([k, v]) => [path.join('/ca', k), v]));
  return {
    fs: { stat: (p) => (map.has(p) ? { size: 1, mtimeMs: 0, isFile: true, isDirectory: false } : undefined), readFile: (p) => map.get(p) },
    clock: { now: () => NOW },
    baseDir: '/ca',
    ...(showPath ? { showPath } : {}),
  };
}

function cert(result: GenerateResult, role: 'certificate' | 'caCertificate'): X509Certificate {
  const f = result.files.find((x) => x.role === role);
  assert.ok(f, `no ${role} in ${result.files.map((x) => x.path).join(', ')}`);
  return new X509Certificate(Buffer.from(f.contentBase64, 'base64'));
}

describe('generate: the one file is named as asked (certutil --out FILE)', () => {
  it('ca and cert take fileName; the settings name it too', async () => {
    const ca = await generate({ kind: 'ca', key: EC, password: '', fileName: 'my-ca.p12' }, env());
    assert.deepEqual(ca.files.map((f) => f.path), ['my-ca.p12']);
    const p12 = Buffer.from(ca.files[0].contentBase64, 'base64');
    const node = await generate({ kind: 'cert', key: EC, ca: { kind: 'pkcs12', path: 'ca.p12', password: '' }, instances: [{ name: 'node1', dns: [], ip: [] }], password: '', fileName: 'node-1.p12' }, env({ 'ca.p12': p12 }));
    assert.deepEqual(node.files.map((f) => f.path), ['node-1.p12']);
    assert.ok(node.settings.elasticsearch?.includes('xpack.security.transport.ssl.keystore.path: certs/node-1.p12'));
  });

  it('without fileName the names stay certutil\'s', async () => {
    const ca = await generate({ kind: 'ca', key: EC, password: '' }, env());
    assert.deepEqual(ca.files.map((f) => f.path), ['elastic-stack-ca.p12']);
  });

  for (const bad of ['../x.p12', 'a/b.p12', '.hidden.p12', '']) {
    it(`refuses the file name [${bad}]`, async () => {
      await assert.rejects(generate({ kind: 'ca', key: EC, password: '', fileName: bad }, env()), /not a valid file name/);
    });
  }
});

describe('generate: hints name the files where they land', () => {
  it('the ca hint uses the shown path of the keystore', async () => {
    const r = await generate({ kind: 'ca', key: EC, password: '' }, env({}, (p) => `certs/${p}`));
    assert.match(r.readme, /is in certs\/elastic-stack-ca\.p12\./);
    assert.match(r.readme, /estls gen cert --ca certs\/elastic-stack-ca\.p12 /);
  });

  it('a PEM CA hints --ca-cert and --ca-key, quoted when the path has a space', async () => {
    const r = await generate({ kind: 'ca', key: EC, format: 'pem' }, env({}, (p) => `my certs/${p}`));
    assert.match(r.readme, /estls gen cert --ca-cert 'my certs\/ca\/ca\.crt' --ca-key 'my certs\/ca\/ca\.key' /);
    assert.doesNotMatch(r.readme, /--ca elastic-stack-ca/);
  });

  it('http: the printed text names shown paths, README.txt names them inside the output', async () => {
    const r = await generate({ kind: 'http', key: EC, instances: [{ name: 'es', dns: ['es.example.com'], ip: [] }], password: '' }, env({}, (p) => `out/${p}`));
    assert.match(r.readme, /Copy out\/elasticsearch\/http\.p12 to config\/certs\//);
    const readmeFile = Buffer.from(r.files.find((f) => f.path === 'README.txt')!.contentBase64, 'base64').toString();
    assert.match(readmeFile, /Copy elasticsearch\/http\.p12 to/);
    assert.doesNotMatch(readmeFile, /out\//);
  });
});

describe('generate: default validity never outlives the CA', () => {
  let shortCa: CaMaterial;
  let files: Record<string, Uint8Array>;
  before(async () => {
    shortCa = await makeCa({ now: NOW, key: EC, days: 3 * 365 });
    files = { 'ca.p12': writePkcs12([{ alias: 'ca', key: shortCa.key, chain: [shortCa.certDer] }], [], { password: '' }) };
  });
  const caNotAfter = () => Date.parse(new X509Certificate(Buffer.from(shortCa.certDer)).validTo);

  it('http (5 years by default) with a 3-year CA ends with the CA and says so', async () => {
    const pem = await generate({ kind: 'http', key: EC, format: 'pem', ca: { kind: 'pkcs12', path: 'ca.p12', password: '' }, instances: [{ name: 'es', dns: ['es'], ip: [] }] }, env(files));
    const notAfter = Date.parse(cert(pem, 'certificate').validTo);
    assert.ok(notAfter <= caNotAfter(), 'the certificate ends no later than its CA');
    assert.ok(caNotAfter() - notAfter < DAY, 'and within a day of it');
    assert.match(pem.warnings?.join('\n') ?? '', /The CA certificate expires on 2029-04-30: the new certificates are valid for 1095 days, until then, instead of the default 1826/);
  });

  it('a validity the user asked for is kept, with the warning that it outlives the CA', async () => {
    const r = await generate({ kind: 'http', key: EC, format: 'pem', days: 2000, ca: { kind: 'pkcs12', path: 'ca.p12', password: '' }, instances: [{ name: 'es', dns: ['es'], ip: [] }] }, env(files));
    assert.equal((Date.parse(cert(r, 'certificate').validTo) - NOW.getTime()) / DAY, 2000);
    assert.match(r.warnings?.join('\n') ?? '', /before the new certificates do/);
  });

  it('a default that fits inside the CA is left alone and silent', async () => {
    const r = await generate({ kind: 'cert', key: EC, format: 'pem', ca: { kind: 'pkcs12', path: 'ca.p12', password: '' }, instances: [{ name: 'n', dns: [], ip: [] }] }, env(files));
    assert.equal(r.warnings, undefined);
    assert.ok(Date.parse(cert(r, 'certificate').validTo) <= caNotAfter());
  });

  it('a new HTTP CA and its certificates end together (no warning)', async () => {
    const r = await generate({ kind: 'http', key: EC, format: 'pem', instances: [{ name: 'es', dns: ['es'], ip: [] }] }, env());
    assert.equal(r.warnings, undefined);
    assert.equal(cert(r, 'certificate').validTo, cert(r, 'caCertificate').validTo);
  });
});

describe('generate: the sample kibana.yml points at a host the certificate covers', () => {
  const kibanaHosts = async (dns: string[], ip: string[]) => {
    const r = await generate({ kind: 'http', key: EC, format: 'pem', instances: [{ name: 'es', dns, ip }] }, env());
    return r.settings.kibana?.[0];
  };

  it('uses the first DNS name of the certificate, never a host it does not name', async () => {
    assert.equal(await kibanaHosts(['es01.example.com', 'localhost'], []), 'elasticsearch.hosts: [ "https://es01.example.com:9200" ]');
  });

  it('falls back to an IP address (IPv6 in brackets), and to a comment when the certificate names no host', async () => {
    assert.equal(await kibanaHosts([], ['10.0.0.5']), 'elasticsearch.hosts: [ "https://10.0.0.5:9200" ]');
    assert.match((await kibanaHosts([], [])) ?? '', /^# elasticsearch\.hosts:/);
  });

  const table: Array<[string[], string[], string | undefined]> = [
    [['*.example.com', 'es.example.com'], [], 'es.example.com'],
    [['*.example.com'], [], undefined],
    [[], ['::1'], '[::1]'],
  ];
  for (const [dns, ip, expected] of table) {
    it(`hostCovered(${[...dns, ...ip].join(', ') || 'nothing'}) = ${expected}`, () => assert.equal(hostCovered({ name: 'x', dns, ip }), expected));
  }
});
