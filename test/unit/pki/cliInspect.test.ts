import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { runInspect } from '../../../server/src/cli/inspect';
import { memoryIo } from '../../../server/src/cli/io';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import type { InspectResult } from '../../../server/src/pki/types';
import { makeCa, makeCert } from './helpers/certs';
import type { TestCert } from './helpers/certs';
import { resign } from './helpers/resign';

describe('estls inspect', () => {
  let ca: TestCert;
  let p12: Uint8Array;
  before(async () => {
    ca = await makeCa('CN=CLI CA');
    const node = await makeCert({ subject: 'CN=cli-node', issuer: ca, dns: ['cli-node'] });
    p12 = writePkcs12([{ alias: 'node', key: node.key, chain: [node.der] }], [{ alias: 'ca', certDer: ca.der }], { password: 'pw', iterations: 100 });
  });

  it('prints JSON shaped as InspectResult and exits 0', async () => {
    const io = memoryIo({ '/work/certs/node.p12': p12 });
    const code = await runInspect(['--format', 'json', '--password', 'pw', 'certs/node.p12'], io);
    assert.equal(code, 0);
    const json = JSON.parse(io.stdout) as InspectResult;
    assert.deepEqual(Object.keys(json).slice(0, 5), ['file', 'format', 'certificates', 'keys', 'entries']);
    assert.equal(json.format, 'pkcs12');
    assert.equal(json.entries.find((e) => e.hasKey)?.certificates[0].subject, 'CN=cli-node');
  });

  it('takes the password from ESTLS_PASSWORD', async () => {
    const io = memoryIo({ '/work/node.p12': p12 });
    io.env = { ESTLS_PASSWORD: 'pw' };
    assert.equal(await runInspect(['node.p12'], io), 0);
    assert.match(io.stdout, /Entry node: key entry, key matches/);
    assert.match(io.stdout, /Subject: +CN=cli-node/);
  });

  it('takes the password from ESTLS_PASS, the name estls gen uses, without a word about it', async () => {
    const io = memoryIo({ '/work/node.p12': p12 });
    io.env = { ESTLS_PASS: 'pw', ESTLS_PASSWORD: 'not-this-one' };
    assert.equal(await runInspect(['node.p12'], io), 0);
    assert.equal(io.stderr, '');
  });

  it('says once that ESTLS_PASSWORD is deprecated when it is the one used', async () => {
    const io = memoryIo({ '/work/node.p12': p12 });
    io.env = { ESTLS_PASSWORD: 'pw' };
    assert.equal(await runInspect(['node.p12'], io), 0);
    assert.equal(io.stderr, 'estls inspect: ESTLS_PASSWORD is deprecated; set ESTLS_PASS instead (the name estls gen uses)\n');
    assert.ok(!io.stderr.includes('pw\n'));
  });

  it('takes --pass as estls gen does, and refuses --pass with --password', async () => {
    const io = memoryIo({ '/work/node.p12': p12 });
    assert.equal(await runInspect(['--pass', 'pw', 'node.p12'], io), 0);
    assert.equal(await runInspect(['--pass', 'pw', '--password', 'pw', 'node.p12'], io), 2);
  });

  it('a folder says it is a folder (no raw EISDIR)', async () => {
    const io = memoryIo({ '/work/certs/node.p12': p12 });
    assert.equal(await runInspect(['certs'], io), 1);
    assert.equal(io.stderr, 'estls inspect: certs: is a folder; give a certificate, key or keystore file in it\n');
  });

  it('exits 1 with one line for a wrong password, without echoing it', async () => {
    const io = memoryIo({ '/work/node.p12': p12 });
    assert.equal(await runInspect(['--password', 'not-it-123', 'node.p12'], io), 1);
    assert.equal(io.stderr.trim().split('\n').length, 1);
    assert.match(io.stderr, /BAD_PASSWORD/);
    assert.ok(!io.stderr.includes('not-it-123'));
  });

  it('exits 1 for a missing or unreadable file and 2 for bad usage', async () => {
    const io = memoryIo({ '/work/x.txt': 'hello' });
    assert.equal(await runInspect(['nothing.pem'], io), 1);
    assert.equal(await runInspect(['x.txt'], io), 1);
    assert.equal(await runInspect(['--format', 'xml', 'x.txt'], io), 2);
    assert.equal(await runInspect([], io), 2);
  });

  it('prints policy lints in text and JSON, and none for a sound file', async () => {
    const weak = resign(await makeCert({ subject: 'CN=weak', issuer: ca, rsaBits: 1024 }), ca, 'md5');
    const io = memoryIo({ '/work/weak.crt': weak.pem, '/work/ca.crt': ca.pem });
    assert.equal(await runInspect(['weak.crt'], io), 0);
    assert.match(io.stdout, /Policy lints:\n {2}error: CN=weak is signed with MD5 .*\[certificate-weak-signature\]/);
    assert.match(io.stdout, / {2}warning: CN=weak has an RSA key of 1024 bits.*\[certificate-weak-key\]/);
    const json = memoryIo({ '/work/weak.crt': weak.pem });
    await runInspect(['--format', 'json', 'weak.crt'], json);
    const lints = (JSON.parse(json.stdout) as InspectResult).lints ?? [];
    assert.deepEqual(lints.map((l) => [l.id, l.severity, l.subject]), [['certificate-weak-key', 'warning', 'CN=weak'], ['certificate-weak-signature', 'error', 'CN=weak']]);
    const sound = memoryIo({ '/work/ca.crt': ca.pem });
    await runInspect(['ca.crt'], sound);
    assert.doesNotMatch(sound.stdout, /Policy lints/);
  });

  it('prints a PEM certificate as text', async () => {
    const io = memoryIo({ '/work/ca.crt': ca.pem });
    assert.equal(await runInspect(['ca.crt'], io), 0);
    assert.match(io.stdout, /Certificate 1/);
    assert.match(io.stdout, /CA: +yes/);
  });
});
