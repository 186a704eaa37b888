// `npm run bench`: builds the package once, runs each bench in turn and prints one table per bench
// (`--json`: one JSON array of rows on stdout, nothing else). Options: --only a,b  --skip-build
// --results FILE (also write the text tables, with the date, machine and command, to FILE).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { extensionJs, root, serverJs } from './lib/paths.mjs';
import { formatTable, jsonRow, progress } from './lib/stats.mjs';

const BENCHES = ['diagnostics', 'hover', 'generation', 'activation', 'memory', 'workspace'];
const VSIX = path.join(root, 'dist-vsix', 'elastic-tls.vsix');

function options(argv) {
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7) ?? (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined);
  const results = argv.includes('--results') ? argv[argv.indexOf('--results') + 1] : undefined;
  return { json: argv.includes('--json'), skipBuild: argv.includes('--skip-build'), only: only ? only.split(',') : BENCHES, results };
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(1)).join(' ');

/** Date, machine and command, for the results file. */
function header(argv, loadBefore) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    '# Benchmark results',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.availableParallelism()} CPUs (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}`,
    `- Node ${process.version}`,
    `- Load average (1, 5, 15 min) at start: ${loadBefore}; at end: ${loadAverage()}`,
    `- Command: npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    ...(process.env.BENCH_SOURCE ? [`- Source: ${process.env.BENCH_SOURCE}`] : []),
    '- ratio = baseline / ours (above 1: ours is faster or smaller); p95 = 95th percentile (nearest rank)',
    '',
  ].join('\n');
}

/** `npm run package` (production bundles + .vsix); its output goes to stderr. Sizes are read right after. */
async function packageOnce(skip) {
  if (!skip) {
    // Another build writing dist/ while vsce zips it fails the package ("unexpected number of bytes"): retry.
    for (let attempt = 1; ; attempt++) {
      progress('npm run package');
      try {
        const { stdout } = await promisify(execFile)('npm', ['run', 'package'], { cwd: root, maxBuffer: 64 << 20 });
        if (stdout.includes('WARNING')) process.stderr.write(stdout);
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        progress(`npm run package failed (${String(e.message).split('\n').find((l) => /Error/.test(l)) ?? 'see above'}); trying again`);
      }
    }
  }
  const size = async (f) => (await stat(f)).size;
  return { extension: await size(extensionJs), server: await size(serverJs), vsix: await size(VSIX) };
}

async function main() {
  const argv = process.argv.slice(2);
  const opts = options(argv);
  const loadBefore = loadAverage();
  progress(`load average ${loadBefore}`);
  const sizes = await packageOnce(opts.skipBuild);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'estls-bench-'));
  const all = [];
  const tables = [];
  const started = performance.now();
  try {
    for (const name of BENCHES.filter((b) => opts.only.includes(b))) {
      const bench = await import(`./${name}.mjs`);
      progress(`${name} ...`);
      const t0 = performance.now();
      const rows = await bench.run({ tmp, sizes });
      progress(`${name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      all.push(...rows);
      tables.push(formatTable(bench.title, rows));
      if (!opts.json) process.stdout.write(`${tables[tables.length - 1]}\n`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  progress(`all benches took ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${loadAverage()}`);
  const missed = all.filter((r) => !r.meetsTarget).map((r) => r.name);
  const verdict = missed.length ? `Targets missed: ${missed.join('; ')}\n` : 'Every target met.\n';
  if (opts.json) process.stdout.write(`${JSON.stringify(all.map(jsonRow), null, 2)}\n`);
  else process.stdout.write(verdict);
  if (opts.results) await writeFile(opts.results, `${header(argv, loadBefore)}\n${tables.join('\n')}\n${verdict}`);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
