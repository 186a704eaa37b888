// elasticsearch.keystore over the protocol and through the CLI: the setting names come out, the values and the
// keystore password never do (not in answers, logs, stderr or CLI output). The keystore is written here from
// KeyStoreWrapper's layout (format version 6), as no Elasticsearch is installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cliPath, startServer } from './lspClient.mjs';

const tag = crypto.randomBytes(6).toString('hex');
const VALUE = `KsValue-${tag}`;
const PASSWORD = `KsPass-${tag}`;
const NAMES = ['keystore.seed', 'xpack.security.http.ssl.keystore.secure_password'];

const int = (n, le) => {
  const b = Buffer.alloc(4);
  if (le) b.writeInt32LE(n);
  else b.writeInt32BE(n);
  return b;
};
const javaUtf = (s) => Buffer.concat([Buffer.from([0, Buffer.byteLength(s)]), Buffer.from(s)]);

/** A version 6 elasticsearch.keystore (little-endian data, 210,000 PBKDF2 iterations) holding NAMES = VALUE. */
function keystore(password) {
  const plain = Buffer.concat([int(NAMES.length), ...NAMES.flatMap((n) => [javaUtf(n), int(Buffer.byteLength(VALUE)), Buffer.from(VALUE)])]);
  const salt = crypto.randomBytes(64);
  const iv = crypto.randomBytes(12);
  const key = crypto.pbkdf2Sync(password, salt, 210_000, 16, 'sha512');
  const c = crypto.createCipheriv('aes-128-gcm', key, iv);
  c.setAAD(salt);
  const enc = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  const data = Buffer.concat([int(64, true), salt, int(12, true), iv, int(enc.length, true), enc]);
  const name = Buffer.from('elasticsearch.keystore');
  const head = Buffer.concat([int(0x3fd76c17), Buffer.from([name.length]), name, int(6), Buffer.from([password ? 1 : 0]), int(data.length, true), data, int(~0x3fd76c17), int(0)]);
  const crc = Buffer.alloc(8);
  crc.writeUInt32BE(crc32(head), 4);
  return Buffer.concat([head, crc]);
}

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('elasticsearch.keystore: names out, values never', () => {
  let dir;
  let server;
  const captured = [];
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-eskeystore-'));
    fs.writeFileSync(path.join(dir, 'elasticsearch.keystore'), keystore(''));
    fs.writeFileSync(path.join(dir, 'locked.keystore'), keystore(PASSWORD));
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('estls/inspectFile lists the names, with the empty password or the given one', async () => {
    const open = await server.connection.sendRequest('estls/inspectFile', { path: path.join(dir, 'elasticsearch.keystore') });
    assert.deepEqual(open.result?.elasticsearchKeystore?.settingNames, NAMES);
    const locked = await server.connection.sendRequest('estls/inspectFile', { path: path.join(dir, 'locked.keystore') });
    assert.equal(locked.ok, false);
    const wrong = await server.connection.sendRequest('estls/inspectFile', { path: path.join(dir, 'locked.keystore'), password: 'nope' });
    assert.equal(wrong.code, 'BAD_PASSWORD');
    const right = await server.connection.sendRequest('estls/inspectFile', { path: path.join(dir, 'locked.keystore'), password: PASSWORD });
    assert.deepEqual(right.result?.elasticsearchKeystore?.settingNames, NAMES);
    captured.push(JSON.stringify([open, locked, wrong, right]));
  });

  test('estls inspect prints the names in text and JSON', () => {
    for (const format of ['text', 'json']) {
      for (const [file, env] of [['elasticsearch.keystore', {}], ['locked.keystore', { ESTLS_PASSWORD: PASSWORD }]]) {
        const r = spawnSync(process.execPath, [cliPath, 'inspect', '--format', format, file], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
        assert.equal(r.status, 0, r.stderr);
        for (const n of NAMES) assert.ok(r.stdout.includes(n), `${format}: ${n} listed`);
        captured.push(r.stdout, r.stderr);
      }
    }
  });

  test('no value and no keystore password in any answer, log, stderr or CLI output', () => {
    captured.push(server.stderr, JSON.stringify(server.logs));
    assert.ok(captured.length >= 9, 'every channel was exercised');
    for (const text of captured) {
      assert.ok(!text.includes(VALUE), 'a keystore value leaked');
      assert.ok(!text.includes(PASSWORD), 'the keystore password leaked');
    }
  });
});
