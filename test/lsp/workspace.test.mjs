// The workspace model over the protocol: a cross-file finding reaches a file no editor has open, with related
// information in the other file; editing a file re-checks the stack; estls/stackModel and estls/certificates
// answer with the nodes, the trust verdict and the certificates.
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

function makeLeaf(dir, ca, name, out) {
  fs.writeFileSync(path.join(dir, `${out}.ext`), `subjectAltName=DNS:${name}\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature\n`);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${out}.key`, '-out', `${out}.csr`, '-subj', `/CN=${name}`], dir);
  openssl(['x509', '-req', '-in', `${out}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '300', '-extfile', `${out}.ext`, '-out', `${out}.crt`], dir);
}

const yml = (name, cert) => `cluster.name: prod
node.name: ${name}
xpack.security.transport.ssl.enabled: true
xpack.security.transport.ssl.verification_mode: certificate
xpack.security.transport.ssl.certificate: ${cert}.crt
xpack.security.transport.ssl.key: ${cert}.key
xpack.security.transport.ssl.certificate_authorities: [ "cas.crt" ]
`;

describe('workspace model over the protocol', () => {
  let dir;
  let server;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-ws-lsp-'));
    const pki = path.join(dir, 'pki');
    fs.mkdirSync(pki);
    makeCa(pki, 'Prod CA');
    makeCa(pki, 'Lab CA');
    for (const [node, ca, out] of [['node-a', 'Prod CA', 'a'], ['node-c', 'Lab CA', 'c'], ['node-c', 'Prod CA', 'c2']]) {
      fs.mkdirSync(path.join(dir, node), { recursive: true });
      makeLeaf(pki, ca, node, out);
      for (const ext of ['crt', 'key']) fs.copyFileSync(path.join(pki, `${out}.${ext}`), path.join(dir, node, `${out}.${ext}`));
    }
    const both = fs.readFileSync(path.join(pki, 'Prod CA.crt'), 'utf8') + fs.readFileSync(path.join(pki, 'Lab CA.crt'), 'utf8');
    fs.writeFileSync(path.join(dir, 'node-a', 'cas.crt'), fs.readFileSync(path.join(pki, 'Prod CA.crt')));
    fs.writeFileSync(path.join(dir, 'node-c', 'cas.crt'), both);
    fs.writeFileSync(path.join(dir, 'node-a', 'elasticsearch.yml'), yml('node-a', 'a'));
    fs.writeFileSync(path.join(dir, 'node-c', 'elasticsearch.yml'), yml('node-c', 'c'));
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a cross-file finding reaches the closed file it belongs to, and an edit clears it', async () => {
    const aUri = uriOf(path.join(dir, 'node-a', 'elasticsearch.yml'));
    const cUri = uriOf(path.join(dir, 'node-c', 'elasticsearch.yml'));
    server.open(aUri, yml('node-a', 'a'));
    const closed = await server.waitForDiagnostics(cUri, (p) => p.diagnostics.some((d) => d.code === 'transport-peer-untrusted'));
    const d = closed.diagnostics.find((x) => x.code === 'transport-peer-untrusted');
    assert.equal(d.range.start.line, 4);
    assert.match(d.message, /The transport certificate of node-c \(node-c\/elasticsearch\.yml:5\) is issued by CN=Lab CA; node-a trusts only CN=Prod CA \(node-a\/elasticsearch\.yml:7\)/);
    assert.equal(d.relatedInformation[0].location.uri, aUri);
    assert.equal(d.relatedInformation[0].location.range.start.line, 6);

    const model = await server.connection.sendRequest('estls/stackModel', {});
    assert.deepEqual(model.components.map((c) => c.name).sort(), ['node-a', 'node-c']);
    const edge = model.edges.find((e) => e.from === 'elasticsearch:node-a#transport' && e.to === 'elasticsearch:node-c#transport');
    assert.equal(edge.trusted, false);
    const rows = await server.connection.sendRequest('estls/certificates', {});
    assert.ok(rows.items.some((i) => i.subject === 'CN=Lab CA'));

    server.open(cUri, yml('node-c', 'c2'));
    const fixed = await server.waitForDiagnostics(cUri, (p) => p.version !== undefined && !p.diagnostics.some((x) => x.code === 'transport-peer-untrusted'));
    assert.ok(fixed);
    const after = await server.connection.sendRequest('estls/stackModel', {});
    assert.ok(after.edges.every((e) => e.trusted !== false), JSON.stringify(after.edges));
  });
});

describe('a Beat in the workspace model over the protocol', () => {
  let dir;
  let server;
  const beat = (ca) => `filebeat.inputs:
  - type: filestream
    id: logs
    paths: [ /var/log/*.log ]
output.elasticsearch:
  hosts: [ "https://node-a:9200" ]
  api_key: \${ES_API_KEY}
  ssl.certificate_authorities: [ "${ca}" ]
`;
  const node = `cluster.name: prod
node.name: node-a
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.certificate: http.crt
xpack.security.http.ssl.key: http.key
`;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-ws-beat-'));
    const pki = path.join(dir, 'pki');
    fs.mkdirSync(pki);
    makeCa(pki, 'Prod CA');
    makeCa(pki, 'Lab CA');
    makeLeaf(pki, 'Prod CA', 'node-a', 'http');
    fs.mkdirSync(path.join(dir, 'node-a'));
    fs.mkdirSync(path.join(dir, 'shipper'));
    for (const ext of ['crt', 'key']) fs.copyFileSync(path.join(pki, `http.${ext}`), path.join(dir, 'node-a', `http.${ext}`));
    fs.copyFileSync(path.join(pki, 'Prod CA.crt'), path.join(dir, 'shipper', 'prod.crt'));
    fs.copyFileSync(path.join(pki, 'Lab CA.crt'), path.join(dir, 'shipper', 'lab.crt'));
    fs.writeFileSync(path.join(dir, 'node-a', 'elasticsearch.yml'), node);
    fs.writeFileSync(path.join(dir, 'shipper', 'filebeat.yml'), beat('lab.crt'));
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a Beat trusting another CA gets the finding while closed, related to the node's certificate; fixing its CA clears it", async () => {
    const nodeUri = uriOf(path.join(dir, 'node-a', 'elasticsearch.yml'));
    const beatUri = uriOf(path.join(dir, 'shipper', 'filebeat.yml'));
    server.open(nodeUri, node);
    const closed = await server.waitForDiagnostics(beatUri, (p) => p.diagnostics.some((d) => d.code === 'http-client-untrusted'));
    const d = closed.diagnostics.find((x) => x.code === 'http-client-untrusted');
    assert.equal(d.range.start.line, 7);
    assert.match(d.message, /filebeat \(shipper\)'s output\.elasticsearch\.ssl certificate authorities \(CN=Lab CA\) do not verify node-a's HTTP certificate/);
    assert.equal(d.relatedInformation[0].location.uri, nodeUri);
    assert.equal(d.relatedInformation[0].location.range.start.line, 3);
    const model = await server.connection.sendRequest('estls/stackModel', {});
    assert.ok(model.components.some((c) => c.kind === 'beat' && c.name === 'filebeat (shipper)'));

    server.open(beatUri, beat('prod.crt'));
    await server.waitForDiagnostics(beatUri, (p) => p.version !== undefined && !p.diagnostics.some((x) => x.code === 'http-client-untrusted'));
    const fixed = await server.connection.sendRequest('estls/stackModel', {});
    assert.deepEqual(fixed.edges.map((e) => [e.kind, e.trusted, e.nameMatches]), [['http', true, true]]);
  });

  test('estls/eckResources sees a manifest written a moment ago, with no file event sent (a Generate command asks right after)', async () => {
    // A listing first, so the checks' snapshot of the folders is fresh when the manifest appears.
    await server.connection.sendRequest('estls/stackModel', {});
    const before = await server.connection.sendRequest('estls/eckResources', {});
    assert.deepEqual(before.resources, []);
    const file = path.join(dir, 'k8s', 'quickstart.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: quickstart\n  namespace: search\nspec:\n  version: 8.15.0\n');
    try {
      const { resources } = await server.connection.sendRequest('estls/eckResources', {});
      assert.deepEqual(resources.map((r) => [r.kind, r.name, r.namespace]), [['Elasticsearch', 'quickstart', 'search']]);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
