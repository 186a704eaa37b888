// `estls check DIR` reuses work across the files of a folder (one stat and listing per path, each certificate
// parsed once, the settings the file check parsed handed to the workspace model, no transport edges drawn for a
// check). This compares its rows with the same folder checked with every reuse turned off: each file read and
// parsed again, a certificate cache of one entry, the raw file system, and the cross-file findings of a model
// that draws every edge. The folder mixes per-file and cross-file defects, several forms and more certificate
// files than the server's cache holds.
import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../server/src/cli';
import { checkFile } from '../../../server/src/cli/check';
import { checkFolder, type FileCheck } from '../../../server/src/cli/checkFolder';
import type { CheckReportEntry } from '../../../server/src/cli/checkReport';
import { nodeIo, type CliIo } from '../../../server/src/cli/io';
import { nodeFileSystem } from '../../../server/src/core/nodeFileSystem';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import type { CheckEnvironment } from '../../../server/src/rules/types';
import { WorkspaceModel } from '../../../server/src/workspace/model';
import { ca, leaf, tempWorkspace } from '../workspace/fixtures';

type Ca = Awaited<ReturnType<typeof ca>>;
const NODES = 70;
let root = '';
let cleanup = () => undefined as void;

function nodeYml(i: number, extra: string[] = []): string {
  const seeds = [1, 2].map((d) => `"node${(i + d) % NODES}"`);
  return [
    `cluster.name: ${i % 10 === 9 ? 'other' : 'prod'}`,
    `node.name: node${i}`,
    `discovery.seed_hosts: [ ${seeds.join(', ')} ]`,
    'xpack.security.enabled: true',
    'xpack.security.transport.ssl.enabled: true',
    'xpack.security.transport.ssl.verification_mode: full',
    `xpack.security.transport.ssl.certificate: ../certs/node${i}.crt`,
    `xpack.security.transport.ssl.key: ../certs/node${i}.key`,
    'xpack.security.transport.ssl.certificate_authorities: [ "../certs/ca.crt" ]',
    'xpack.security.http.ssl.enabled: true',
    `xpack.security.http.ssl.certificate: ../certs/node${i}.crt`,
    `xpack.security.http.ssl.key: ../certs/node${i}.key`,
    ...extra,
    '',
  ].join('\n');
}

before(async () => {
  const w = tempWorkspace();
  ({ root } = w);
  cleanup = w.cleanup;
  const [prod, lab]: Ca[] = await Promise.all([ca('Prod CA'), ca('Lab CA')]);
  w.write('certs/ca.crt', prod.pem);
  for (let i = 0; i < NODES; i++) {
    // Every seventh node's certificate comes from the lab CA (the others refuse it), every eleventh leaves
    // out the name its peers dial it by.
    const issuer = i % 7 === 3 ? lab : prod;
    const cert = await leaf(issuer, `node${i}`, i % 11 === 5 ? [`other${i}`] : [`node${i}`], [], 'http');
    w.write(`certs/node${i}.crt`, cert.cert);
    w.write(`certs/node${i}.key`, cert.key);
    // Per-file defects beside them: an unknown setting, a missing file, an invalid value.
    const extra = i % 13 === 0 ? ['xpack.security.transport.ssl.verfication_mode: full'] : i % 17 === 1 ? ['xpack.security.http.ssl.certificate_authorities: [ "../certs/missing.crt" ]'] : i % 19 === 2 ? ['xpack.security.http.ssl.client_authentication: sometimes'] : [];
    w.write(`node${i}/elasticsearch.yml`, nodeYml(i, extra));
  }
  w.write('kibana/kibana.yml', [
    'elasticsearch.hosts: [ "https://node0:9200", "https://node5:9200", "https://node3:9200" ]',
    'elasticsearch.ssl.certificateAuthorities: [ "../certs/ca.crt" ]',
    'elasticsearch.serviceAccountToken: AAEAAWVsYXN0aWMva2liYW5hL3Rva2VuOnRlc3Q',
    'server.ssl.enabled: true',
    'server.ssl.certificate: ../certs/node1.crt',
    'server.ssl.key: ../certs/node1.key',
    '',
  ].join('\n'));
  // A compose file with a node inside, mounting certificates the folder holds.
  w.write('compose/docker-compose.yml', [
    'services:',
    '  es01:',
    '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
    '    volumes:',
    '      - ../certs:/usr/share/elasticsearch/config/certs',
    '    environment:',
    '      - node.name=es01',
    '      - cluster.name=prod',
    '      - xpack.security.transport.ssl.enabled=true',
    '      - xpack.security.transport.ssl.certificate=certs/node2.crt',
    '      - xpack.security.transport.ssl.key=certs/node2.key',
    '      - xpack.security.transport.ssl.certificate_authorities=certs/ca.crt',
    '      - xpack.security.transport.ssl.verification_mode=sertificate',
    '',
  ].join('\n'));
});
after(() => cleanup());

async function optimizedRows(): Promise<CheckReportEntry[]> {
  let stdout = '';
  const io: CliIo = { ...nodeIo(), cwd: root, out: (t: string) => void (stdout += t), err: () => undefined };
  await runCli(['check', '--format', 'json', '.'], io);
  return JSON.parse(stdout) as CheckReportEntry[];
}

/** The same folder with nothing shared between files. */
function referenceRows(): CheckReportEntry[] {
  const clock = { now: () => new Date() };
  const io: CliIo = { ...nodeIo(), cwd: root, out: () => undefined, err: () => undefined };
  const env: CheckEnvironment = {
    fs: nodeFileSystem, clock, passwords: { get: () => undefined }, certificates: new CertificateFileCache(nodeFileSystem, clock, 1),
    options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [root] },
  };
  // No hooks passed on: the file is read again and the model parses it itself.
  const alone: FileCheck = (fileIo, file, args, fileEnv) => checkFile(fileIo, file, args, { ...fileEnv, certificates: new CertificateFileCache(nodeFileSystem, clock, 1) });
  const rows = checkFolder(io, '.', env, alone);
  assert.ok(typeof rows !== 'string', String(rows));
  return rows;
}

describe('estls check DIR: reuse across files changes no finding', () => {
  it('gives the rows of a check that shares nothing between files', async () => {
    const fast = await optimizedRows();
    assert.deepEqual(fast, referenceRows());
    // The folder is not trivially clean: per-file and cross-file findings, with related places.
    const ids = new Set(fast.map((r) => r.ruleId));
    for (const id of ['unknown-setting', 'path-not-checked', 'invalid-value', 'certificate-chain-untrusted', 'transport-peer-untrusted', 'transport-peer-name', 'http-client-name']) assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
    assert.ok(fast.some((r) => r.related && r.related.length > 0));
    assert.ok(fast.some((r) => r.file.startsWith('compose')), 'the compose file is checked');
  });

  it('finds the same cross-file findings whether or not the model draws every edge', () => {
    const clock = { now: () => new Date() };
    const env: CheckEnvironment = {
      fs: nodeFileSystem, clock, passwords: { get: () => undefined }, certificates: new CertificateFileCache(nodeFileSystem, clock, 1000),
      options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [root] },
    };
    const withEdges = new WorkspaceModel(root, () => env).scan();
    const full = withEdges.crossResult();
    assert.ok(full.edges.length > NODES, 'the transport edges are drawn');
    const findingsOnly = new WorkspaceModel(root, () => env).scan();
    const byFile = findingsOnly.findingsByFile();
    const sorted = (list: unknown[]) => list.map((f) => JSON.stringify(f)).sort();
    assert.deepEqual(sorted([...byFile].flatMap(([file, findings]) => findings.map((finding) => ({ file, finding })))), sorted(full.findings));
    assert.ok(full.findings.length > 0);
    // Asking for the edges after the findings draws them.
    assert.equal(findingsOnly.crossResult().edges.length, full.edges.length);
  });
});
