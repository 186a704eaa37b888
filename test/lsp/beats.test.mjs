// A Beat's configuration over stdio: hover on its ssl options and on the certificate a path names,
// completion of ssl options and their values, and diagnostics on the files those paths name.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { positionOf, startServer, uriOf } from './lspClient.mjs';

describe('Beats files', () => {
  let server;
  let dir;
  let uri;
  let text;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-beats-'));
    const etc = path.join(dir, 'filebeat');
    fs.mkdirSync(path.join(etc, 'modules.d'), { recursive: true });
    // A self-signed CA certificate, made with openssl as a user would.
    const ca = path.join(etc, 'ca.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(etc, 'ca.key'), '-out', ca, '-subj', '/CN=beats-test-ca', '-days', '30'], { stdio: 'ignore' });
    text = `filebeat.inputs: []
output.elasticsearch:
  hosts: ["https://es01:9200"]
  ssl:
    certificate_authorities: ["${ca}"]
    verification_mode: full
    certificate: ${path.join(etc, 'missing.crt')}
    ver
`;
    const file = path.join(etc, 'filebeat.yml');
    fs.writeFileSync(file, text);
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
    uri = uriOf(file);
    server.open(uri, text, 1, 'yaml');
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('diagnostics on the files the ssl block names', async () => {
    const { diagnostics } = await server.waitForDiagnostics(uri);
    const missing = diagnostics.find((d) => d.code === 'missing-file');
    assert.ok(missing, JSON.stringify(diagnostics));
    assert.deepEqual(missing.range.start, positionOf(text, path.join(dir, 'filebeat', 'missing.crt')));
  });

  test('hover on an ssl option explains it, over the key', async () => {
    const hover = await server.hover(uri, positionOf(text, 'verification_mode', 0, 3));
    assert.match(hover.contents.value, /Beats SSL option/);
    assert.match(hover.contents.value, /`full` \(the default\)/);
    assert.deepEqual(hover.range.start, positionOf(text, 'verification_mode'));
    assert.equal(await server.hover(uri, positionOf(text, 'filebeat.inputs', 0, 2)), null);
  });

  test('hover on a certificate path describes the certificate', async () => {
    const hover = await server.hover(uri, positionOf(text, 'ca.crt', 0, 1));
    assert.match(hover.contents.value, /\*\*CN=beats\\-test\\-ca\*\* \(CA\)/);
  });

  test('completion proposes ssl options and verification modes', async () => {
    const list = await server.completion(uri, positionOf(text, '    ver\n', 0, 7));
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('verification_mode') === false, 'an option already set is not proposed again');
    assert.ok(labels.includes('supported_protocols') && labels.includes('key'), labels.join());
    const values = await server.completion(uri, positionOf(text, 'verification_mode: full', 0, 'verification_mode: '.length));
    assert.deepEqual(values.items.map((i) => i.label).sort(), ['certificate', 'full', 'none', 'strict']);
  });
});
