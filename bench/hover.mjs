// Hover on certificate paths in elasticsearch.yml through the protocol: the first request (the server reads and
// parses the file) and warm ones (answered from the certificate cache). Baseline: openssl printing the same file
// as a process, which is a different kind of work (a process start and a text dump, no cache).
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { positionAt, startLsp, uriOf } from './lib/lspClient.mjs';
import { makeFixtureCerts } from './lib/opensslPki.mjs';
import { serverJs } from './lib/paths.mjs';
import { timeProcessRuns } from './lib/proc.mjs';
import { median, p95, progress, row } from './lib/stats.mjs';

export const title = 'Hover on a certificate path';

const PASSWORD = 'bench-pass';
const FIRST_RUNS = 8;
const WARM_RUNS = 50;
const YML = [
  'cluster.name: bench',
  'xpack.security.enabled: true',
  'xpack.security.transport.ssl.enabled: true',
  'xpack.security.transport.ssl.verification_mode: certificate',
  'xpack.security.transport.ssl.keystore.path: certs/node.p12',
  'xpack.security.transport.ssl.truststore.path: certs/node.p12',
  'xpack.security.http.ssl.enabled: true',
  'xpack.security.http.ssl.certificate: certs/chain.pem',
  'xpack.security.http.ssl.key: certs/node.key',
  '',
].join('\n');

const TARGETS = [
  { label: 'P12', needle: 'certs/node.p12', openssl: (dir) => ['pkcs12', '-info', '-nokeys', '-in', path.join(dir, 'certs/node.p12'), '-passin', `pass:${PASSWORD}`], tool: 'openssl pkcs12 -info -nokeys' },
  { label: 'PEM chain', needle: 'certs/chain.pem', openssl: (dir) => ['x509', '-text', '-noout', '-in', path.join(dir, 'certs/chain.pem')], tool: 'openssl x509 -text' },
];

/** A fresh server that will not check the file on its own (so the hover is the first to read the certificate). */
async function freshServer(dir) {
  const server = await startLsp({ script: serverJs, rootDir: dir, initializationOptions: { validationDelay: 60_000 } });
  server.notify('estls/setPasswords', { entries: [{ path: path.join(dir, 'certs/node.p12'), password: PASSWORD }] });
  const uri = uriOf(path.join(dir, 'elasticsearch.yml'));
  server.open(uri, YML, 1);
  return { server, uri };
}

async function timedHover(server, uri, position) {
  const t0 = performance.now();
  const result = await server.hover(uri, position);
  const ms = performance.now() - t0;
  const text = result?.contents?.value ?? '';
  // The hover must show the certificate, not an error or "locked": the subject's CN is in it.
  if (!/node1/.test(text)) throw new Error(`the hover does not show the certificate:\n${text.slice(0, 400)}`);
  return ms;
}

async function measureTarget(dir, target) {
  const position = positionAt(YML, YML.indexOf(target.needle) + 3);
  const first = [];
  let warm = [];
  for (let i = 0; i < FIRST_RUNS; i++) {
    const { server, uri } = await freshServer(dir);
    try {
      first.push(await timedHover(server, uri, position));
      if (i === FIRST_RUNS - 1) for (let j = 0; j < WARM_RUNS; j++) warm.push(await timedHover(server, uri, position));
    } finally {
      await server.stop();
    }
  }
  const tool = await timeProcessRuns('openssl', target.openssl(dir), { runs: 10 });
  return { first, warm, tool };
}

export async function run({ tmp }) {
  const dir = path.join(tmp, 'hover');
  await mkdir(path.join(dir, 'certs'), { recursive: true });
  await makeFixtureCerts(path.join(dir, 'certs'), PASSWORD);
  await writeFile(path.join(dir, 'elasticsearch.yml'), YML);
  const rows = [];
  for (const target of TARGETS) {
    progress(`hover on a ${target.label} path`);
    const { first, warm, tool } = await measureTarget(dir, target);
    const baselineName = `${target.tool} as a process (different work: process start + text dump)`;
    rows.push(
      row({ name: `hover ${target.label}, first request, median`, unit: 'ms', ours: median(first), baseline: median(tool), baselineName,
        note: `first hover in a fresh server (${FIRST_RUNS} servers): parses the YAML and reads${target.label === 'P12' ? ', decrypts' : ''} and decodes the file` }),
      row({ name: `hover ${target.label}, warm, p95`, unit: 'ms', ours: p95(warm), baseline: median(tool), baselineName, target: '< 20 ms', meets: p95(warm) < 20 }),
    );
  }
  return rows;
}
