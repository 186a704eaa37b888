// Resident memory of the language server with 100 open elasticsearch.yml files, each naming its own certificate
// and key (100 distinct certificates made at bench time, one CA), read after every file's diagnostics arrived.
// Baseline: yaml-language-server with the same files open and the same JSON schema as the diagnostics bench.
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { generate } from '../server/src/pki/generate/index.ts';
import { systemClock } from '../server/src/core/environment.ts';
import { nodeFileSystem } from '../server/src/core/nodeFileSystem.ts';
import { residentKb, startLsp, uriOf } from './lib/lspClient.mjs';
import { serverJs, yamlLsBin } from './lib/paths.mjs';
import { elasticsearchSchema } from './lib/schema.mjs';
import { progress, row } from './lib/stats.mjs';

export const title = 'Memory with 100 open files';

const FILES = 100;

async function writeFiles(dir, files) {
  for (const f of files) {
    const target = path.join(dir, f.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, Buffer.from(f.contentBase64, 'base64'), { mode: f.private ? 0o600 : 0o644 });
  }
}

/** One CA and 100 node certificates with their keys, as PEM (EC P-256 keys: quick to make, same parsing work). */
async function makeCertificates(certs) {
  const key = { type: 'ec', curve: 'P-256' };
  const ca = await generate({ kind: 'ca', format: 'pem', key }, { clock: systemClock });
  await writeFiles(certs, ca.files);
  const instances = Array.from({ length: FILES }, (_, i) => ({ name: `node${i}`, dns: [`node${i}`, 'localhost'], ip: ['127.0.0.1'] }));
  const nodes = await generate({ kind: 'cert', format: 'pem', key, instances, ca: { kind: 'pem', certPath: 'ca/ca.crt', keyPath: 'ca/ca.key' } },
    { clock: systemClock, fs: nodeFileSystem, baseDir: certs });
  await writeFiles(certs, nodes.files);
}

function settingsFile(i) {
  const node = `certs/node${i}/node${i}`;
  return [
    `# Node ${i}`,
    'cluster.name: bench',
    `node.name: node${i}`,
    `network.host: node${i}`,
    `discovery.seed_hosts: [ "node${i}" ]`,
    'xpack.security.enabled: true',
    '',
    '# Transport TLS',
    'xpack.security.transport.ssl.enabled: true',
    'xpack.security.transport.ssl.verification_mode: certificate',
    'xpack.security.transport.ssl.client_authentication: required',
    `xpack.security.transport.ssl.certificate: ${node}.crt`,
    `xpack.security.transport.ssl.key: ${node}.key`,
    'xpack.security.transport.ssl.certificate_authorities: [ "certs/ca/ca.crt" ]',
    '',
    '# HTTP TLS',
    'xpack.security.http.ssl:',
    '  enabled: true',
    `  certificate: ${node}.crt`,
    `  key: ${node}.key`,
    '  certificate_authorities: [ "certs/ca/ca.crt" ]',
    '',
  ].join('\n');
}

/** Opens every file, waits until each has published diagnostics, lets the server settle, reads VmRSS. */
async function residentWithFiles(server, files) {
  const idleKb = await residentKb(server.child.pid);
  const all = Promise.all(files.map((f) => server.nextDiagnostics(uriOf(f.file), () => true, 120_000)));
  for (const f of files) server.open(uriOf(f.file), f.text, 1);
  await all;
  await server.settle(500);
  const codes = new Set(files.flatMap((f) => server.latest.get(uriOf(f.file))?.diagnostics.map((d) => d.code) ?? []));
  // Certificates must have been found and read, or the figure says nothing about holding them.
  for (const bad of ['missing-file', 'certificate-unreadable', 'certificate-file-format']) if (codes.has(bad)) throw new Error(`the server reports ${bad}`);
  return { idleKb, kb: await residentKb(server.child.pid) };
}

export async function run({ tmp }) {
  const dir = path.join(tmp, 'memory');
  progress('memory: 100 certificates');
  await makeCertificates(path.join(dir, 'certs'));
  const files = [];
  for (let i = 0; i < FILES; i++) {
    const file = path.join(dir, `elasticsearch-${i}.yml`);
    const text = settingsFile(i);
    await writeFile(file, text);
    files.push({ file, text });
  }
  const schemaFile = path.join(dir, 'elasticsearch.schema.json');
  await writeFile(schemaFile, JSON.stringify(elasticsearchSchema()));

  progress('memory: ours');
  const ours = await startLsp({ script: serverJs, rootDir: dir, initializationOptions: { validationDelay: 0 } });
  const o = await residentWithFiles(ours, files).finally(() => ours.stop());
  progress('memory: yaml-language-server');
  const yaml = { validate: true, hover: false, completion: false, schemaStore: { enable: false }, schemas: { [uriOf(schemaFile)]: ['**/elasticsearch*.yml'] } };
  const base = await startLsp({ script: yamlLsBin, rootDir: dir,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    configuration: (item) => (item.section === 'yaml' ? yaml : item.section === 'http' ? {} : null) });
  const b = await residentWithFiles(base, files).finally(() => base.stop());
  const mb = (kb) => kb / 1024;
  const baselineName = 'yaml-language-server 1.25.0, same files and schema';
  return [
    row({ name: `server VmRSS, ${FILES} files open`, unit: 'MB', ours: mb(o.kb), baseline: mb(b.kb), baselineName, target: '< 150 MB', meets: mb(o.kb) < 150,
      note: 'read from /proc/<pid>/status after every file published its diagnostics and the server was quiet for 500 ms' }),
    row({ name: 'server VmRSS, started, no file open', unit: 'MB', ours: mb(o.idleKb), baseline: mb(b.idleKb), baselineName }),
  ];
}
