// `npm run bench`: builds the package once, runs each bench in turn and prints one table per bench
// (`--json`: one JSON array of rows on stdout, nothing else). Options: --only a,b  --skip-build.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { extensionJs, root, serverJs } from './lib/paths.mjs';
import { formatTable, progress } from './lib/stats.mjs';

const BENCHES = ['diagnostics', 'hover', 'generation', 'activation', 'memory'];
const VSIX = path.join(root, 'dist-vsix', 'elastic-tls.vsix');

function options(argv) {
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7) ?? (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined);
  return { json: argv.includes('--json'), skipBuild: argv.includes('--skip-build'), only: only ? only.split(',') : BENCHES };
}

/** `npm run package` (production bundles + .vsix); its output goes to stderr. Sizes are read right after. */
async function packageOnce(skip) {
  if (!skip) {
    progress('npm run package');
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', 'package'], { cwd: root, maxBuffer: 64 << 20 });
    process.stderr.write(stderr.split('\n').filter((l) => !/Unknown user config/.test(l)).join('\n'));
    if (stdout.includes('WARNING')) process.stderr.write(stdout);
  }
  const size = async (f) => (await stat(f)).size;
  return { extension: await size(extensionJs), server: await size(serverJs), vsix: await size(VSIX) };
}

async function main() {
  const opts = options(process.argv.slice(2));
  const sizes = await packageOnce(opts.skipBuild);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'estls-bench-'));
  const all = [];
  const started = performance.now();
  try {
    for (const name of BENCHES.filter((b) => opts.only.includes(b))) {
      const bench = await import(`./${name}.mjs`);
      progress(`${name} ...`);
      const t0 = performance.now();
      const rows = await bench.run({ tmp, sizes });
      progress(`${name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      all.push(...rows);
      if (!opts.json) process.stdout.write(`${formatTable(bench.title, rows)}\n`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  progress(`all benches took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (opts.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  else {
    const missed = all.filter((r) => r.meetsTarget === false).map((r) => r.name);
    process.stdout.write(missed.length ? `Targets missed: ${missed.join('; ')}\n` : 'Every target met.\n');
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
