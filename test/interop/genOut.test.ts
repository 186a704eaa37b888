// `estls gen --out` in each form certutil users type (a .p12 file, a .zip with certutil's layout, an existing
// folder, a trailing /, a missing parent with and without --mkdirs), with openssl and keytool opening what was
// written, and the printed next step run as it is printed.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { runGen } from '../../server/src/cli/gen';
import { nodeIo, type CliIo } from '../../server/src/cli/io';
import { hasTool, keytool, openssl, run, tmpDir, type TempDir } from './helpers/tools';

let dir: TempDir;
const EC = ['--key-type', 'ec'];

async function gen(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { ...nodeIo(), cwd: dir.path, env, out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await runGen(args, io);
  return { code, out, err };
}

const mode = (p: string) => fs.statSync(dir.file(p)).mode & 0o777;
const listFiles = (root: string) => (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();

/** The `estls gen cert ...` hint in a run's output, as the words a shell would pass (the hints quote no path here). */
function hintedCommand(out: string): string[] {
  const line = out.split('\n').find((l) => l.includes('estls gen cert '));
  assert.ok(line, `no hint in:\n${out}`);
  return line.slice(line.indexOf('estls gen cert ') + 'estls gen '.length).trim().split(/\s+/);
}

/** Unpacks a zip with the system's unzip when there is one (an independent reader), else with fflate. */
function unpack(zip: string, into: string): void {
  fs.mkdirSync(into, { recursive: true });
  if (hasTool('unzip', ['-v'])) {
    run('unzip', ['-q', zip, '-d', into]);
    return;
  }
  for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(zip)))) {
    if (name.endsWith('/')) fs.mkdirSync(path.join(into, name), { recursive: true });
    else fs.writeFileSync(path.join(into, name), bytes);
  }
}

/** The data of a Secret manifest, parsed by the yaml library (base64 values by key). */
function secretData(file: string): Record<string, string> {
  const manifest = parse(fs.readFileSync(dir.file(file), 'utf8')) as { kind: string; data: Record<string, string> };
  assert.equal(manifest.kind, 'Secret');
  return manifest.data;
}

const zipNames = (zip: string) => Object.keys(unzipSync(fs.readFileSync(dir.file(zip)))).sort();

describe('estls gen --out', { skip: !hasTool('openssl') && 'openssl not found' }, () => {
  before(() => {
    dir = tmpDir('estls-genout-');
    fs.writeFileSync(dir.file('instances.yml'), 'instances:\n  - name: a\n    dns: [a.example]\n  - name: b\n    ip: ["10.0.0.2"]\n');
  });
  after(() => dir?.cleanup());

  it('a .p12 file: gen ca --out elastic-stack-ca.p12 writes that file, and its hint runs as printed', async () => {
    const ca = await gen(['ca', ...EC, '--out', 'elastic-stack-ca.p12', '--pass', '']);
    assert.equal(ca.code, 0, ca.err);
    assert.ok(fs.statSync(dir.file('elastic-stack-ca.p12')).isFile(), 'a file, not a folder');
    assert.equal(mode('elastic-stack-ca.p12'), 0o600);
    assert.match(openssl(['pkcs12', '-in', dir.file('elastic-stack-ca.p12'), '-passin', 'pass:', '-nokeys']), /BEGIN CERTIFICATE/);
    const hint = hintedCommand(ca.out);
    assert.deepEqual(hint.slice(0, 3), ['cert', '--ca', 'elastic-stack-ca.p12']);
    const next = await gen([...hint, ...EC]);
    assert.equal(next.code, 0, next.err);
    assert.match(next.out, /wrote .*node1\.p12/);
  });

  it('gen cert --out node-1.p12 writes that file; keytool lists its key entry and the CA', { skip: !hasTool(keytoolBin(), ['-help']) && 'keytool not found' }, async () => {
    const r = await gen(['cert', ...EC, '--ca', 'elastic-stack-ca.p12', '--name', 'node-1', '--dns', 'node-1', '--out', 'node-1.p12', '--pass', 'nodepw']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /keystore\.path: certs\/node-1\.p12/);
    const list = keytool(['-list', '-storetype', 'PKCS12', '-storepass', 'nodepw', '-keystore', dir.file('node-1.p12')]);
    assert.match(list, /node-1, .*PrivateKeyEntry/);
    assert.match(list, /ca, .*trustedCertEntry/);
  });

  it('a new folder name: --out certs writes certs/elastic-stack-ca.p12 and the hint names certs/elastic-stack-ca.p12', async () => {
    const r = await gen(['ca', ...EC, '--out', 'certs', '--pass', '']);
    assert.equal(r.code, 0, r.err);
    assert.equal(mode('certs/elastic-stack-ca.p12'), 0o600);
    const hint = hintedCommand(r.out);
    assert.deepEqual(hint.slice(0, 3), ['cert', '--ca', 'certs/elastic-stack-ca.p12']);
    assert.equal((await gen([...hint, ...EC, '--out', 'certs/'])).code, 0);
    assert.ok(fs.existsSync(dir.file('certs/node1.p12')));
  });

  it('an existing folder and a trailing /: files go into it', async () => {
    fs.mkdirSync(dir.file('existing'));
    const into = await gen(['cert', ...EC, '--ca', 'elastic-stack-ca.p12', '--name', 'n2', '--out', 'existing']);
    assert.equal(into.code, 0, into.err);
    assert.deepEqual(listFiles(dir.file('existing')), ['n2.p12']);
    const slash = await gen(['cert', ...EC, '--ca', 'elastic-stack-ca.p12', '--name', 'n3', '--out', 'fresh/']);
    assert.equal(slash.code, 0, slash.err);
    assert.deepEqual(listFiles(dir.file('fresh')), ['n3.p12']);
  });

  it('a missing parent folder: refused without --mkdirs (nothing written), made with it', async () => {
    const refused = await gen(['cert', ...EC, '--ca', 'elastic-stack-ca.p12', '--name', 'n4', '--out', 'deep/er/n4.p12']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /Directory .*deep\/er does not exist; add --mkdirs to create it; nothing was written/);
    assert.equal(fs.existsSync(dir.file('deep')), false);
    const made = await gen(['cert', ...EC, '--ca', 'elastic-stack-ca.p12', '--name', 'n4', '--out', 'deep/er/n4.p12', '--mkdirs']);
    assert.equal(made.code, 0, made.err);
    assert.match(openssl(['pkcs12', '-in', dir.file('deep/er/n4.p12'), '-passin', 'pass:', '-nokeys', '-clcerts']), /subject=CN\s*=\s*n4/);
  });

  it('certificate-bundle.zip: <name>/<name>.crt + .key per instance, 0600, verified by openssl after unzip', async () => {
    const r = await gen(['cert', ...EC, '--pem', '--in', 'instances.yml', '--ca', 'elastic-stack-ca.p12', '--out', 'certificate-bundle.zip']);
    assert.equal(r.code, 0, r.err);
    assert.equal(mode('certificate-bundle.zip'), 0o600);
    assert.deepEqual(zipNames('certificate-bundle.zip'), ['a/', 'a/a.crt', 'a/a.key', 'b/', 'b/b.crt', 'b/b.key', 'ca/', 'ca/ca.crt']);
    assert.match(r.out, /inside certificate-bundle\.zip; unzip it first/);
    unpack(dir.file('certificate-bundle.zip'), dir.file('bundle'));
    assert.match(openssl(['verify', '-CAfile', dir.file('bundle/ca/ca.crt'), dir.file('bundle/b/b.crt')]), /OK/);
    assert.match(openssl(['pkey', '-in', dir.file('bundle/a/a.key'), '-noout', '-text']), /Private-Key/);
  });

  it('certificate-bundle.zip without --pem: <name>/<name>.p12 that keytool opens', { skip: !hasTool(keytoolBin(), ['-help']) && 'keytool not found' }, async () => {
    const r = await gen(['cert', ...EC, '--in', 'instances.yml', '--ca', 'elastic-stack-ca.p12', '--out', 'p12-bundle.zip', '--pass', 'bpw']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(zipNames('p12-bundle.zip'), ['a/', 'a/a.p12', 'b/', 'b/b.p12']);
    unpack(dir.file('p12-bundle.zip'), dir.file('p12-bundle'));
    assert.match(keytool(['-list', '-storetype', 'PKCS12', '-storepass', 'bpw', '-keystore', dir.file('p12-bundle/a/a.p12')]), /PrivateKeyEntry/);
  });

  it('elastic-stack-ca.zip (ca --pem): ca/ca.crt + ca/ca.key, and the hint names them inside the zip', async () => {
    const r = await gen(['ca', ...EC, '--pem', '--out', 'elastic-stack-ca.zip']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(zipNames('elastic-stack-ca.zip'), ['ca/', 'ca/ca.crt', 'ca/ca.key']);
    assert.deepEqual(hintedCommand(r.out).slice(0, 5), ['cert', '--ca-cert', 'ca/ca.crt', '--ca-key', 'ca/ca.key']);
    unpack(dir.file('elastic-stack-ca.zip'), dir.file('pem-ca'));
    assert.match(openssl(['x509', '-in', dir.file('pem-ca/ca/ca.crt'), '-noout', '-ext', 'basicConstraints']), /CA:TRUE/);
  });

  it('csr-bundle.zip: <name>/<name>.csr + .key, each request verified by openssl', async () => {
    const r = await gen(['csr', ...EC, '--in', 'instances.yml', '--out', 'csr-bundle.zip']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(zipNames('csr-bundle.zip'), ['a/', 'a/a.csr', 'a/a.key', 'b/', 'b/b.csr', 'b/b.key']);
    unpack(dir.file('csr-bundle.zip'), dir.file('csrs'));
    for (const name of ['a', 'b']) {
      const verified = run('openssl', ['req', '-in', dir.file(`csrs/${name}/${name}.csr`), '-noout', '-verify']);
      assert.match(verified.stdout + verified.stderr, /verify OK/i);
    }
  });

  it('elasticsearch-ssl-http.zip: elasticsearch/, kibana/ and ca/ for a new CA', async () => {
    const r = await gen(['http', ...EC, '--dns', 'es.example.com', '--out', 'elasticsearch-ssl-http.zip', '--pass', 'h']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(zipNames('elasticsearch-ssl-http.zip'), [
      'README.txt', 'ca/', 'ca/ca.p12', 'elasticsearch/', 'elasticsearch/http.p12', 'elasticsearch/sample-elasticsearch.yml',
      'kibana/', 'kibana/elasticsearch-ca.pem', 'kibana/sample-kibana.yml',
    ]);
    unpack(dir.file('elasticsearch-ssl-http.zip'), dir.file('http-zip'));
    assert.match(openssl(['pkcs12', '-in', dir.file('http-zip/elasticsearch/http.p12'), '-passin', 'pass:h', '-nokeys', '-clcerts']), /subject=.*CN\s*=\s*es/);
    assert.match(fs.readFileSync(dir.file('http-zip/kibana/sample-kibana.yml'), 'utf8'), /https:\/\/es\.example\.com:9200/);
  });

  it('--k8s-secret: a 0600 Secret manifest, never printed, whose files openssl reads and verifies', async () => {
    const ca = await gen(['ca', '--k8s-secret', 'my-ca', '--namespace', 'elastic']);
    assert.equal(ca.code, 0, ca.err);
    assert.equal(mode('my-ca.yaml'), 0o600);
    const caData = secretData('my-ca.yaml');
    assert.ok(!(ca.out + ca.err).includes(caData['ca.key'].slice(0, 32)), 'the key never reaches the output');
    assert.match(ca.out, /kubectl apply -f my-ca\.yaml/);
    assert.match(ca.out, /secretName: my-ca/);
    const http = await gen(['http', '--ca', 'elastic-stack-ca.p12', '--k8s-secret', 'es-cert', '--cluster', 'quickstart', '--namespace', 'elastic', '--out', 'secrets/']);
    assert.equal(http.code, 0, http.err);
    const data = secretData('secrets/es-cert.yaml');
    for (const [key, value] of Object.entries(data)) fs.writeFileSync(dir.file(`secrets/${key}`), Buffer.from(value, 'base64'));
    assert.match(openssl(['verify', '-CAfile', dir.file('secrets/ca.crt'), dir.file('secrets/tls.crt')]), /OK/);
    assert.match(openssl(['x509', '-in', dir.file('secrets/tls.crt'), '-noout', '-ext', 'subjectAltName']), /DNS:quickstart-es-http, DNS:quickstart-es-http\.elastic\.svc/);
    const modulus = (args: string[]) => openssl(args).trim();
    assert.equal(modulus(['x509', '-in', dir.file('secrets/tls.crt'), '-noout', '-pubkey']), modulus(['pkey', '-in', dir.file('secrets/tls.key'), '-pubout']));
    const wrongKind = await gen(['cert', '--self-signed', '--k8s-secret', 'x']);
    assert.equal(wrongKind.code, 2);
    assert.match(wrongKind.err, /use it with ca or http/);
  });

  it('a .p12 path for several files is refused and nothing is written; a zip is never overwritten', async () => {
    const before = listFiles(dir.path);
    const many = await gen(['cert', ...EC, '--pem', '--ca', 'elastic-stack-ca.p12', '--name', 'x', '--out', 'x.p12']);
    assert.equal(many.code, 1);
    assert.match(many.err, /not one: give a folder \(--out x\/\) or a zip file \(--out x\.zip\)/);
    const zipBefore = fs.readFileSync(dir.file('csr-bundle.zip'));
    const again = await gen(['csr', ...EC, '--in', 'instances.yml', '--out', 'csr-bundle.zip']);
    assert.equal(again.code, 1);
    assert.match(again.err, /Output file '.*csr-bundle\.zip' already exists/);
    assert.deepEqual(fs.readFileSync(dir.file('csr-bundle.zip')), zipBefore);
    assert.deepEqual(listFiles(dir.path), before);
  });
});

function keytoolBin(): string {
  return fs.existsSync('/usr/bin/keytool') ? '/usr/bin/keytool' : 'keytool';
}
