// The bundled server on hostile files: links out of an untrusted workspace, settings that name /dev/zero,
// /proc/self/pagemap or a FIFO. The server answers, says why, reads nothing outside, and stays small.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { positionOf, startServer, uriOf } from './lspClient.mjs';

const OUTSIDE_CN = 'Outside Secret CA';

function peakKb(pid) {
  return Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
}

describe('an untrusted workspace with links to outside', () => {
  let base;
  let ws;
  let server;
  before(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-hostile-ws-'));
    ws = path.join(base, 'ws');
    const outside = path.join(base, 'outside');
    fs.mkdirSync(path.join(ws, 'certs'), { recursive: true });
    fs.mkdirSync(outside);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${OUTSIDE_CN}`, '-days', '30', '-keyout', path.join(outside, 'secret.key'), '-out', path.join(outside, 'secret.crt')], { stdio: 'ignore' });
    fs.symlinkSync(path.join(outside, 'secret.crt'), path.join(ws, 'certs', 'link.crt'));
    fs.symlinkSync(outside, path.join(ws, 'certs', 'linked'));
    server = await startServer({ workspaceFolder: ws, initializationOptions: { trusted: false, validationDelay: 0 } });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(base, { recursive: true, force: true });
  });

  for (const [name, value] of [['a file link', 'certs/link.crt'], ['a folder link', 'certs/linked/secret.crt']]) {
    test(`${name}: no diagnostic, hover or inspectFile shows the outside certificate`, async () => {
      const file = path.join(ws, name.includes('folder') ? 'folder' : 'file', 'elasticsearch.yml');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // A live config directory (as an installed node has): its absolute paths are this machine's files.
      fs.writeFileSync(path.join(path.dirname(file), 'jvm.options'), '-Xms1g\n');
      const text = `xpack.security.http.ssl.enabled: true\nxpack.security.http.ssl.certificate_authorities: [ "${path.join(ws, value)}" ]\n`;
      const uri = uriOf(file);
      server.open(uri, text);
      const diags = await server.waitForDiagnostics(uri);
      assert.doesNotMatch(JSON.stringify(diags), new RegExp(OUTSIDE_CN));
      const hover = await server.hover(uri, positionOf(text, value, 0, 2));
      assert.doesNotMatch(hover.contents.value, new RegExp(OUTSIDE_CN));
      assert.match(hover.contents.value, /outside the workspace/);
      const read = await server.connection.sendRequest('estls/inspectFile', { path: path.join(ws, value) });
      assert.deepEqual([read.ok, read.code], [false, 'UNTRUSTED']);
      server.close(uri);
    });
  }

  test('path completion does not list a linked outside folder', async () => {
    const file = path.join(ws, 'complete', 'elasticsearch.yml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = `xpack.security.http.ssl.certificate: ${path.join(ws, 'certs')}/linked/\n`;
    const uri = uriOf(file);
    server.open(uri, text);
    const list = await server.completion(uri, positionOf(text, 'linked/', 0, 'linked/'.length));
    assert.deepEqual(list.items.filter((i) => /secret/.test(i.label)), []);
    // The same folder inside the workspace still completes.
    const inside = `xpack.security.http.ssl.certificate: ${path.join(ws, 'certs')}/\n`;
    server.change(uri, inside, 2);
    const insideList = await server.completion(uri, positionOf(inside, 'certs/', 0, 'certs/'.length));
    assert.ok(insideList.items.some((i) => i.label.startsWith('link')), JSON.stringify(insideList.items.map((i) => i.label)));
    server.close(uri);
  });
});

describe('settings that name files that never end', () => {
  let dir;
  let server;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-hostile-server-'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.crt'));
    fs.symlinkSync('/proc/self/pagemap', path.join(dir, 'pagemap.p12'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.crt')]);
    server = await startServer({ workspaceFolder: dir, initializationOptions: { trusted: true, validationDelay: 0 } });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases = [
    ['a link to /dev/zero', 'zero.crt', 'xpack.security.http.ssl.certificate_authorities', /character device/],
    ['a link to /proc/self/pagemap', 'pagemap.p12', 'xpack.security.http.ssl.keystore.path', /\/proc or \/sys/],
    ['a FIFO', 'fifo.crt', 'xpack.security.http.ssl.certificate_authorities', /FIFO/],
  ];
  for (const [name, file, key, why] of cases) {
    test(`${name}: a warning that says why, a hover, an inspectFile answer, and a server under 300 MB`, async () => {
      const text = `xpack.security.http.ssl.enabled: true\n${key}: ${file}\n`;
      const uri = uriOf(path.join(dir, `${file}.d`, 'elasticsearch.yml'));
      fs.mkdirSync(path.join(dir, `${file}.d`), { recursive: true });
      fs.symlinkSync(path.join(dir, file), path.join(dir, `${file}.d`, file));
      server.open(uri, text);
      const { diagnostics } = await server.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'certificate-unreadable'), 20_000);
      const unreadable = diagnostics.find((d) => d.code === 'certificate-unreadable');
      assert.match(unreadable.message, why);
      assert.equal(unreadable.severity, 2);
      assert.equal(diagnostics.some((d) => d.code === 'missing-file'), false, 'the file exists; it is not missing');
      const hover = await server.hover(uri, positionOf(text, file, 0, 1));
      assert.match(hover.contents.value, why);
      const read = await server.connection.sendRequest('estls/inspectFile', { path: path.join(dir, file) });
      assert.deepEqual([read.ok, read.code], [false, 'NOT_A_FILE']);
      assert.match(read.message, why);
      assert.ok(peakKb(server.child.pid) < 300 * 1024, `peak ${peakKb(server.child.pid)} kB`);
      server.close(uri);
    });
  }
});

describe('bounded, cancellable generation over the protocol', () => {
  let server;
  before(async () => {
    server = await startServer({ initializationOptions: { trusted: true, validationDelay: 0 } });
  });
  after(async () => {
    await server.stop();
  });
  const instances = (n) => Array.from({ length: n }, (_, i) => ({ name: `node${i}`, dns: [], ip: [] }));

  test('too many instances or too much key work is refused at once with LIMIT', async () => {
    const many = await server.connection.sendRequest('estls/generate', { kind: 'cert', ca: { kind: 'selfSigned' }, key: { type: 'ec', curve: 'P-256' }, instances: instances(1001) });
    assert.deepEqual([many.ok, many.code], [false, 'LIMIT']);
    const heavy = await server.connection.sendRequest('estls/generate', { kind: 'cert', ca: { kind: 'selfSigned' }, key: { type: 'rsa', bits: 4096 }, instances: instances(200) });
    assert.deepEqual([heavy.ok, heavy.code], [false, 'LIMIT']);
    assert.match(heavy.message, /at most 50/);
  });

  test('reports $/progress under the token of the client and stops between keys on $/cancelRequest', async () => {
    const reports = [];
    const source = new CancellationTokenSource();
    const token = 'estls-test-progress';
    let ended;
    const end = new Promise((resolve) => (ended = resolve));
    const listening = server.connection.onProgress({ __brand: 'ProgressType' }, token, (value) => {
      reports.push(value);
      if (value.kind === 'report' && reports.filter((r) => r.kind === 'report').length === 2) source.cancel();
      if (value.kind === 'end') ended();
    });
    const total = 40;
    const request = server.connection.sendRequest('estls/generate', { kind: 'cert', ca: { kind: 'selfSigned' }, instances: instances(total), format: 'pem', workDoneToken: token }, source.token);
    await assert.rejects(request, (e) => e.code === -32800);
    // The run ends (progress 'end') at the first key it would start after the cancel.
    await end;
    listening.dispose();
    const made = reports.filter((r) => r.kind === 'report').map((r) => Number(/^(\d+) of/.exec(r.message)?.[1]));
    assert.equal(reports[0].kind, 'begin');
    assert.ok(made.length >= 2 && Math.max(...made) < total, `made ${made.join(',')}`);
    assert.match(reports.find((r) => r.kind === 'report').message, new RegExp(`^1 of ${total} keys$`));
  });
});
