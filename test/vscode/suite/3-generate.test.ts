// Each generation command, driven by its argument object: the files it writes, their modes, settings insertion,
// and the refusal to overwrite.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GenerateCommandArgs } from '../../../client/src/generate/args';
import { activeApi, generate, removeDir, tempDir } from '../helpers';

const PASSWORD = 'suite-pass-1';

function relativeTo(dir: string, files: string[]): string[] {
  return files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
}

function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

/** Files left under a temporary name would mean a write was not atomic or not cleaned up. */
function leftovers(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'));
}

suite('generation commands', () => {
  let dir: string;
  let caP12: string;
  let caCrt: string;
  let caKey: string;

  suiteSetup(async () => {
    await activeApi();
    dir = tempDir('generate');
  });

  suiteTeardown(() => removeDir(dir));

  test('Generate CA writes elastic-stack-ca.p12 with mode 0600', async () => {
    const out = path.join(dir, 'ca-p12');
    const result = await generate('elasticTls.generateCa', { outputDir: out, password: PASSWORD });
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.deepEqual(relativeTo(out, result.written), ['elastic-stack-ca.p12']);
    caP12 = result.written[0];
    if (process.platform !== 'win32') assert.equal(modeOf(caP12), 0o600);
    assert.deepEqual(leftovers(out), []);
  });

  test('Generate CA as PEM writes ca/ca.crt and a 0600 ca/ca.key', async () => {
    const out = path.join(dir, 'ca-pem');
    const result = await generate('elasticTls.generateCa', { outputDir: out, format: 'pem', caDn: 'CN=Suite PEM CA' });
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.deepEqual(relativeTo(out, result.written), ['ca/ca.crt', 'ca/ca.key']);
    caCrt = path.join(out, 'ca', 'ca.crt');
    caKey = path.join(out, 'ca', 'ca.key');
    assert.match(fs.readFileSync(caCrt, 'utf8'), /-----BEGIN CERTIFICATE-----/);
    if (process.platform !== 'win32') {
      assert.equal(modeOf(caKey), 0o600);
      assert.notEqual(modeOf(caCrt) & 0o044, 0, 'the certificate is not private');
    }
  });

  test('Generate Node Certificate signs with the P12 CA', async () => {
    const out = path.join(dir, 'node');
    const result = await generate('elasticTls.generateNodeCertificate', {
      outputDir: out,
      ca: { kind: 'pkcs12', path: caP12, password: PASSWORD },
      instances: [{ name: 'node1', dns: ['node1.example.com'], ip: ['10.0.0.1'] }],
      password: PASSWORD,
    });
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.deepEqual(relativeTo(out, result.written), ['node1.p12']);
    assert.ok(result.keystoreCommands.some((c) => c.includes('elasticsearch-keystore')));
    assert.ok(!result.keystoreCommands.some((c) => c.includes(PASSWORD)), 'keystore commands never hold the password');
  });

  test('Generate HTTP Certificates makes a new CA when none is given, and inserts the settings', async () => {
    const out = path.join(dir, 'http');
    const yml = path.join(dir, 'elasticsearch.yml');
    fs.writeFileSync(yml, 'cluster.name: suite\n');
    const result = await generate('elasticTls.generateHttpCertificates', {
      outputDir: out,
      instances: [{ name: 'http', dns: ['localhost'], ip: ['127.0.0.1'] }],
      password: '',
      insertSettings: { elasticsearch: yml },
    });
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    const files = relativeTo(out, result.written);
    assert.ok(files.includes('elasticsearch/http.p12'), files.join(', '));
    assert.ok(files.includes('ca/ca.p12'), files.join(', '));
    const text = fs.readFileSync(yml, 'utf8');
    assert.ok(text.startsWith('cluster.name: suite\n'));
    assert.match(text, /# TLS settings added by Elastic TLS/);
    assert.match(text, /xpack\.security\.http\.ssl/);
  });

  test('Generate Kibana Client Certificate signs with the PEM CA', async () => {
    const out = path.join(dir, 'kibana');
    const result = await generate('elasticTls.generateKibanaClientCertificate', {
      outputDir: out,
      ca: { kind: 'pem', certPath: caCrt, keyPath: caKey },
      instances: [{ name: 'kibana', dns: [], ip: [] }],
      format: 'pem',
    });
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    const files = relativeTo(out, result.written);
    assert.ok(files.includes('kibana/kibana-client.crt'), files.join(', '));
    assert.ok(files.includes('kibana/kibana-client.key'), files.join(', '));
  });

  test('Generate CSR writes a request and its key', async () => {
    const out = path.join(dir, 'csr');
    const result = await generate('elasticTls.generateCsr', {
      outputDir: out,
      instances: [{ name: 'node1', dns: ['node1.example.com'], ip: [] }],
    });
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.deepEqual(relativeTo(out, result.written), ['node1/node1.csr', 'node1/node1.key']);
    assert.match(fs.readFileSync(path.join(out, 'node1', 'node1.csr'), 'utf8'), /CERTIFICATE REQUEST/);
  });

  test('Generate HTTP Certificates with k8sSecret writes one 0600 Secret manifest for ECK', async () => {
    const out = path.join(dir, 'k8s');
    const result = await generate('elasticTls.generateHttpCertificates', {
      outputDir: out, ca: { kind: 'pkcs12', path: caP12, password: PASSWORD }, k8sSecret: { name: 'qs-es-cert', cluster: 'qs', namespace: 'elastic' },
    });
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.deepEqual(relativeTo(out, result.written), ['qs-es-cert.yaml']);
    if (process.platform !== 'win32') assert.equal(modeOf(result.written[0]), 0o600);
    const manifest = fs.readFileSync(result.written[0], 'utf8');
    assert.match(manifest, /^apiVersion: v1\nkind: Secret\nmetadata:\n {2}name: qs-es-cert\n {2}namespace: elastic\ntype: Opaque\ndata:\n/);
    assert.deepEqual([...manifest.matchAll(/^ {2}([a-z.]+): /gm)].map((m) => m[1]).slice(2), ['ca.crt', 'tls.crt', 'tls.key']);
  });

  test('refuses to overwrite: nothing at all is written when a target exists', async () => {
    const out = path.join(dir, 'ca-pem');
    const before = fs.readFileSync(caKey);
    fs.rmSync(caCrt);
    const result = await generate('elasticTls.generateCa', { outputDir: out, format: 'pem', overwrite: false });
    assert.equal(result.status, 'exists');
    assert.deepEqual(result.written, []);
    assert.deepEqual(relativeTo(out, result.existing), ['ca/ca.key']);
    assert.ok(!fs.existsSync(caCrt), 'the missing file was not written either');
    assert.deepEqual(fs.readFileSync(caKey), before);
    assert.deepEqual(leftovers(out), []);
  });

  test('replaces files when overwrite is true', async () => {
    const out = path.join(dir, 'ca-pem');
    const before = fs.readFileSync(caKey);
    const result = await generate('elasticTls.generateCa', { outputDir: out, format: 'pem', overwrite: true });
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.notDeepEqual(fs.readFileSync(caKey), before);
    if (process.platform !== 'win32') assert.equal(modeOf(caKey), 0o600);
  });

  test('an argument object without an output folder fails without prompting', async () => {
    const result = await generate('elasticTls.generateCsr', { instances: [{ name: 'x', dns: [], ip: [] }] } as unknown as GenerateCommandArgs);
    assert.equal(result.status, 'failed');
    assert.equal(result.error?.code, 'INVALID_INPUT');
  });

  test('a bad request is refused with the engine\'s message and writes nothing', async () => {
    const out = path.join(dir, 'bad');
    const result = await generate('elasticTls.generateNodeCertificate', {
      outputDir: out,
      ca: { kind: 'selfSigned' },
      instances: [{ name: 'ca', dns: ['not a name'], ip: ['999.1.1.1'] }],
    });
    assert.equal(result.status, 'failed');
    assert.ok(result.error?.message);
    assert.ok(!fs.existsSync(out));
  });
});
