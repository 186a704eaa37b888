// Cross-file checks of stacks written in compose files, ECK manifests and Beats files: compose settings resolve
// their container paths through the service's bind mounts, ECK contexts present and trust the certificates of
// their Secrets, a Beat is a client of the nodes its output names, and a node's role_mapping.yml must map
// Kibana's client certificate to kibana_system. Each defect gives one finding on the right line with related
// information and nothing else; every trust and name verdict agrees with a real TLS handshake on 127.0.0.1.
import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import { runCli } from '../../../server/src/cli';
import { nodeIo } from '../../../server/src/cli/io';
import type { CheckReportEntry } from '../../../server/src/cli/check';
import { nodeFileSystem } from '../../../server/src/core/nodeFileSystem';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import type { CheckEnvironment } from '../../../server/src/rules/types';
import { WorkspaceModel } from '../../../server/src/workspace/model';
import { parseConfig } from '../../../server/src/config/parse';
import { LineIndex } from '../../../server/src/core/lineIndex';
import type { LoadedContext } from '../../../server/src/workspace/component';
import type { StackModelData } from '../../../server/src/workspace/types';
import { ca, esKeystore, leaf, p12, tempWorkspace } from './fixtures';
import { handshake } from './handshake';

type Ca = Awaited<ReturnType<typeof ca>>;
let prod: Ca;
let lab: Ca;
const cleanups: Array<() => void> = [];
/** Private keys of the leaves the tests made, by the certificate's SHA-256 fingerprint. */
const keys = new Map<string, string>();

before(async () => {
  [prod, lab] = await Promise.all([ca('Prod CA'), ca('Lab CA')]);
});
after(() => cleanups.forEach((c) => c()));

async function issued(issuer: Ca, name: string, dns: string[], profile: 'transport' | 'http' | 'client' = 'transport'): Promise<{ cert: string; key: string }> {
  const made = await leaf(issuer, name, dns, [], profile);
  keys.set(new X509Certificate(made.cert).fingerprint256, made.key);
  return made;
}

function workspace() {
  const w = tempWorkspace();
  cleanups.push(w.cleanup);
  return w;
}

function env(root: string): CheckEnvironment {
  const clock = { now: () => new Date() };
  return { fs: nodeFileSystem, clock, passwords: { get: () => undefined }, certificates: new CertificateFileCache(nodeFileSystem, clock), options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [root] } };
}

async function cli(root: string, args: string[]): Promise<string> {
  let stdout = '';
  await runCli(args, { ...nodeIo(), cwd: root, out: (t: string) => void (stdout += t), err: () => undefined });
  return stdout;
}

/** `estls check --format json DIR`: errors and warnings only. */
async function checkFolder(root: string): Promise<CheckReportEntry[]> {
  return (JSON.parse(await cli(root, ['check', '--format', 'json', '.'])) as CheckReportEntry[]).filter((e) => e.severity === 'error' || e.severity === 'warning');
}

/**
 * Every edge of the model against a handshake: the server presents the context's chain (with the key the test
 * made for its leaf), the client trusts the verifying context's anchors, and checks the dialled name when the
 * verdict is about a name. Returns how many edges were checked.
 */
async function verdictsMatchHandshakes(root: string): Promise<number> {
  const model = new WorkspaceModel(root, () => env(root)).scan();
  const contexts = new Map<string, LoadedContext>(model.allParts().flatMap((p) => p.contexts.map((c) => [c.data.id, c] as const)));
  const chain = (c: LoadedContext) => [c.leaf!, ...c.extra].map((x) => x.x509.toString()).join('');
  const key = (c: LoadedContext) => keys.get(c.leaf!.x509.fingerprint256)!;
  const anchors = (c: LoadedContext) => (c.anchors ?? []).map((a) => a.x509.toString());
  let checked = 0;
  for (const edge of model.crossResult().edges) {
    const [from, to] = [contexts.get(edge.from)!, contexts.get(edge.to)!];
    if (edge.kind === 'client-certificate') {
      const r = await handshake({ serverCert: chain(from), serverKey: key(from), clientCa: [], serverCa: anchors(from), clientCert: chain(to), clientKey: key(to) });
      assert.equal(r.clientTrusted, edge.trusted, `${edge.from} -> ${edge.to}: ${edge.reason}`);
    } else {
      // A name-only verdict (a seed host) says nothing of trust: the client then trusts every CA of the test.
      // An ECK-associated Kibana configures no CA of its own: ECK hands it the node's HTTP ca.crt.
      const clientCa = edge.trusted === undefined && edge.nameMatches !== undefined ? [prod.pem, lab.pem] : anchors(from.anchors ? from : to);
      const r = await handshake({ serverCert: chain(to), serverKey: key(to), clientCa, servername: edge.nameMatches === undefined ? undefined : edge.host });
      const expected = edge.trusted !== false && edge.nameMatches !== false;
      assert.equal(r.serverTrusted, expected, `${edge.from} -> ${edge.to} (${edge.host ?? 'chain only'}): ${edge.reason}; handshake: ${r.error ?? 'ok'}`);
    }
    checked++;
  }
  return checked;
}

/** The 1-based line of the first line of `text` holding `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line holds ${needle}`);
  return i + 1;
}

// ---------------------------------------------------------------------------------------------------- compose

interface ComposeSpec {
  /** es02's transport CA (Prod unless told). */
  es02Transport?: Ca;
  /** es02's transport certificate names. */
  es02TransportDns?: string[];
  /** es01's seed hosts. */
  seeds?: string[];
  /** The CA Kibana trusts. */
  kibanaTrusts?: Ca;
  /** The host Kibana dials. */
  kibanaHost?: string;
}

/** A compose project: two nodes and Kibana, certificates in ./certs mounted into each container. */
async function writeCompose(w: ReturnType<typeof tempWorkspace>, s: ComposeSpec = {}): Promise<string> {
  const t1 = await issued(prod, 'es01', ['es01']);
  const t2 = await issued(s.es02Transport ?? prod, 'es02', s.es02TransportDns ?? ['es02', 'es02.internal']);
  const h1 = await issued(prod, 'es01', ['es01', 'localhost'], 'http');
  for (const [name, pem] of Object.entries({ 'es01/transport.crt': t1.cert, 'es01/transport.key': t1.key, 'es02/transport.crt': t2.cert, 'es02/transport.key': t2.key, 'es01/http.crt': h1.cert, 'es01/http.key': h1.key })) w.write(`certs/${name}`, pem);
  w.write('certs/ca/ca.crt', prod.pem);
  w.write('kibana-certs/ca.crt', (s.kibanaTrusts ?? prod).pem);
  const node = (name: string, extra: string[]) => [
    `  ${name}:`,
    '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
    ...(name === 'es02' ? ['    hostname: es02.internal', '    container_name: search-2', '    networks:', '      default:', '        aliases: [ es-b ]'] : []),
    '    volumes:',
    '      - ./certs:/usr/share/elasticsearch/config/certs',
    '    environment:',
    `      - node.name=${name}`,
    '      - cluster.name=docker-cluster',
    '      - xpack.security.enabled=true',
    '      - xpack.security.transport.ssl.enabled=true',
    '      - xpack.security.transport.ssl.verification_mode=full',
    `      - xpack.security.transport.ssl.certificate=certs/${name}/transport.crt`,
    `      - xpack.security.transport.ssl.key=certs/${name}/transport.key`,
    '      - xpack.security.transport.ssl.certificate_authorities=certs/ca/ca.crt',
    ...extra,
  ];
  const text = [
    'services:',
    ...node('es01', [
      `      - discovery.seed_hosts=${(s.seeds ?? ['es02']).join(',')}`,
      '      - xpack.security.http.ssl.enabled=true',
      '      - xpack.security.http.ssl.certificate=/usr/share/elasticsearch/config/certs/es01/http.crt',
      '      - xpack.security.http.ssl.key=/usr/share/elasticsearch/config/certs/es01/http.key',
    ]),
    ...node('es02', ['      - discovery.seed_hosts=es01']),
    '  kibana:',
    '    image: docker.elastic.co/kibana/kibana:8.15.0',
    '    volumes:',
    '      - type: bind',
    '        source: ./kibana-certs',
    '        target: /usr/share/kibana/config/certs',
    '    environment:',
    `      - ELASTICSEARCH_HOSTS=${s.kibanaHost ?? 'https://es01:9200'}`,
    '      - ELASTICSEARCH_SERVICEACCOUNTTOKEN=${KIBANA_TOKEN}',
    '      - ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES=config/certs/ca.crt',
    '      - ELASTICSEARCH_SSL_VERIFICATIONMODE=full',
    '',
  ].join('\n');
  w.write('docker-compose.yml', text);
  return text;
}

describe('workspace: compose stacks', () => {
  it('resolves container paths through bind mounts: a consistent project is silent and its verdicts agree with handshakes', async () => {
    const w = workspace();
    await writeCompose(w);
    assert.deepEqual(await checkFolder(w.root), []);
    const data = JSON.parse(await cli(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
    const es02 = data.components.find((c) => c.name === 'es02')!;
    assert.deepEqual(es02.names.map((n) => [n.name, n.source]).slice(0, 4), [['es02', 'compose service'], ['es02.internal', 'compose hostname'], ['search-2', 'compose alias'], ['es-b', 'compose alias']]);
    const kibana = data.components.find((c) => c.kind === 'kibana')!;
    assert.ok(kibana.contexts.find((c) => c.kind === 'client')?.trusts.length, 'Kibana trusts the CA read through its bind mount');
    const http = data.edges.find((e) => e.kind === 'http')!;
    assert.deepEqual([http.trusted, http.nameMatches, http.host], [true, true, 'es01']);
    assert.ok((await verdictsMatchHandshakes(w.root)) >= 4);
  });

  it("Kibana trusting another CA than es01's HTTP certificate: one error on its CA entry, related to es01's certificate", async () => {
    const w = workspace();
    const text = await writeCompose(w, { kibanaTrusts: lab });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['http-client-untrusted', 'docker-compose.yml', lineOf(text, 'ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES')]);
    assert.deepEqual(rows[0].related?.map((r) => [r.file, r.line]), [['docker-compose.yml', lineOf(text, 'xpack.security.http.ssl.certificate=')]]);
    assert.equal(await verdictsMatchHandshakes(w.root), 5);
  });

  it('Kibana dialling the compose hostname of a node whose HTTP certificate lacks it: one error on the host', async () => {
    const w = workspace();
    // es02 has no HTTP TLS, so only es01 can be dialled over https; give es01 the hostname Kibana uses.
    const text = (await writeCompose(w, { kibanaHost: 'https://search.internal:9200' })).replace("  es01:\n", '  es01:\n    hostname: search.internal\n');
    w.write('docker-compose.yml', text);
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].line], ['http-client-name', lineOf(text, 'ELASTICSEARCH_HOSTS')]);
    assert.match(rows[0].message, /does not name search\.internal/);
    assert.ok((await verdictsMatchHandshakes(w.root)) >= 4);
  });

  it("a node's transport certificate from another CA: the peer's refusal and the node's own chain, on that service's certificate entry", async () => {
    const w = workspace();
    const text = await writeCompose(w, { es02Transport: lab });
    const rows = await checkFolder(w.root);
    // es02 trusts the same Prod CA file, so besides es01 refusing it (the model), the file's own check of es02's
    // mounted certificate says it does not chain to es02's configured CAs.
    assert.deepEqual(rows.map((r) => [r.ruleId, r.line]).sort(), [
      ['certificate-chain-untrusted', lineOf(text, 'certificate=certs/es02/transport.crt')],
      ['transport-peer-untrusted', lineOf(text, 'certificate=certs/es02/transport.crt')],
    ], JSON.stringify(rows, null, 2));
    const peer = rows.find((r) => r.ruleId === 'transport-peer-untrusted')!;
    assert.deepEqual(peer.related?.map((r) => r.line), [lineOf(text, 'certificate_authorities=certs/ca/ca.crt')]);
    assert.ok((await verdictsMatchHandshakes(w.root)) >= 3);
  });

  it('a seed host (the compose hostname) the transport certificate does not name: one error on the seed entry', async () => {
    const w = workspace();
    const text = await writeCompose(w, { es02TransportDns: ['es02'], seeds: ['es02.internal'] });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].line], ['transport-peer-name', lineOf(text, 'discovery.seed_hosts=es02.internal')]);
    assert.ok((await verdictsMatchHandshakes(w.root)) >= 3);
  });
});

describe('workspace: a compose node\'s elasticsearch.keystore', () => {
  it('is read through its mount: a password-protected PKCS#12 store without its secure_password is one error on its entry', async () => {
    const w = workspace();
    w.write('certs/node.p12', await p12(prod, 'es01', 'Store-pw-4711'));
    w.write('certs/ca.crt', prod.pem);
    w.write('es01/elasticsearch.keystore', esKeystore(6, { 'bootstrap.password': 'Bootstrap-1234' }));
    const text = [
      'services:',
      '  es01:',
      '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
      '    volumes:',
      '      - ./certs:/usr/share/elasticsearch/config/certs',
      '      - ./es01/elasticsearch.keystore:/usr/share/elasticsearch/config/elasticsearch.keystore',
      '    environment:',
      '      - node.name=es01',
      '      - xpack.security.transport.ssl.enabled=true',
      '      - xpack.security.transport.ssl.verification_mode=certificate',
      '      - xpack.security.transport.ssl.keystore.path=certs/node.p12',
      '      - xpack.security.transport.ssl.certificate_authorities=certs/ca.crt',
      '',
    ].join('\n');
    w.write('docker-compose.yml', text);
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].file, rows[0].line], ['docker-compose.yml', lineOf(text, 'keystore.path=')]);
    assert.deepEqual(rows[0].related?.map((r) => r.file), ['es01/elasticsearch.keystore']);
    const data = JSON.parse(await cli(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
    assert.deepEqual(data.keystores.map((k) => k.settingNames), [['bootstrap.password']]);
  });
});

// -------------------------------------------------------------------------------------------------------- ECK

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** An ECK Elasticsearch (no namespace) with a custom HTTP certificate Secret in the file beside it, and a plain Kibana. */
async function writeEck(w: ReturnType<typeof tempWorkspace>, opts: { kibanaTrusts: Ca; host: string; stringData?: boolean; transport?: boolean; noConfig?: boolean; secretCa?: Ca }): Promise<{ es: string; secret: string; kibana: string }> {
  const h = await issued(prod, 'quickstart', ['quickstart-es-http'], 'http');
  const es = [
    'apiVersion: elasticsearch.k8s.elastic.co/v1',
    'kind: Elasticsearch',
    'metadata:',
    '  name: quickstart',
    'spec:',
    '  version: 8.15.0',
    '  http:',
    '    tls:',
    '      certificate:',
    '        secretName: quickstart-http-cert',
    ...(opts.transport ? ['  transport:', '    tls:', '      certificate:', '        secretName: quickstart-transport-ca'] : []),
    '  nodeSets:',
    '    - name: default',
    '      count: 1',
    ...(opts.noConfig ? [] : ['      config:', '        node.store.allow_mmap: false']),
    '',
  ].join('\n');
  const entries = { 'tls.crt': h.cert, 'tls.key': h.key, 'ca.crt': (opts.secretCa ?? prod).pem };
  const secret = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: quickstart-http-cert',
    opts.stringData ? 'stringData:' : 'data:',
    ...Object.entries(entries).map(([k, v]) => (opts.stringData ? `  ${k}: |\n${v.trim().split('\n').map((l) => `    ${l}`).join('\n')}` : `  ${k}: ${b64(v)}`)),
    ...(opts.transport ? ['---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: quickstart-transport-ca', 'data:', `  ca.crt: ${b64(prod.pem)}`, `  ca.key: ${b64(prod.pem)}`] : []),
    '',
  ].join('\n');
  const kibana = ['server.name: kibana', `elasticsearch.hosts: [ "${opts.host}" ]`, 'elasticsearch.ssl.certificateAuthorities: [ "certs/ca.crt" ]', 'elasticsearch.serviceAccountToken: AAEAAWVsYXN0aWMva2liYW5hL3Rva2VuOnRlc3Q', ''].join('\n');
  w.write('k8s/elasticsearch.yaml', es);
  w.write('k8s/http-cert.yaml', secret);
  w.write('kibana/config/kibana.yml', kibana);
  w.write('kibana/config/certs/ca.crt', opts.kibanaTrusts.pem);
  return { es, secret, kibana };
}

describe('workspace: ECK stacks', () => {
  for (const stringData of [false, true]) {
    it(`the HTTP certificate comes from the Secret (${stringData ? 'stringData' : 'data, base64'}): Kibana dialling <name>-es-http is trusted and silent`, async () => {
      const w = workspace();
      await writeEck(w, { kibanaTrusts: prod, host: 'https://quickstart-es-http:9200', stringData, transport: true });
      assert.deepEqual(await checkFolder(w.root), []);
      const data = JSON.parse(await cli(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
      const es = data.components.find((c) => c.kind === 'elasticsearch')!;
      const http = es.contexts.find((c) => c.kind === 'http')!;
      const transport = es.contexts.find((c) => c.kind === 'transport')!;
      assert.ok(http.presents && http.enabled, 'the node presents the Secret\'s tls.crt');
      assert.equal(transport.trusts.length, 1, 'the transport CA of its Secret is trusted');
      const cert = data.certificates.find((c) => c.id === http.presents)!;
      assert.match(cert.file, /k8s[\\/]http-cert\.yaml$/);
      assert.deepEqual(data.edges.map((e) => [e.kind, e.trusted, e.nameMatches]), [['http', true, true]]);
      assert.equal(await verdictsMatchHandshakes(w.root), 1);
    });
  }

  it('Kibana trusting another CA than the Secret\'s: one error on its CA line, related to the secretName', async () => {
    const w = workspace();
    const { es } = await writeEck(w, { kibanaTrusts: lab, host: 'https://quickstart-es-http:9200' });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['http-client-untrusted', 'kibana/config/kibana.yml', 3]);
    assert.deepEqual(rows[0].related?.map((r) => [r.file, r.line]), [['k8s/elasticsearch.yaml', lineOf(es, 'secretName: quickstart-http-cert')]]);
    assert.equal(await verdictsMatchHandshakes(w.root), 1);
  });

  it('a resource that writes no settings is a node all the same, placed at its secretName', async () => {
    const w = workspace();
    const { es } = await writeEck(w, { kibanaTrusts: lab, host: 'https://quickstart-es-http:9200', noConfig: true });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['http-client-untrusted', 'kibana/config/kibana.yml', 3]);
    assert.deepEqual(rows[0].related?.map((r) => [r.file, r.line]), [['k8s/elasticsearch.yaml', lineOf(es, 'secretName: quickstart-http-cert')]]);
    const data = JSON.parse(await cli(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
    const node = data.components.find((c) => c.kind === 'elasticsearch')!;
    assert.equal(node.place.line + 1, lineOf(es, 'secretName: quickstart-http-cert'));
    assert.equal(node.contexts.find((c) => c.kind === 'http')!.place.line + 1, lineOf(es, 'secretName: quickstart-http-cert'));
    assert.equal(await verdictsMatchHandshakes(w.root), 1);
  });

  it('an ECK Kibana with elasticsearchRef dials the association URL trusting the Secret\'s ca.crt, with verificationMode certificate', async () => {
    const w = workspace();
    await writeEck(w, { kibanaTrusts: prod, host: 'https://quickstart-es-http:9200', noConfig: true });
    const kb = ['apiVersion: kibana.k8s.elastic.co/v1', 'kind: Kibana', 'metadata:', '  name: kb', 'spec:', '  version: 8.15.0', '  count: 1', '  elasticsearchRef:', '    name: quickstart', ''].join('\n');
    w.write('k8s/kibana.yaml', kb);
    assert.deepEqual(await checkFolder(w.root), []);
    const data = JSON.parse(await cli(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
    const eckKibana = data.components.find((c) => c.name === 'kb')!;
    assert.deepEqual(eckKibana.hosts.map((h) => [h.value, h.setting, h.place.line + 1]), [['https://quickstart-es-http.default.svc:9200', 'spec.elasticsearchRef', 9]]);
    const edge = data.edges.find((e) => e.from === `${eckKibana.id}#client`)!;
    assert.deepEqual([edge.trusted, edge.nameMatches], [true, undefined]);
    assert.equal(await verdictsMatchHandshakes(w.root), 2);
  });

  it('an ECK Kibana whose Elasticsearch Secret has a ca.crt that does not issue tls.crt: one error on elasticsearchRef', async () => {
    const w = workspace();
    const { es } = await writeEck(w, { kibanaTrusts: prod, host: 'https://quickstart-es-http:9200', secretCa: lab });
    w.write('kibana/config/certs/ca.crt', prod.pem);
    const kb = ['apiVersion: kibana.k8s.elastic.co/v1', 'kind: Kibana', 'metadata:', '  name: kb', 'spec:', '  version: 8.15.0', '  elasticsearchRef:', '    name: quickstart', ''].join('\n');
    w.write('k8s/kibana.yaml', kb);
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['http-client-untrusted', 'k8s/kibana.yaml', 8]);
    assert.match(rows[0].message, /^ECK gives Kibana the ca\.crt of quickstart's HTTP certificate Secret/);
    assert.deepEqual(rows[0].related?.map((r) => [r.file, r.line]), [['k8s/elasticsearch.yaml', lineOf(es, 'secretName: quickstart-http-cert')]]);
    assert.equal(await verdictsMatchHandshakes(w.root), 2);
  });

  it('a Secret in another folder of the workspace is found, and editing it re-reads the resource', async () => {
    const w = workspace();
    const { es, secret } = await writeEck(w, { kibanaTrusts: prod, host: 'https://quickstart-es-http:9200' });
    // The resource and its Secret in folders of their own: not beside each other.
    fs.rmSync(`${w.root}/k8s`, { recursive: true });
    w.write('k8s/clusters/elasticsearch.yaml', es);
    w.write('k8s/secrets/http-cert.yaml', secret);
    assert.deepEqual(await checkFolder(w.root), []);
    const model = new WorkspaceModel(w.root, () => env(w.root)).scan();
    assert.deepEqual(model.crossResult().edges.map((e) => e.trusted), [true]);
    assert.equal(await verdictsMatchHandshakes(w.root), 1);
    // The Secret now holds a certificate from Lab CA: the resource presents it, and Kibana no longer trusts it.
    const lh = await issued(lab, 'quickstart', ['quickstart-es-http'], 'http');
    const file = `${w.root}/k8s/secrets/http-cert.yaml`;
    const edited = secret.replace(/tls\.crt: \S+/, `tls.crt: ${b64(lh.cert)}`).replace(/tls\.key: \S+/, `tls.key: ${b64(lh.key)}`);
    assert.equal(model.update(file, edited), true);
    assert.deepEqual(model.crossResult().findings.map((f) => [f.finding.ruleId, f.file]), [['http-client-untrusted', `${w.root}/kibana/config/kibana.yml`]]);
    assert.equal(model.data().certificates.find((c) => c.subject === 'CN=quickstart' && c.issuer === 'CN=Lab CA')?.file, file);
  });

  it('Kibana dialling <service>.<namespace>.svc that the certificate lacks: one error on the host', async () => {
    const w = workspace();
    await writeEck(w, { kibanaTrusts: prod, host: 'https://quickstart-es-http.default.svc:9200' });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['http-client-name', 'kibana/config/kibana.yml', 2]);
    assert.equal(await verdictsMatchHandshakes(w.root), 1);
  });
});

// ------------------------------------------------------------------------------------------------------ Beats

/** A plain node (HTTP certificate from Prod for node-a) and a Filebeat shipping to it. */
async function writeBeatStack(w: ReturnType<typeof tempWorkspace>, beat: { trusts: Ca; hosts: string[]; extra?: string[]; client?: Ca; nodeExtra?: string[] }): Promise<string> {
  const h = await issued(prod, 'node-a', ['node-a'], 'http');
  w.write('node-a/certs/http.crt', h.cert);
  w.write('node-a/certs/http.key', h.key);
  w.write('node-a/certs/ca.crt', prod.pem);
  w.write('node-a/elasticsearch.yml', [
    'cluster.name: prod', 'node.name: node-a', 'xpack.security.enabled: true',
    'xpack.security.http.ssl.enabled: true', 'xpack.security.http.ssl.certificate: certs/http.crt', 'xpack.security.http.ssl.key: certs/http.key', ...(beat.nodeExtra ?? []), '',
  ].join('\n'));
  if (beat.client) {
    const c = await issued(beat.client, 'shipper', ['shipper'], 'client');
    w.write('shipper/certs/client.crt', c.cert);
    w.write('shipper/certs/client.key', c.key);
  }
  const text = [
    'filebeat.inputs:',
    '  - type: filestream',
    '    id: logs',
    '    paths: [ /var/log/*.log ]',
    'output.elasticsearch:',
    `  hosts: [ ${beat.hosts.map((x) => `"${x}"`).join(', ')} ]`,
    '  api_key: ${ES_API_KEY}',
    ...(beat.extra ?? []),
    '  ssl:',
    '    certificate_authorities: [ "certs/ca.crt" ]',
    ...(beat.client ? ['    certificate: certs/client.crt', '    key: certs/client.key'] : []),
    '',
  ].join('\n');
  w.write('shipper/filebeat.yml', text);
  w.write('shipper/certs/ca.crt', beat.trusts.pem);
  return text;
}

describe('workspace: Beats', () => {
  it('a Beat trusting the nodes\' CA is silent, shows in the map, and its verdicts agree with handshakes', async () => {
    const w = workspace();
    await writeBeatStack(w, { trusts: prod, hosts: ['https://node-a:9200'] });
    assert.deepEqual(await checkFolder(w.root), []);
    const data = JSON.parse(await cli(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
    const beat = data.components.find((c) => c.kind === 'beat')!;
    assert.equal(beat.form, 'beats');
    assert.deepEqual(beat.hosts.map((h) => h.host), ['node-a']);
    assert.deepEqual(data.edges.map((e) => [e.kind, e.from, e.trusted, e.nameMatches]), [['http', `${beat.id}#client`, true, true]]);
    assert.match(await cli(w.root, ['map', '--format', 'mermaid', '.']), /subgraph beat_filebeat/);
    assert.equal(await verdictsMatchHandshakes(w.root), 1);
  });

  it('a Beat trusting another CA: one error on its certificate_authorities entry, related to the node certificate', async () => {
    const w = workspace();
    const text = await writeBeatStack(w, { trusts: lab, hosts: ['https://node-a:9200'] });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['http-client-untrusted', 'shipper/filebeat.yml', lineOf(text, 'certificate_authorities')]);
    assert.match(rows[0].message, /output\.elasticsearch\.ssl certificate authorities \(CN=Lab CA\)/);
    assert.deepEqual(rows[0].related?.map((r) => [r.file, r.line]), [['node-a/elasticsearch.yml', 5]]);
    assert.equal(await verdictsMatchHandshakes(w.root), 1);
  });

  it('a host without a scheme under protocol https that the certificate does not name: one error on the host', async () => {
    const w = workspace();
    const text = await writeBeatStack(w, { trusts: prod, hosts: ['node-a:9200', '10.0.0.9:9200'], extra: ['  protocol: https'] });
    // 10.0.0.9 is node-a's publish address, which its certificate does not hold.
    w.write('node-a/elasticsearch.yml', `${fs.readFileSync(`${w.root}/node-a/elasticsearch.yml`, 'utf8')}network.publish_host: 10.0.0.9\n`);
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].line, rows[0].column], ['http-client-name', lineOf(text, 'hosts:'), 27]);
    assert.match(rows[0].message, /does not name 10\.0\.0\.9/);
    assert.equal(await verdictsMatchHandshakes(w.root), 2);
  });

  it('a Beat client certificate the node asks for: trusted is silent; from another CA, one error on its certificate line', async () => {
    const nodeExtra = ['xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt" ]', 'xpack.security.http.ssl.client_authentication: required'];
    for (const client of [prod, lab]) {
      const w = workspace();
      const text = await writeBeatStack(w, { trusts: prod, hosts: ['https://node-a:9200'], client, nodeExtra });
      const rows = await checkFolder(w.root);
      if (client === prod) assert.deepEqual(rows, []);
      else {
        assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
        assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['client-certificate-untrusted', 'shipper/filebeat.yml', lineOf(text, 'certificate: certs/client.crt')]);
        assert.match(rows[0].message, /^filebeat \(shipper\)'s client certificate CN=shipper is issued by CN=Lab CA/);
        assert.deepEqual(rows[0].related?.map((r) => [r.file, r.line]), [['node-a/elasticsearch.yml', 7]]);
      }
      assert.equal(await verdictsMatchHandshakes(w.root), 2);
    }
  });

  it('certificate_authorities given as inline PEM text are read as the file would be', async () => {
    for (const ca of [prod, lab]) {
      const w = workspace();
      const text = (await writeBeatStack(w, { trusts: prod, hosts: ['https://node-a:9200'] })).replace('    certificate_authorities: [ "certs/ca.crt" ]\n', `    certificate_authorities:\n      - |\n${ca.pem.trim().split('\n').map((l) => `        ${l}`).join('\n')}\n`);
      w.write('shipper/filebeat.yml', text);
      const rows = await checkFolder(w.root);
      assert.deepEqual(rows.map((r) => [r.ruleId, r.line]), ca === prod ? [] : [['http-client-untrusted', lineOf(text, '- |')]], JSON.stringify(rows));
      assert.equal(await verdictsMatchHandshakes(w.root), 1);
    }
  });

  it('a standalone Agent output of type elasticsearch is a client too: its untrusted CA is one error on that line', async () => {
    const w = workspace();
    await writeBeatStack(w, { trusts: prod, hosts: ['https://node-a:9200'] });
    const agent = [
      'outputs:',
      '  default:',
      '    type: elasticsearch',
      '    hosts: [ "https://node-a:9200" ]',
      '    api_key: ${ES_API_KEY}',
      '    ssl.certificate_authorities: [ "lab-ca.crt" ]',
      'inputs:',
      '  - type: filestream',
      '    id: logs',
      '',
    ].join('\n');
    w.write('agent/elastic-agent.yml', agent);
    w.write('agent/lab-ca.crt', lab.pem);
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['http-client-untrusted', 'agent/elastic-agent.yml', 6]);
    assert.match(rows[0].message, /^elastic-agent \(agent\) default's outputs\.default\.ssl certificate authorities \(CN=Lab CA\)/);
    const data = JSON.parse(await cli(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
    assert.deepEqual(data.components.filter((c) => c.kind === 'agent').map((c) => c.name), ['elastic-agent (agent) default']);
    assert.equal(await verdictsMatchHandshakes(w.root), 2);
  });

  it('verification_mode certificate checks the chain only; none checks nothing', async () => {
    for (const [mode, edges] of [['certificate', [[true, undefined]]], ['none', []]] as const) {
      const w = workspace();
      const text = (await writeBeatStack(w, { trusts: prod, hosts: ['https://127.0.0.1:9200'] })).replace('  ssl:\n', `  ssl:\n    verification_mode: ${mode}\n`);
      w.write('shipper/filebeat.yml', text);
      w.write('node-a/elasticsearch.yml', `${fs.readFileSync(`${w.root}/node-a/elasticsearch.yml`, 'utf8')}network.host: 127.0.0.1\n`);
      const data = JSON.parse(await cli(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
      assert.deepEqual(data.edges.map((e) => [e.trusted, e.nameMatches]), edges, mode);
      assert.equal(await verdictsMatchHandshakes(w.root), edges.length);
    }
  });
});

// ----------------------------------------------------------------------------------------------- role mapping

async function writePkiStack(w: ReturnType<typeof tempWorkspace>, roleMapping: string | undefined): Promise<string> {
  const h = await issued(prod, 'node-a', ['node-a'], 'http');
  const c = await issued(prod, 'kibana-client', ['kibana'], 'client');
  w.write('node-a/certs/http.crt', h.cert);
  w.write('node-a/certs/http.key', h.key);
  w.write('node-a/certs/ca.crt', prod.pem);
  w.write('node-a/elasticsearch.yml', [
    'cluster.name: prod', 'node.name: node-a', 'xpack.security.enabled: true',
    'xpack.security.http.ssl.enabled: true', 'xpack.security.http.ssl.certificate: certs/http.crt', 'xpack.security.http.ssl.key: certs/http.key',
    'xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt" ]', 'xpack.security.http.ssl.client_authentication: optional',
    'xpack.security.authc.realms.pki.pki1.order: 1', '',
  ].join('\n'));
  if (roleMapping !== undefined) w.write('node-a/role_mapping.yml', roleMapping);
  w.write('kibana/config/certs/ca.crt', prod.pem);
  w.write('kibana/config/certs/client.crt', c.cert);
  w.write('kibana/config/certs/client.key', c.key);
  w.write('kibana/config/kibana.yml', [
    'server.name: kibana', 'elasticsearch.hosts: [ "https://node-a:9200" ]', 'elasticsearch.ssl.certificateAuthorities: [ "certs/ca.crt" ]',
    'elasticsearch.ssl.certificate: certs/client.crt', 'elasticsearch.ssl.key: certs/client.key', '',
  ].join('\n'));
  return new X509Certificate(c.cert).subject;
}

describe('workspace: role_mapping.yml and Kibana\'s client certificate', () => {
  it('a DN mapped to kibana_system (in any case and spacing) is silent; no file says nothing', async () => {
    for (const file of ['kibana_system:\n  - "cn = KIBANA-client"\n', undefined]) {
      const w = workspace();
      const dn = await writePkiStack(w, file);
      assert.equal(dn, 'CN=kibana-client');
      assert.deepEqual(await checkFolder(w.root), [], String(file));
      assert.equal(await verdictsMatchHandshakes(w.root), 2);
    }
  });

  it('a DN mapped to another role only: one warning on the client certificate line, related to the mapping', async () => {
    const w = workspace();
    await writePkiStack(w, '# roles\nkibana_system:\n  - "CN=other"\nmonitoring_user:\n  - "CN=kibana-client"\n');
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].severity, rows[0].file, rows[0].line], ['client-certificate-unmapped', 'warning', 'kibana/config/kibana.yml', 4]);
    assert.match(rows[0].message, /maps it to monitoring_user only/);
    assert.deepEqual(rows[0].related?.map((r) => [r.file, r.line]), [['node-a/role_mapping.yml', 4]]);
  });

  it('an edit that ends the PKI realm in place (same lines and columns) is seen by a model kept across edits', async () => {
    const w = workspace();
    await writePkiStack(w, 'monitoring_user:\n  - "CN=kibana-client"\n');
    const model = new WorkspaceModel(w.root, () => env(w.root)).scan();
    const unmapped = () => [...model.findingsByFile().values()].flat().filter((f) => f.ruleId === 'client-certificate-unmapped').length;
    assert.equal(unmapped(), 1);
    const file = `${w.root}/node-a/elasticsearch.yml`;
    const text = fs.readFileSync(file, 'utf8').replace('realms.pki.pki1.order', 'realms.xki.pki1.order');
    model.update(file, text, parseConfig(text, { product: 'elasticsearch', filePath: file }), new LineIndex(text));
    assert.equal(unmapped(), 0, 'no PKI realm is left, so nothing maps the certificate');
    const fresh = new WorkspaceModel(w.root, () => env(w.root)).scan();
    fresh.update(file, text);
    assert.deepEqual([...model.findingsByFile()], [...fresh.findingsByFile()]);
  });

  it('a compose node reads role_mapping.yml through its mount: unmapped DN is one warning on Kibana\'s certificate entry', async () => {
    const w = workspace();
    const h = await issued(prod, 'es01', ['es01'], 'http');
    const c = await issued(prod, 'kibana-client', ['kibana'], 'client');
    w.write('certs/es01/http.crt', h.cert);
    w.write('certs/es01/http.key', h.key);
    w.write('certs/ca/ca.crt', prod.pem);
    w.write('certs/kibana/client.crt', c.cert);
    w.write('certs/kibana/client.key', c.key);
    w.write('es01/role_mapping.yml', 'superuser:\n  - "CN=kibana-client"\n');
    const text = [
      'services:',
      '  es01:',
      '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
      '    volumes:',
      '      - ./certs:/usr/share/elasticsearch/config/certs',
      '      - ./es01/role_mapping.yml:/usr/share/elasticsearch/config/role_mapping.yml',
      '    environment:',
      '      - node.name=es01',
      '      - xpack.security.enabled=true',
      '      - xpack.security.http.ssl.enabled=true',
      '      - xpack.security.http.ssl.certificate=certs/es01/http.crt',
      '      - xpack.security.http.ssl.key=certs/es01/http.key',
      '      - xpack.security.http.ssl.certificate_authorities=certs/ca/ca.crt',
      '      - xpack.security.http.ssl.client_authentication=optional',
      '      - xpack.security.authc.realms.pki.pki1.order=1',
      '  kibana:',
      '    image: docker.elastic.co/kibana/kibana:8.15.0',
      '    volumes:',
      '      - ./certs:/usr/share/kibana/config/certs',
      '    environment:',
      '      - ELASTICSEARCH_HOSTS=https://es01:9200',
      '      - ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES=config/certs/ca/ca.crt',
      '      - ELASTICSEARCH_SSL_CERTIFICATE=config/certs/kibana/client.crt',
      '      - ELASTICSEARCH_SSL_KEY=config/certs/kibana/client.key',
      '',
    ].join('\n');
    w.write('docker-compose.yml', text);
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.deepEqual([rows[0].ruleId, rows[0].file, rows[0].line], ['client-certificate-unmapped', 'docker-compose.yml', lineOf(text, 'ELASTICSEARCH_SSL_CERTIFICATE=')]);
    assert.match(rows[0].message, /role mapping file role_mapping\.yml \(line 1\) maps it to superuser only/);
    assert.deepEqual(rows[0].related?.map((r) => [r.file, r.line]), [['es01/role_mapping.yml', 1]]);
    assert.equal(await verdictsMatchHandshakes(w.root), 2);
  });

  it('an edit of role_mapping.yml re-runs the check', async () => {
    const w = workspace();
    await writePkiStack(w, 'kibana_system:\n  - "CN=someone-else"\n');
    const model = new WorkspaceModel(w.root, () => env(w.root)).scan();
    assert.deepEqual(model.crossResult().findings.map((f) => f.finding.ruleId), ['client-certificate-unmapped']);
    const file = w.write('node-a/role_mapping.yml', 'kibana_system:\n  - "CN=kibana-client"\n');
    model.update(file);
    assert.deepEqual(model.crossResult().findings, []);
  });
});
