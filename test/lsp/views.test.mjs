// What the Stack view, the Certificates tree and the path-setting lenses get from the server: a lens over each
// path setting naming a certificate (subject and expiry, opening the file), none elsewhere; and after an edit that
// changes the model, the estls/stackModelChanged notification and a code lens refresh request.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, uriOf } from './lspClient.mjs';

const openssl = (args, cwd) => execFileSync('openssl', args, { cwd, stdio: 'ignore' });

function makeCa(dir, name) {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '300',
    '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
}

function makeLeaf(dir, ca, name, out, days) {
  fs.writeFileSync(path.join(dir, `${out}.ext`), `subjectAltName=DNS:${name}\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature\n`);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${out}.key`, '-out', `${out}.csr`, '-subj', `/CN=${name}`], dir);
  openssl(['x509', '-req', '-in', `${out}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', String(days), '-extfile', `${out}.ext`, '-out', `${out}.crt`], dir);
}

const yml = (name, cert) => `cluster.name: prod
node.name: ${name}
xpack.security.transport.ssl.enabled: true
xpack.security.transport.ssl.verification_mode: certificate
xpack.security.transport.ssl.certificate: ${cert}.crt
xpack.security.transport.ssl.key: ${cert}.key
xpack.security.transport.ssl.certificate_authorities: [ "ca.crt" ]
`;

describe('views and lenses over the protocol', () => {
  let dir;
  let server;
  const changes = [];
  const refreshes = [];
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-views-lsp-'));
    const pki = path.join(dir, 'pki');
    fs.mkdirSync(pki);
    makeCa(pki, 'Prod CA');
    // node-b's certificate expires in 10 days: within the 30-day warning, so its lens says so.
    for (const [node, days] of [['node-a', 300], ['node-b', 10]]) {
      fs.mkdirSync(path.join(dir, node));
      makeLeaf(pki, 'Prod CA', node, node, days);
      for (const ext of ['crt', 'key']) fs.copyFileSync(path.join(pki, `${node}.${ext}`), path.join(dir, node, `t.${ext}`));
      fs.copyFileSync(path.join(pki, 'Prod CA.crt'), path.join(dir, node, 'ca.crt'));
      fs.writeFileSync(path.join(dir, node, 'elasticsearch.yml'), yml(node, 't'));
    }
    fs.writeFileSync(path.join(dir, 'other.yml'), 'name: not settings\ncertificate: node-a/t.crt\n');
    server = await startServer({
      workspaceFolder: dir,
      initializationOptions: { validationDelay: 0, trusted: true },
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: false, codeLens: { refreshSupport: true } }, textDocument: {} },
    });
    server.connection.onNotification('estls/stackModelChanged', () => changes.push(Date.now()));
    server.connection.onRequest('workspace/codeLens/refresh', () => {
      refreshes.push(Date.now());
      return null;
    });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const lenses = (file) => server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });

  test('each path setting naming a certificate gets a lens with subject and expiry that opens the file', async () => {
    const file = path.join(dir, 'node-a', 'elasticsearch.yml');
    server.open(uriOf(file), yml('node-a', 't'));
    const got = await lenses(file);
    assert.deepEqual(got.map((l) => l.range.start.line), [4, 6], 'certificate and certificate_authorities, not the key');
    assert.match(got[0].command.title, /^\$\(pass\) CN=node-a · expires \d{4}-\d\d-\d\d \(in 29\d days\)$/);
    assert.equal(got[0].command.command, 'elasticTls.openCertificate');
    assert.deepEqual(got[0].command.arguments, [path.join(dir, 'node-a', 't.crt')]);
    assert.match(got[1].command.title, /CN=Prod CA · expires/);
    assert.deepEqual(got[1].command.arguments, [path.join(dir, 'node-a', 'ca.crt')]);
  });

  test('a certificate within the warning days shows a warning lens', async () => {
    const file = path.join(dir, 'node-b', 'elasticsearch.yml');
    server.open(uriOf(file), yml('node-b', 't'));
    const got = await lenses(file);
    assert.match(got[0].command.title, /^\$\(warning\) CN=node-b · expires \d{4}-\d\d-\d\d \(in (9|10) days\)$/);
  });

  test('a YAML file that is not a settings file gets no lens', async () => {
    const file = path.join(dir, 'other.yml');
    server.open(uriOf(file), fs.readFileSync(file, 'utf8'));
    assert.deepEqual(await lenses(file), []);
  });

  test('an edit that changes the model announces it and asks for the lenses again', async () => {
    const file = path.join(dir, 'node-a', 'elasticsearch.yml');
    const before_ = [changes.length, refreshes.length];
    server.change(uriOf(file), yml('node-a', 't').replace('certificate_authorities: [ "ca.crt" ]', 'certificate_authorities: [ "missing.crt" ]'), 2);
    const deadline = Date.now() + 10_000;
    while ((changes.length === before_[0] || refreshes.length === before_[1]) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(changes.length > before_[0], 'estls/stackModelChanged sent');
    assert.ok(refreshes.length > before_[1], 'workspace/codeLens/refresh sent');
    const got = await lenses(file);
    assert.deepEqual(got.map((l) => l.range.start.line), [4], 'the missing CA file has no lens');
  });
});
