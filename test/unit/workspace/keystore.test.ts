// elasticsearch.keystore against elasticsearch.yml in a folder check: a password-protected PKCS#12 store with
// no secure_password, a secure_password that does not open it, a secure setting also written plainly, SSL
// secure settings of a context whose `enabled` is unset; and no keystore value in any output.
import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../server/src/cli';
import { nodeIo } from '../../../server/src/cli/io';
import type { CheckReportEntry } from '../../../server/src/cli/check';
import { nodeFileSystem } from '../../../server/src/core/nodeFileSystem';
import { describeFile } from '../../../server/src/features/fileHover';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import { ca, esKeystore, p12, tempWorkspace } from './fixtures';

type Ca = Awaited<ReturnType<typeof ca>>;
let prod: Ca;
const cleanups: Array<() => void> = [];
const STORE_PW = 'Store-pw-4711';
const WRONG_PW = 'Wrong-pw-0815';

before(async () => {
  prod = await ca('Prod CA');
});
after(() => cleanups.forEach((c) => c()));

const YML = [
  'node.name: node-a',
  'xpack.security.transport.ssl.enabled: true',
  'xpack.security.transport.ssl.verification_mode: certificate',
  'xpack.security.transport.ssl.keystore.path: certs/node.p12',
  'xpack.security.transport.ssl.certificate_authorities: [ "certs/ca.crt" ]',
  '',
].join('\n');

async function folder(settings: Record<string, string> | undefined, yml = YML, version: 3 | 4 | 5 | 6 = 6) {
  const w = tempWorkspace();
  cleanups.push(w.cleanup);
  w.write('node-a/certs/node.p12', await p12(prod, 'node-a', STORE_PW));
  w.write('node-a/certs/ca.crt', prod.pem);
  w.write('node-a/elasticsearch.yml', yml);
  if (settings) w.write('node-a/elasticsearch.keystore', esKeystore(version, settings));
  return w.root;
}

async function check(root: string, format = 'json'): Promise<{ rows: CheckReportEntry[]; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeIo(), cwd: root, out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t) };
  await runCli(['check', '--format', format, '.'], io);
  const rows = format === 'json' ? (JSON.parse(stdout) as CheckReportEntry[]).filter((e) => e.severity === 'error' || e.severity === 'warning') : [];
  return { rows, stdout, stderr };
}

describe('workspace: elasticsearch.keystore against elasticsearch.yml', () => {
  it('a password-protected PKCS#12 keystore with no secure_password: an error on its path', async () => {
    const { rows } = await check(await folder({ 'keystore.seed': 'abcdefghijklmnop' }));
    assert.deepEqual(rows.map((r) => [r.ruleId, r.file, r.line]), [['keystore-password-missing', 'node-a/elasticsearch.yml', 4]]);
    assert.match(rows[0].message, /xpack\.security\.transport\.ssl\.keystore\.secure_password/);
    assert.deepEqual(rows[0].related?.map((r) => r.file), ['node-a/elasticsearch.keystore']);
  });

  for (const version of [3, 4, 5, 6] as const) {
    it(`format ${version}: a secure_password that does not open the store is an error; the right one is silent`, async () => {
      const wrong = await check(await folder({ 'xpack.security.transport.ssl.keystore.secure_password': WRONG_PW }, YML, version));
      assert.deepEqual(wrong.rows.map((r) => [r.ruleId, r.line]), [['keystore-password-wrong', 4]]);
      const right = await check(await folder({ 'xpack.security.transport.ssl.keystore.secure_password': STORE_PW }, YML, version));
      assert.deepEqual(right.rows, []);
    });
  }

  it('a secure password in the keystore and its plain form in the yml: "cannot specify both"', async () => {
    const yml = `${YML}xpack.security.transport.ssl.keystore.password: ${STORE_PW}\n`;
    const { rows } = await check(await folder({ 'xpack.security.transport.ssl.keystore.secure_password': STORE_PW }, yml));
    const ours = rows.filter((r) => r.ruleId === 'secure-setting-duplicate');
    assert.equal(ours.length, 1);
    assert.equal(ours[0].line, 6);
    assert.match(ours[0].message, /cannot specify both \[xpack\.security\.transport\.ssl\.keystore\.secure_password\] and \[xpack\.security\.transport\.ssl\.keystore\.password\]/);
    // Only the yml's own deprecation of the plain password may stand beside it.
    assert.deepEqual(rows.filter((r) => r.ruleId !== 'secure-setting-duplicate').map((r) => r.ruleId).filter((id) => !/plain-password|plaintext/.test(id)), []);
  });

  it('SSL secure settings for a context whose enabled is not set: an error, as Elasticsearch refuses to start', async () => {
    const { rows } = await check(await folder({ 'xpack.security.transport.ssl.keystore.secure_password': STORE_PW, 'xpack.security.http.ssl.keystore.secure_password': STORE_PW }));
    assert.deepEqual(rows.map((r) => r.ruleId), ['ssl-secure-without-enabled']);
    assert.match(rows[0].message, /\[xpack\.security\.http\.ssl\.enabled\] is not set/);
    const silent = await check(await folder({ 'xpack.security.transport.ssl.keystore.secure_password': STORE_PW }));
    assert.deepEqual(silent.rows, []);
  });

  it('no keystore value reaches any output (json, text, stderr, the map)', async () => {
    const root = await folder({ 'xpack.security.transport.ssl.keystore.secure_password': WRONG_PW, 'xpack.security.http.ssl.keystore.secure_password': STORE_PW });
    const outputs = [await check(root), await check(root, 'text')];
    let map = '';
    await runCli(['map', '--format', 'json', '.'], { ...nodeIo(), cwd: root, out: (t: string) => void (map += t), err: (t: string) => void (map += t) });
    assert.match(map, /xpack\.security\.http\.ssl\.keystore\.secure_password/, 'the map lists names');
    for (const text of [...outputs.flatMap((o) => [o.stdout, o.stderr]), map]) {
      assert.ok(!text.includes(WRONG_PW) && !text.includes(STORE_PW), 'a keystore value was printed');
    }
  });
});

describe('elasticsearch.keystore where a path names it', () => {
  it('the hover over a path setting naming it, and estls inspect, list setting names and no value', async () => {
    const secret = 'Keystore-value-9931';
    const w = tempWorkspace();
    cleanups.push(w.cleanup);
    const file = w.write('node-a/elasticsearch.keystore', esKeystore(5, { 'xpack.security.http.ssl.keystore.secure_password': secret, 'bootstrap.password': secret }));
    const clock = { now: () => new Date() };
    const hover = describeFile(file, 'keystore', { fs: nodeFileSystem, clock, mayRead: () => true, certificates: new CertificateFileCache(nodeFileSystem, clock) });
    assert.match(hover, /\*\*Elasticsearch keystore\*\* \(format version 5, no password\)/);
    assert.match(hover, /`bootstrap\.password`/);
    assert.match(hover, /`xpack\.security\.http\.ssl\.keystore\.secure_password`/);
    let out = '';
    await runCli(['inspect', file], { ...nodeIo(), cwd: w.root, out: (t: string) => void (out += t), err: (t: string) => void (out += t) });
    assert.match(out, /bootstrap\.password/);
    for (const text of [hover, out]) assert.ok(!text.includes(secret), 'a keystore value was shown');
  });
});
