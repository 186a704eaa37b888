// Cross-file checks on workspaces made in the test: each defect gives its one finding on the right file and
// line with related information (and no other error or warning), and every trust and name verdict of the
// model agrees with a real TLS handshake on 127.0.0.1 with the same certificates, CAs and host name.
import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { runCli } from '../../../server/src/cli';
import { nodeIo } from '../../../server/src/cli/io';
import type { CheckReportEntry } from '../../../server/src/cli/check';
import { nodeFileSystem } from '../../../server/src/core/nodeFileSystem';
import type { FileSystem } from '../../../server/src/core/environment';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import type { CheckEnvironment } from '../../../server/src/rules/types';
import { WorkspaceModel } from '../../../server/src/workspace/model';
import { parseConfig } from '../../../server/src/config/parse';
import { LineIndex } from '../../../server/src/core/lineIndex';
import { namedInput, type ComponentPart, type LoadedContext } from '../../../server/src/workspace/component';
import { httpChecks } from '../../../server/src/workspace/httpTrust';
import { keystoreChecks } from '../../../server/src/workspace/keystoreChecks';
import { PKI_REALMS, pkiRealms } from '../../../server/src/workspace/pkiRealms';
import { transportChecks, type CrossResult } from '../../../server/src/workspace/trust';
import type { ConfigModel } from '../../../server/src/config/types';
import { ca, esKeystore, leaf, p12, tempWorkspace } from './fixtures';
import { handshake } from './handshake';

type Ca = Awaited<ReturnType<typeof ca>>;
let prod: Ca;
let lab: Ca;
const cleanups: Array<() => void> = [];

before(async () => {
  [prod, lab] = await Promise.all([ca('Prod CA'), ca('Lab CA')]);
});
after(() => cleanups.forEach((c) => c()));

function env(root: string, fs: FileSystem = nodeFileSystem, passwords: Record<string, string> = {}): CheckEnvironment {
  const clock = { now: () => new Date() };
  return { fs, clock, passwords: { get: (p: string) => passwords[p] }, certificates: new CertificateFileCache(fs, clock), options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [root] } };
}

/** The node file system, counting each stat or read of a file under a `certs` folder (a context's files). */
function countingFs(): { fs: FileSystem; count: () => number } {
  let n = 0;
  const seen = (p: string) => void (p.includes('/certs/') && n++);
  const fs: FileSystem = {
    stat: (p) => (seen(p), nodeFileSystem.stat(p)),
    readFile: (p, kind) => (seen(p), nodeFileSystem.readFile(p, kind)),
    listDir: (p, max) => nodeFileSystem.listDir?.(p, max),
  };
  return { fs, count: () => n };
}

/**
 * The settings the cross-file checks look up in the parts' models themselves (not through what a part read)
 * that are no input of the part: each as `<component> <key>`, `*` for a walk of the keys. Empty when the
 * checks read nothing a kept part could hold stale.
 */
function crossReadsOutsideInputs(parts: ComponentPart[], e: CheckEnvironment): string[] {
  const out: string[] = [];
  const recording = (p: ComponentPart): ComponentPart => {
    const source = p.model.byKey;
    const note = (key: string) => {
      const input = namedInput(p.model.product, key) || key.startsWith(PKI_REALMS) || (p.reads?.keys.includes(key) ?? false);
      if (!input) out.push(`${p.data.id} ${key}`);
    };
    const byKey = new Proxy(source, {
      get(target, property) {
        if (property === 'get') return (key: string) => (note(key), target.get(key));
        if (property === 'has') return (key: string) => (note(key), target.has(key));
        const walk = () => (out.push(`${p.data.id} *`), target);
        const value = Reflect.get(walk(), property, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const model = new Proxy(p.model, { get: (target, property) => (property === 'byKey' ? byKey : property === 'text' || property === 'settings' ? (out.push(`${p.data.id} ${String(property)}`), Reflect.get(target, property)) : Reflect.get(target, property)) }) as ConfigModel;
    // The PKI realms are inputs whole (componentInputs); their walk of the keys is theirs, done here first.
    pkiRealms(model);
    out.length = 0;
    return { ...p, model };
  };
  const all = parts.map(recording);
  out.length = 0;
  const nodes = all.filter((p) => p.data.kind === 'elasticsearch');
  const result: CrossResult = { findings: [], edges: [] };
  const label = () => '';
  transportChecks(nodes, e.clock.now(), label, result);
  httpChecks(all.filter((p) => p.data.kind === 'kibana'), nodes, e.clock.now(), label, result, e);
  keystoreChecks(nodes, e, result);
  return out;
}

interface NodeSpec {
  name: string;
  transportCa?: Ca;
  trusts?: Ca[];
  transportDns?: string[];
  seeds?: string[];
  httpDns?: string[];
  extra?: string;
}

/** A node folder: elasticsearch.yml and its certificates, transport and HTTP from one CA unless told. */
async function writeNode(w: ReturnType<typeof tempWorkspace>, s: NodeSpec): Promise<void> {
  const issuer = s.transportCa ?? prod;
  const t = await leaf(issuer, s.name, s.transportDns ?? [s.name]);
  const h = await leaf(prod, s.name, s.httpDns ?? [s.name], [], 'http');
  w.write(`${s.name}/certs/transport.crt`, t.cert);
  w.write(`${s.name}/certs/transport.key`, t.key);
  w.write(`${s.name}/certs/http.crt`, h.cert);
  w.write(`${s.name}/certs/http.key`, h.key);
  w.write(`${s.name}/certs/ca.crt`, (s.trusts ?? [prod]).map((c) => c.pem).join(''));
  w.write(`${s.name}/elasticsearch.yml`, [
    'cluster.name: prod',
    `node.name: ${s.name}`,
    `discovery.seed_hosts: [${(s.seeds ?? []).map((x) => `"${x}"`).join(', ')}]`,
    'xpack.security.enabled: true',
    'xpack.security.transport.ssl.enabled: true',
    'xpack.security.transport.ssl.verification_mode: full',
    'xpack.security.transport.ssl.certificate: certs/transport.crt',
    'xpack.security.transport.ssl.key: certs/transport.key',
    'xpack.security.transport.ssl.certificate_authorities: [ "certs/ca.crt" ]',
    'xpack.security.http.ssl.enabled: true',
    'xpack.security.http.ssl.certificate: certs/http.crt',
    'xpack.security.http.ssl.key: certs/http.key',
    'xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt" ]',
    ...(s.extra ? [s.extra] : []),
    '',
  ].join('\n'));
}

async function writeKibana(w: ReturnType<typeof tempWorkspace>, opts: { trusts: Ca[]; hosts: string[]; client?: Ca; extra?: string }): Promise<void> {
  const lines = [
    'server.name: kibana',
    `elasticsearch.hosts: [${opts.hosts.map((h) => `"${h}"`).join(', ')}]`,
    'elasticsearch.ssl.certificateAuthorities: [ "certs/ca.crt" ]',
    'elasticsearch.ssl.verificationMode: full',
  ];
  if (opts.client) {
    const c = await leaf(opts.client, 'kibana-client', ['kibana'], [], 'client');
    w.write('kibana/config/certs/client.crt', c.cert);
    w.write('kibana/config/certs/client.key', c.key);
    lines.push('elasticsearch.ssl.certificate: certs/client.crt', 'elasticsearch.ssl.key: certs/client.key');
  } else lines.push('elasticsearch.serviceAccountToken: AAEAAWVsYXN0aWMva2liYW5hL3Rva2VuOnRlc3Q');
  if (opts.extra) lines.push(opts.extra);
  w.write('kibana/config/kibana.yml', [...lines, ''].join('\n'));
  w.write('kibana/config/certs/ca.crt', opts.trusts.map((c) => c.pem).join(''));
}

/** `estls check --format json DIR`: the rows, errors and warnings only. */
async function checkFolder(root: string): Promise<CheckReportEntry[]> {
  let stdout = '';
  const io = { ...nodeIo(), cwd: root, out: (t: string) => void (stdout += t), err: () => undefined };
  await runCli(['check', '--format', 'json', '.'], io);
  return (JSON.parse(stdout) as CheckReportEntry[]).filter((e) => e.severity === 'error' || e.severity === 'warning');
}

function workspace() {
  const w = tempWorkspace();
  cleanups.push(w.cleanup);
  return w;
}

/** Every edge verdict of the model against a handshake with the same files. */
async function assertVerdictsMatchHandshakes(root: string): Promise<number> {
  const model = new WorkspaceModel(root, () => env(root)).scan();
  const contexts = new Map<string, LoadedContext>(model.allParts().flatMap((p: ComponentPart) => p.contexts.map((c) => [c.data.id, c] as const)));
  const pem = (p: string | undefined) => (p ? fs.readFileSync(p, 'utf8') : '');
  let checked = 0;
  for (const edge of model.crossResult().edges) {
    const [from, to] = [contexts.get(edge.from)!, contexts.get(edge.to)!];
    const cas = (c: LoadedContext) => c.files.authorities.map((a) => pem(a.path));
    if (edge.kind === 'client-certificate') {
      // `from` is the node verifying Kibana's (`to`) client certificate.
      const r = await handshake({ serverCert: pem(from.files.certificate?.path), serverKey: pem(from.files.key?.path), clientCa: [], serverCa: cas(from), clientCert: pem(to.files.certificate?.path), clientKey: pem(to.files.key?.path) });
      assert.equal(r.clientTrusted, edge.trusted, `${edge.from} -> ${edge.to}: ${edge.reason}`);
    } else {
      const r = await handshake({ serverCert: pem(to.files.certificate?.path), serverKey: pem(to.files.key?.path), clientCa: cas(from), servername: edge.nameMatches === undefined ? undefined : edge.host });
      const expected = edge.trusted !== false && edge.nameMatches !== false;
      assert.equal(r.serverTrusted, expected, `${edge.from} -> ${edge.to} (${edge.host ?? 'chain only'}): ${edge.reason}; handshake: ${r.error ?? 'ok'}`);
    }
    checked++;
  }
  return checked;
}

describe('workspace: cross-file checks', () => {
  it('stays silent on a consistent stack, and every verdict agrees with a handshake', async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a', seeds: ['node-a', 'node-b'] });
    await writeNode(w, { name: 'node-b', seeds: ['node-a', 'node-b'] });
    await writeKibana(w, { trusts: [prod], hosts: ['https://node-a:9200'] });
    assert.deepEqual(await checkFolder(w.root), []);
    assert.ok((await assertVerdictsMatchHandshakes(w.root)) >= 4);
  });

  it('a transport certificate from another CA: one error on its certificate line, related to the nodes that refuse it', async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a' });
    await writeNode(w, { name: 'node-c', transportCa: lab, trusts: [prod, lab] });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    const [r] = rows;
    assert.equal(r.ruleId, 'transport-peer-untrusted');
    assert.equal(r.file, 'node-c/elasticsearch.yml');
    assert.equal(r.line, 7);
    assert.match(r.message, /The transport certificate of node-c \(node-c\/elasticsearch\.yml:7\) is issued by CN=Lab CA; node-a trusts only CN=Prod CA \(node-a\/elasticsearch\.yml:9\)/);
    assert.deepEqual(r.related?.map((x) => [x.file, x.line]), [['node-a/elasticsearch.yml', 9]]);
    assert.ok((await assertVerdictsMatchHandshakes(w.root)) >= 2);
  });

  it('a seed host the transport certificate does not name: one error on that seed entry', async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a', seeds: ['node-b'] });
    await writeNode(w, { name: 'node-b', transportDns: ['es-b.internal'] });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.equal(rows[0].ruleId, 'transport-peer-name');
    assert.equal(rows[0].file, 'node-a/elasticsearch.yml');
    assert.deepEqual([rows[0].line, rows[0].column], [3, 24]);
    assert.deepEqual(rows[0].related?.map((x) => [x.file, x.line]), [['node-b/elasticsearch.yml', 7]]);
    assert.ok((await assertVerdictsMatchHandshakes(w.root)) >= 3);
  });

  it("Kibana trusting another CA than the one behind the nodes' HTTP certificate: one error on its CA line", async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a' });
    await writeKibana(w, { trusts: [lab], hosts: ['https://node-a:9200'] });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.equal(rows[0].ruleId, 'http-client-untrusted');
    assert.equal(rows[0].file, 'kibana/config/kibana.yml');
    assert.equal(rows[0].line, 3);
    assert.deepEqual(rows[0].related?.map((x) => [x.file, x.line]), [['node-a/elasticsearch.yml', 11]]);
    assert.equal(await assertVerdictsMatchHandshakes(w.root), 1);
  });

  it('a Kibana host the HTTP certificate does not name: one error on that host entry', async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a', extra: 'http.publish_host: es-http.example' });
    await writeKibana(w, { trusts: [prod], hosts: ['https://es-http.example:9200'] });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.equal(rows[0].ruleId, 'http-client-name');
    assert.deepEqual([rows[0].file, rows[0].line], ['kibana/config/kibana.yml', 2]);
    assert.equal(await assertVerdictsMatchHandshakes(w.root), 1);
  });

  it("mutual TLS: Kibana's client certificate from a CA the node's HTTP layer does not trust", async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a', extra: 'xpack.security.http.ssl.client_authentication: optional\nxpack.security.authc.realms.pki.pki1.order: 1' });
    await writeKibana(w, { trusts: [prod, lab], hosts: ['https://node-a:9200'], client: lab });
    const rows = await checkFolder(w.root);
    assert.equal(rows.length, 1, JSON.stringify(rows, null, 2));
    assert.equal(rows[0].ruleId, 'client-certificate-untrusted');
    assert.deepEqual([rows[0].file, rows[0].line], ['kibana/config/kibana.yml', 5]);
    assert.deepEqual(rows[0].related?.map((x) => [x.file, x.line]), [['node-a/elasticsearch.yml', 13]]);
    assert.equal(await assertVerdictsMatchHandshakes(w.root), 2);
  });

  it('mutual TLS: a client certificate the node never asks for, and no PKI realm to read it', async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a' });
    await writeKibana(w, { trusts: [prod], hosts: ['https://node-a:9200'], client: prod });
    const rows = await checkFolder(w.root);
    assert.deepEqual(rows.map((r) => [r.ruleId, r.file, r.line]), [['client-certificate-unused', 'kibana/config/kibana.yml', 5]]);
    assert.match(rows[0].message, /client_authentication none/);
  });

  it('re-derives only the edited file: a fixed transport certificate clears the finding', async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a' });
    await writeNode(w, { name: 'node-c', transportCa: lab, trusts: [prod, lab] });
    const model = new WorkspaceModel(w.root, () => env(w.root)).scan();
    assert.equal(model.crossResult().findings.length, 1);
    const before = model.allParts().find((p) => p.data.name === 'node-a');
    const t = await leaf(prod, 'node-c', ['node-c']);
    w.write('node-c/certs/transport2.crt', t.cert);
    w.write('node-c/certs/transport2.key', t.key);
    const file = `${w.root}/node-c/elasticsearch.yml`;
    model.update(file, fs.readFileSync(file, 'utf8').replace(/transport\.(crt|key)/g, 'transport2.$1'));
    assert.equal(model.crossResult().findings.length, 0);
    assert.equal(model.allParts().find((p) => p.data.name === 'node-a'), before, 'the other file kept its part');
  });

  it('typing outside what a component reads keeps its part, with findings moved to the new text as a fresh read gives them', async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-a', seeds: ['node-a', 'node-c'], extra: 'node.attr.rack: r1' });
    await writeNode(w, { name: 'node-c', transportCa: lab, trusts: [prod, lab], seeds: ['node-a'], extra: 'node.attr.rack: r1' });
    const model = new WorkspaceModel(w.root, () => env(w.root)).scan();
    const files = ['node-a', 'node-c'].map((n) => `${w.root}/${n}/elasticsearch.yml`);
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    const parts = () => model.allParts().map((p) => p.data.id);
    const partOf = (file: string) => model.allParts().find((p) => p.file === file);
    // Each step: which file, the new text, and whether the part may be kept (nothing it reads moved).
    const steps: Array<[number, (t: string) => string, boolean]> = [
      [1, (t) => t.replace('rack: r1', 'rack: r12'), true],
      [1, (t) => t.replace('xpack.security.enabled: true', 'xpack.security.enabled: truex'), true],
      [0, (t) => t.replace('rack: r1', 'rack: r1x'), true],
      [1, (t) => `# a comment\n${t}`, false],
      [1, (t) => t.replace('# a comment', '# a longer comment'), true],
      [1, (t) => t.replace('cluster.name: prod', 'cluster.name:  prod'), false],
      [0, (t) => t.replace('xpack.security.http.ssl.enabled: true', 'xpack.security.http.ssl.enabled: truex'), false],
    ];
    for (const [i, change, keep] of steps) {
      const before = partOf(files[i]);
      texts[i] = change(texts[i]);
      const parsed = parseConfig(texts[i], { product: 'elasticsearch', filePath: files[i] });
      model.update(files[i], texts[i], parsed, new LineIndex(texts[i]));
      assert.equal(partOf(files[i]) === before, keep, `part of ${files[i]} kept after: ${texts[i].slice(0, 80)}`);
      const fresh = new WorkspaceModel(w.root, () => env(w.root)).scan();
      files.forEach((f, j) => fresh.update(f, texts[j]));
      assert.deepEqual([...model.findingsByFile()], [...fresh.findingsByFile()]);
      for (const f of files) assert.deepEqual(model.findingsOf(f), fresh.findingsByFile().get(f) ?? []);
      assert.deepEqual(model.data(), fresh.data());
      assert.ok(model.crossResult().findings.length > 0, `no cross-file finding after: ${texts[i]}`);
    }
    assert.deepEqual(parts().sort(), ['elasticsearch:node-a', 'elasticsearch:node-c']);
  });
  it("realm settings: a part is kept across edits the checks do not read (other realms, a PKI realm's other settings), and re-read when a PKI realm's role mapping file or Kibana's credentials change", async () => {
    const w = workspace();
    const realms = [
      'xpack.security.http.ssl.client_authentication: optional',
      'xpack.security.authc.realms.native.native1.order: 0',
      'xpack.security.authc.realms.pki.pki1.order: 1',
      'xpack.security.authc.realms.ldap.ldap1.order: 2',
      'xpack.security.authc.realms.ldap.ldap1.url: "ldaps://ldap.example:636"',
    ].join('\n');
    await writeNode(w, { name: 'node-a', extra: realms });
    await writeKibana(w, { trusts: [prod], hosts: ['https://node-a:9200'], client: prod, extra: 'logging.root.level: info' });
    const files = [`${w.root}/node-a/elasticsearch.yml`, `${w.root}/kibana/config/kibana.yml`];
    const products = ['elasticsearch', 'kibana'] as const;
    const kibana = new WorkspaceModel(w.root, () => env(w.root)).scan().allParts().find((p) => p.data.kind === 'kibana');
    const dn = kibana!.contexts.find((c) => c.data.kind === 'client')!.leaf!.summary.subject;
    // The default file maps Kibana's DN to another role; the one a realm may name maps it to kibana_system.
    w.write('node-a/role_mapping.yml', `monitoring_user:\n  - "${dn}"\n`);
    w.write('node-a/pki_mapping.yml', `kibana_system:\n  - "${dn}"\n`);
    const model = new WorkspaceModel(w.root, () => env(w.root)).scan();
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    const partOf = (file: string) => model.allParts().find((p) => p.file === file);
    const mapping = 'xpack.security.authc.realms.pki.pki1.files.role_mapping';
    // Each step: which file, the new text, whether the part may be kept, and the cross-file rules found after it.
    const steps: Array<[number, (t: string) => string, boolean, string[]]> = [
      [0, (t) => t.replace('native1.order: 0', 'native1.order: 01'), true, ['client-certificate-unmapped']],
      [0, (t) => t.replace('ldap.example:636', 'ldap2.example:636'), true, ['client-certificate-unmapped']],
      [0, (t) => t.replace('pki1.order: 1', 'pki1.order: 13'), true, ['client-certificate-unmapped']],
      [0, (t) => `${t}${mapping}: pki_mapping.yml\n`, false, []],
      [0, (t) => t.replace('native1.order: 01', 'native1.order: 0'), true, []],
      [0, (t) => t.replace(`${mapping}: pki_mapping.yml`, `${mapping}: role_mapping.yml`), false, ['client-certificate-unmapped']],
      [1, (t) => t.replace('logging.root.level: info', 'logging.root.level: debug'), true, ['client-certificate-unmapped']],
      [1, (t) => t.replace('logging.root.level: debug', 'elasticsearch.username: kibana_system'), false, []],
      [1, (t) => t.replace('elasticsearch.username: kibana_system', 'logging.root.level: debug'), false, ['client-certificate-unmapped']],
      [0, (t) => t.replaceAll('realms.pki.pki1', 'realms.kerberos.pki1'), false, ['client-certificate-unused']],
      // A setting under the PKI realms that names no realm still counts as one written (and no file is read).
      [0, (t) => `${t}xpack.security.authc.realms.pki.order: 1\n`, false, []],
      [0, (t) => t.replace('realms.kerberos.pki1.order', 'realms.pki.pki1.order'), false, ['client-certificate-unmapped']],
    ];
    for (const [i, change, keep, rules] of steps) {
      const before = partOf(files[i]);
      texts[i] = change(texts[i]);
      const parsed = parseConfig(texts[i], { product: products[i], filePath: files[i] });
      model.update(files[i], texts[i], parsed, new LineIndex(texts[i]));
      assert.equal(partOf(files[i]) === before, keep, `part of ${files[i]} kept after: ${texts[i]}`);
      const fresh = new WorkspaceModel(w.root, () => env(w.root)).scan();
      files.forEach((f, j) => fresh.update(f, texts[j]));
      assert.deepEqual([...model.findingsByFile()], [...fresh.findingsByFile()]);
      for (const f of files) assert.deepEqual(model.findingsOf(f), fresh.findingsByFile().get(f) ?? []);
      assert.deepEqual(model.data(), fresh.data());
      assert.deepEqual(model.crossResult().findings.map((f) => f.finding.ruleId), rules, texts[i]);
    }
  });
  it('TLS context settings: typing into ones no check reads (algorithm, cipher suites) keeps the part and reads no file; paths, passwords, modes, a file setting added, names and hosts re-read it; findings on and beside the edited line move as a fresh read gives them', async () => {
    const w = workspace();
    await writeNode(w, { name: 'node-c', transportCa: lab, trusts: [prod, lab], seeds: ['node-a'] });
    const t = await leaf(prod, 'node-a', ['node-a']);
    w.write('node-a/certs/transport.crt', t.cert);
    w.write('node-a/certs/transport.key', t.key);
    w.write('node-a/certs/ca.crt', prod.pem);
    w.write('node-a/certs/http.p12', await p12(prod, 'node-a', 'Store-pw-4711'));
    // Secure passwords beside plain ones, and a transport context whose `enabled` is unset: keystore findings in
    // node-a's file on key_passphrase, on keystore.key_password (which only the keystore checks read) and on the
    // context's first key; the HTTP store's missing secure_password one more, on its path, written in a flow map
    // with the store's algorithm after it.
    w.write('node-a/elasticsearch.keystore', esKeystore(5, { 'xpack.security.transport.ssl.secure_key_passphrase': 'not-needed', 'xpack.security.transport.ssl.keystore.secure_key_password': 'not-needed' }));
    w.write('node-a/elasticsearch.yml', [
      'cluster.name: prod',
      'node.name: node-a',
      'discovery.seed_hosts: ["node-a", "node-c"]',
      'xpack.security.transport.ssl.verification_mode: full',
      'xpack.security.transport.ssl.keystore.algorithm: SunX509',
      'xpack.security.transport.ssl.certificate: certs/transport.crt',
      'xpack.security.transport.ssl.key: certs/transport.key',
      'xpack.security.transport.ssl.key_passphrase: not-needed',
      'xpack.security.transport.ssl.certificate_authorities: [ "certs/ca.crt" ] # the nodes\' CA',
      'xpack.security.transport.ssl.cipher_suites: [ "TLS_AES_256_GCM_SHA384" ]',
      'xpack.security.http.ssl.enabled: true',
      'xpack.security.http.ssl: { keystore.path: certs/http.p12, keystore.algorithm: SunX509 }',
      'xpack.security.http.ssl.cipher_suites: [ "TLS_AES_256_GCM_SHA384" ]',
      'xpack.security.http.ssl.client_authentication: optional',
      'xpack.security.transport.ssl.keystore.key_password: not-needed',
      '',
    ].join('\n'));
    // Kibana dials node-a's HTTP layer (opened with the store's password) with a client certificate.
    await writeKibana(w, { trusts: [prod], hosts: ['https://node-a:9200'], client: prod, extra: 'server.ssl.supportedProtocols: [ "TLSv1.3" ]\nserver.ssl.cipherSuites: [ "ECDHE-RSA-AES256-GCM-SHA384" ]' });
    const passwords = { [`${w.root}/node-a/certs/http.p12`]: 'Store-pw-4711' };
    const counting = countingFs();
    const model = new WorkspaceModel(w.root, () => env(w.root, counting.fs, passwords)).scan();
    const files = [...['node-a', 'node-c'].map((n) => `${w.root}/${n}/elasticsearch.yml`), `${w.root}/kibana/config/kibana.yml`];
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    const partOf = (file: string) => model.allParts().find((p) => p.file === file);
    const rules = () => model.crossResult().findings.map((f) => f.finding.ruleId).sort();
    const all = ['client-certificate-unused', 'keystore-password-missing', 'secure-setting-duplicate', 'secure-setting-duplicate', 'ssl-secure-without-enabled', 'transport-peer-untrusted'];
    assert.deepEqual(rules(), all);
    assert.deepEqual(crossReadsOutsideInputs(model.allParts(), env(w.root, nodeFileSystem, passwords)), []);
    const ciphers = (prefix: string) => (x: string) => x.replace(`${prefix}.cipher_suites: [ "TLS_AES_256_GCM_SHA384"`, `${prefix}.cipher_suites: [ "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"`);
    // Each step: the edit to node-a's file (file 1: node-c's, 2: Kibana's), and whether the part may be kept (no file read).
    const steps: Array<[(t: string) => string, boolean, number?]> = [
      [(x) => x.replace('keystore.algorithm: SunX509\n', 'keystore.algorithm: SunX5091\n'), true],
      [(x) => x.replace('keystore.algorithm: SunX5091\n', 'keystore.algorithm: PKIX\n'), true],
      [ciphers('xpack.security.transport.ssl'), true],
      [ciphers('xpack.security.http.ssl'), true],
      // On the line of a finding (the HTTP store's path), after it; and in the comment after a related place.
      [(x) => x.replace('keystore.algorithm: SunX509 }', 'keystore.algorithm: SunX509x }'), true],
      [(x) => x.replace("# the nodes' CA", "# the nodes' CAs, both"), true],
      // Lines added below everything read.
      [(x) => `${x}node.attr.rack: r1\nnode.attr.zone: z1\n`, true],
      [(x) => x.replace('node.attr.zone: z1\n', ''), true],
      // A line added above the one setting only the keystore checks read (and below all others).
      [(x) => x.replace('xpack.security.transport.ssl.keystore.key_password', '# the plain one\nxpack.security.transport.ssl.keystore.key_password'), false],
      // Lines added above: every place moves.
      [(x) => `# node a\n${x}`, false],
      [(x) => x.replace('keystore.algorithm: PKIX\n', 'keystore.algorithm: PKIX2\n'), true],
      // Before the store's path on its line: the path moves within the line.
      [(x) => x.replace('{ keystore.path: certs/http.p12, keystore.algorithm: SunX509x }', '{ keystore.algorithm: SunX509x, keystore.path: certs/http.p12 }'), false],
      [(x) => x.replace('keystore.algorithm: SunX509x,', 'keystore.algorithm: SunX509,'), false],
      [(x) => x.replace('certs/transport.crt', 'certs/./transport.crt'), false],
      [(x) => x.replace('key_passphrase: not-needed', 'key_passphrase: not-needed2'), false],
      [(x) => x.replace('transport.ssl.verification_mode: full', 'transport.ssl.verification_mode: certificate'), false],
      [(x) => x.replace('client_authentication: optional', 'client_authentication: required'), false],
      // A file setting added at the end: no setting read moves, the context's list of keys changes.
      [(x) => `${x}xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt" ]\n`, false],
      [(x) => x.replace('xpack.security.http.ssl.cipher_suites', 'xpack.security.http.ssl.keystore.password: Store-pw-4711\nxpack.security.http.ssl.cipher_suites'), false],
      [(x) => x.replace('discovery.seed_hosts: ["node-a", "node-c"]', 'discovery.seed_hosts: ["node-c"]'), false],
      [(x) => x.replace('node.name: node-a', 'node.name: node-a\nnetwork.host: node-a.example'), false],
      [(x) => x.replace('cipher_suites: [ "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256" ]', 'cipher_suites: [ "TLS_AES_128_GCM_SHA256" ]'), true],
      [(x) => x.replace('seed_hosts: ["node-a"]', 'seed_hosts: ["node-a", "node-b"]'), false, 1],
      [(x) => x.replace('xpack.security.http.ssl.enabled: true', 'xpack.security.http.ssl.enabled: true\nxpack.security.http.ssl.keystore.algorithm: SunX509'), false, 1],
      [(x) => x.replace('http.ssl.keystore.algorithm: SunX509', 'http.ssl.keystore.algorithm: PKIX'), true, 1],
      [(x) => x.replace('AES256-GCM-SHA384" ]', 'AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256" ]'), true, 2],
      // A context's first setting is an input whatever it is: the part keeps its place.
      [(x) => x.replace('[ "TLSv1.3" ]', '[ "TLSv1.2", "TLSv1.3" ]'), false, 2],
      [(x) => x.replace('elasticsearch.ssl.verificationMode: full', 'elasticsearch.ssl.verificationMode: certificate'), false, 2],
      [(x) => x.replace('certs/client.key', 'certs/./client.key'), false, 2],
    ];
    for (const [change, keep, i = 0] of steps) {
      const before = partOf(files[i]);
      const read = counting.count();
      texts[i] = change(texts[i]);
      const parsed = parseConfig(texts[i], { product: i === 2 ? 'kibana' : 'elasticsearch', filePath: files[i] });
      model.update(files[i], texts[i], parsed, new LineIndex(texts[i]));
      assert.equal(partOf(files[i]) === before, keep, `part of ${files[i]} kept after: ${texts[i]}`);
      assert.equal(counting.count() === read, keep, `context files read (${counting.count() - read}) after: ${texts[i]}`);
      const fresh = new WorkspaceModel(w.root, () => env(w.root, nodeFileSystem, passwords)).scan();
      files.forEach((f, j) => fresh.update(f, texts[j]));
      assert.deepEqual([...model.findingsByFile()], [...fresh.findingsByFile()], texts[i]);
      for (const f of files) assert.deepEqual(model.findingsOf(f), fresh.findingsByFile().get(f) ?? []);
      assert.deepEqual(model.data(), fresh.data());
      assert.ok(rules().includes('ssl-secure-without-enabled'), texts[i]);
      // Nothing was read of the contexts after the parts were read, nor of a model outside what they read.
      for (const p of model.allParts()) assert.deepEqual([...(p.reads?.late ?? [])], [], p.file);
      assert.deepEqual(crossReadsOutsideInputs(model.allParts(), env(w.root, nodeFileSystem, passwords)), []);
    }
  });
});
