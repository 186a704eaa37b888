// A workspace of 300 settings files and 300 certificates (one CA, one node certificate each; the nodes form
// one cluster and seed each other, so every transport certificate is checked against every node's trust):
//   - `estls check DIR` through the bundled CLI, whole process;
//   - the server's first diagnostics for one file of the folder (which scans the folder), and the re-check
//     after editing that file (the folder's model re-derives that file's part and the cross-file checks);
//   - the server's resident memory after that.
// Baseline: yaml-language-server with the elasticsearch.yml JSON schema, opening and editing the same file.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { generate } from '../server/src/pki/generate/index.ts';
import { systemClock } from '../server/src/core/environment.ts';
import { nodeFileSystem } from '../server/src/core/nodeFileSystem.ts';
import { residentKb, startLsp, uriOf } from './lib/lspClient.mjs';
import { cliJs, serverJs, yamlLsBin } from './lib/paths.mjs';
import { elasticsearchSchema } from './lib/schema.mjs';
import { median, p95, progress, row } from './lib/stats.mjs';

export const title = 'Workspace of 300 settings files and 300 certificates';

const NODES = 300;
const EDITS = 30;

async function writeFiles(dir, files) {
  for (const f of files) {
    const target = path.join(dir, f.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, Buffer.from(f.contentBase64, 'base64'), { mode: f.private ? 0o600 : 0o644 });
  }
}

async function makeCertificates(certs) {
  const key = { type: 'ec', curve: 'P-256' };
  const ca = await generate({ kind: 'ca', format: 'pem', key }, { clock: systemClock });
  await writeFiles(certs, ca.files);
  const instances = Array.from({ length: NODES }, (_, i) => ({ name: `node${i}`, dns: [`node${i}`], ip: [] }));
  const nodes = await generate({ kind: 'cert', format: 'pem', key, instances, ca: { kind: 'pem', certPath: 'ca/ca.crt', keyPath: 'ca/ca.key' } },
    { clock: systemClock, fs: nodeFileSystem, baseDir: certs });
  await writeFiles(certs, nodes.files);
}

function settingsFile(i, comment = '') {
  const cert = `../certs/node${i}/node${i}`;
  const seeds = [1, 2, 3].map((d) => `"node${(i + d) % NODES}"`).join(', ');
  return [
    `# Node ${i}${comment}`,
    'cluster.name: bench',
    `node.name: node${i}`,
    `discovery.seed_hosts: [ ${seeds} ]`,
    'xpack.security.enabled: true',
    'xpack.security.transport.ssl.enabled: true',
    'xpack.security.transport.ssl.verification_mode: full',
    `xpack.security.transport.ssl.certificate: ${cert}.crt`,
    `xpack.security.transport.ssl.key: ${cert}.key`,
    'xpack.security.transport.ssl.certificate_authorities: [ "../certs/ca/ca.crt" ]',
    '',
  ].join('\n');
}

/** Opens node0's file, times its first diagnostics, then EDITS edits of it; reads VmRSS at the end. */
async function session(server, file, text) {
  const uri = uriOf(file);
  const t0 = performance.now();
  const first = server.nextDiagnostics(uri, () => true, 120_000);
  server.open(uri, text, 1);
  await first;
  const firstMs = performance.now() - t0;
  const edits = [];
  for (let v = 2; v < EDITS + 2; v++) {
    const next = server.nextDiagnostics(uri, (p) => p.version === undefined || p.version >= v, 30_000);
    const t = performance.now();
    server.change(uri, settingsFile(0, ` edit ${v}`), v);
    await next;
    edits.push(performance.now() - t);
  }
  await server.settle(300);
  return { firstMs, edits, kb: await residentKb(server.child.pid) };
}

async function cliRuns(dir) {
  const times = [];
  let rows = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, [cliJs, 'check', '--format', 'json', dir], { maxBuffer: 256 << 20 }).catch((e) => e);
    times.push(performance.now() - t);
    rows = JSON.parse(stdout);
  }
  const bad = rows.filter((r) => r.severity === 'error' || ['missing-file', 'certificate-unreadable'].includes(r.ruleId));
  if (bad.length) throw new Error(`the bench workspace is not clean: ${JSON.stringify(bad.slice(0, 3))}`);
  return times;
}

/** Writes the workspace into `dir` (also for profiling by hand). */
export async function prepare(dir) {
  await makeCertificates(path.join(dir, 'certs'));
  for (let i = 0; i < NODES; i++) {
    await mkdir(path.join(dir, `node${i}`), { recursive: true });
    await writeFile(path.join(dir, `node${i}`, 'elasticsearch.yml'), settingsFile(i));
  }
}

export async function run({ tmp }) {
  const dir = path.join(tmp, 'workspace');
  progress(`workspace: ${NODES} certificates`);
  await prepare(dir);
  const file = path.join(dir, 'node0', 'elasticsearch.yml');
  progress('workspace: estls check DIR');
  const cli = await cliRuns(dir);
  progress('workspace: ours');
  const ours = await startLsp({ script: serverJs, rootDir: dir, initializationOptions: { validationDelay: 0, trusted: true } });
  const o = await session(ours, file, settingsFile(0)).finally(() => ours.stop());
  progress('workspace: yaml-language-server');
  const schemaFile = path.join(tmp, 'elasticsearch.schema.json');
  await writeFile(schemaFile, JSON.stringify(elasticsearchSchema()));
  const yaml = { validate: true, hover: false, completion: false, schemaStore: { enable: false }, schemas: { [uriOf(schemaFile)]: ['**/elasticsearch*.yml'] } };
  const base = await startLsp({ script: yamlLsBin, rootDir: dir,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    configuration: (item) => (item.section === 'yaml' ? yaml : item.section === 'http' ? {} : null) });
  const b = await session(base, file, settingsFile(0)).finally(() => base.stop());
  const baselineName = 'yaml-language-server 1.25.0 + JSON schema, the same file (as shipped, 200 ms debounce)';
  return [
    row({ name: `estls check DIR, ${NODES} files, whole process, median of 3`, unit: 'ms', ours: median(cli), target: '< 3000 ms', meets: median(cli) < 3000,
      note: 'per-file checks of every file plus the cross-file checks (each transport certificate against every node of the cluster)' }),
    row({ name: 'first diagnostics of one file (folder scanned)', unit: 'ms', ours: o.firstMs, baseline: b.firstMs, baselineName, target: '< 3000 ms', meets: o.firstMs < 3000 }),
    row({ name: `re-check after editing one file, p95 of ${EDITS}`, unit: 'ms', ours: p95(o.edits), baseline: p95(b.edits), baselineName, target: '< 100 ms', meets: p95(o.edits) < 100 }),
    row({ name: 'server VmRSS after the session', unit: 'MB', ours: o.kb / 1024, baseline: b.kb / 1024, baselineName, target: '< 250 MB', meets: o.kb / 1024 < 250 }),
  ];
}
