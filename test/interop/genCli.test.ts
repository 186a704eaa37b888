// `estls gen` end to end in a temp dir: files, modes, refusals, exit codes; keystores opened by openssl.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { runGen } from '../../server/src/cli/gen';
import { nodeIo, type CliIo } from '../../server/src/cli/io';
import { hasTool, openssl, tmpDir, type TempDir } from './helpers/tools';

let dir: TempDir;

async function gen(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { ...nodeIo(), cwd: dir.path, env, out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await runGen(args, io);
  return { code, out, err };
}

function mode(p: string): number {
  return fs.statSync(dir.file(p)).mode & 0o777;
}

function listFiles(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(`${root}/${f}`).isFile()).sort();
}

describe('estls gen', { skip: !hasTool('openssl') && 'openssl not found' }, () => {
  before(() => {
    dir = tmpDir('estls-gencli-');
  });
  after(() => dir?.cleanup());

  it('ca then cert: writes the keystores 0600, prints the files and keystore commands, never the password', async () => {
    const ca = await gen(['ca', '--key-type', 'ec'], { ESTLS_PASS: 'ca-secret' });
    assert.equal(ca.code, 0, ca.err);
    assert.equal(mode('elastic-stack-ca.p12'), 0o600);
    const cert = await gen(['cert', '--ca', 'elastic-stack-ca.p12', '--name', 'node1', '--dns', 'node1.example.com,localhost', '--ip', '127.0.0.1', '--key-type', 'ec'], {
      ESTLS_PASS: 'node-secret',
      ESTLS_CA_PASS: 'ca-secret',
    });
    assert.equal(cert.code, 0, cert.err);
    assert.equal(mode('node1.p12'), 0o600);
    assert.match(cert.out, /wrote .*node1\.p12/);
    assert.match(cert.out, /bin\/elasticsearch-keystore add xpack\.security\.transport\.ssl\.keystore\.secure_password/);
    assert.doesNotMatch(cert.out + cert.err + ca.out, /secret/);
    assert.match(openssl(['pkcs12', '-in', dir.file('node1.p12'), '-passin', 'pass:node-secret', '-nokeys', '-clcerts']), /BEGIN CERTIFICATE/);
  });

  it('refuses to overwrite: exit 1, names the file, leaves it byte-identical and writes nothing else', async () => {
    const before = fs.readFileSync(dir.file('node1.p12'));
    const filesBefore = listFiles(dir.path);
    const r = await gen(['cert', '--ca', 'elastic-stack-ca.p12', '--name', 'node1', '--key-type', 'ec'], { ESTLS_CA_PASS: 'ca-secret' });
    assert.equal(r.code, 1);
    assert.match(r.err, /Output file '.*node1\.p12' already exists/);
    assert.deepEqual(fs.readFileSync(dir.file('node1.p12')), before);
    assert.deepEqual(listFiles(dir.path), filesBefore);
  });

  it('checks every target before writing the first (batch with one existing file writes nothing)', async () => {
    fs.writeFileSync(dir.file('instances.yml'), 'instances:\n  - name: a\n    dns: [a.example]\n  - name: b\n    ip: ["10.0.0.2"]\n');
    fs.mkdirSync(dir.file('batch/b'), { recursive: true });
    fs.writeFileSync(dir.file('batch/b/b.crt'), 'keep me');
    const r = await gen(['cert', '--pem', '--in', 'instances.yml', '--out', 'batch', '--ca', 'elastic-stack-ca.p12', '--key-type', 'ec'], { ESTLS_CA_PASS: 'ca-secret' });
    assert.equal(r.code, 1);
    assert.deepEqual(listFiles(dir.file('batch')), ['b/b.crt']);
    assert.equal(fs.readFileSync(dir.file('batch/b/b.crt'), 'utf8'), 'keep me');
  });

  it('batch PEM output: keys 0600, certificates 0644, CA certificate included, verified by openssl', async () => {
    const r = await gen(['cert', '--pem', '--in', 'instances.yml', '--out', 'pem', '--ca', 'elastic-stack-ca.p12', '--key-type', 'ec', '--pass', 'k-pass'], { ESTLS_CA_PASS: 'ca-secret' });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(listFiles(dir.file('pem')), ['a/a.crt', 'a/a.key', 'b/b.crt', 'b/b.key', 'ca/ca.crt']);
    assert.equal(mode('pem/a/a.key'), 0o600);
    assert.equal(mode('pem/a/a.crt'), 0o644);
    assert.match(openssl(['verify', '-CAfile', dir.file('pem/ca/ca.crt'), dir.file('pem/b/b.crt')]), /OK/);
    assert.match(r.out, /secure_key_passphrase/);
    assert.ok(!fs.readdirSync(dir.file('pem/a')).some((f) => f.endsWith('.tmp')), 'no temp files left');
  });

  it('http with a new CA writes the whole layout', async () => {
    const r = await gen(['http', '--out', 'http', '--dns', 'es.example.com', '--key-type', 'ec', '--pass', 'h']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(listFiles(dir.file('http')), [
      'README.txt',
      'ca/ca.p12',
      'elasticsearch/http.p12',
      'elasticsearch/sample-elasticsearch.yml',
      'kibana/elasticsearch-ca.pem',
      'kibana/sample-kibana.yml',
    ]);
    assert.equal(mode('http/ca/ca.p12'), 0o600);
    assert.equal(mode('http/kibana/elasticsearch-ca.pem'), 0o644);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no kind', [], /which certificates/],
    ['an unknown kind', ['certs'], /unknown kind/],
    ['an unknown option', ['ca', '--bogus'], /unknown option '--bogus'/],
    ['--ca-cert without --ca-key', ['cert', '--ca-cert', 'x.crt'], /also requires --ca-key/],
    ['--ca with --self-signed', ['cert', '--ca', 'x.p12', '--self-signed'], /exclude each other/],
    ['--in with --dns', ['cert', '--self-signed', '--in', 'instances.yml', '--dns', 'a'], /cannot be combined/],
    ['a bad key size', ['ca', '--keysize', '1024'], /--keysize must be/],
    ['a missing value', ['ca', '--days'], /--days needs a value/],
    ['a forgotten password (next word is a flag)', ['ca', '--pass', '--pem'], /--pass needs a value/],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 on ${what}`, async () => {
      const r = await gen(args);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
    });
  }

  it('exits 1 on input certutil refuses (bad IP, non-ASCII keystore password, missing CA)', async () => {
    const badIp = await gen(['cert', '--self-signed', '--ip', '1.2.3.999', '--out', 'x']);
    assert.equal(badIp.code, 1);
    assert.match(badIp.err, /\[1\.2\.3\.999\] is not a valid IP address/);
    assert.equal((await gen(['ca', '--pass', 'pässe', '--out', 'x'])).code, 1);
    assert.equal((await gen(['cert', '--ca', 'missing.p12', '--out', 'x'])).code, 1);
    assert.equal(fs.existsSync(dir.file('x')), false);
  });

  it('ca takes its password from --ca-pass too, and --pass=--x is a password', async () => {
    const r = await gen(['ca', '--key-type', 'ec', '--ca-pass', 'via-ca-pass', '--out', 'ca2']);
    assert.equal(r.code, 0, r.err);
    assert.match(openssl(['pkcs12', '-in', dir.file('ca2/elastic-stack-ca.p12'), '-passin', 'pass:via-ca-pass', '-nokeys']), /BEGIN CERTIFICATE/);
    const dashed = await gen(['ca', '--key-type', 'ec', '--pass=--x', '--out', 'ca3']);
    assert.equal(dashed.code, 0, dashed.err);
    assert.match(openssl(['pkcs12', '-in', dir.file('ca3/elastic-stack-ca.p12'), '-passin', 'pass:--x', '-nokeys']), /BEGIN CERTIFICATE/);
  });

  it('prints warnings on stderr (a CA that expires before the certificates)', async () => {
    assert.equal((await gen(['ca', '--key-type', 'ec', '--days', '3', '--pass', '', '--out', 'short'])).code, 0);
    const r = await gen(['cert', '--ca', 'short/elastic-stack-ca.p12', '--key-type', 'ec', '--out', 'short-certs']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /warning: The CA certificate expires on/);
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await gen(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /Usage: estls gen/);
  });
});
