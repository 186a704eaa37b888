// Activation and size. VS Code itself is not available to a plain benchmark, so activation runs in a Node
// harness (lib/activateHarness.cjs): dist/extension.js against a minimal fake `vscode` module, starting the real
// server over IPC as VS Code would. Sizes come from the production build `npm run package` just made.
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { root } from './lib/paths.mjs';
import { timeProcessRuns } from './lib/proc.mjs';
import { median, p95, progress, row } from './lib/stats.mjs';

export const title = 'Activation and size';

const RUNS = 6;
const harness = path.join(root, 'bench/lib/activateHarness.cjs');
const run_ = promisify(execFile);

async function activations(args) {
  const out = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const { stdout } = await run_(process.execPath, [harness, ...args], { cwd: root });
    if (i > 0) out.push(JSON.parse(stdout.trim().split('\n').pop()));
  }
  return out;
}

/** Minified bundle size of an entry, built the way esbuild.mjs builds ours (baselines for the sizes). */
async function bundleSize(tmp, name, contents, external = []) {
  const entry = path.join(tmp, `${name}-entry.cjs`);
  await writeFile(entry, contents);
  const outfile = path.join(tmp, `${name}.js`);
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true,
    legalComments: 'none', logLevel: 'silent', external, nodePaths: [path.join(root, 'node_modules')] });
  const bytes = await readFile(outfile);
  return { size: (await stat(outfile)).size, deflated: deflateRawSync(bytes, { level: 9 }).length };
}

export async function run({ tmp, sizes }) {
  progress('activation: ours');
  const ours = await activations([]);
  progress('activation: vscode-languageclient + yaml-language-server');
  const base = await activations(['--baseline']);
  const nodeFloor = await timeProcessRuns(process.execPath, ['-e', ''], { runs: 10 });
  const lcName = 'bare vscode-languageclient starting yaml-language-server, same harness';
  const ready = ours.map((r) => r.readyMs);
  const activate = ours.map((r) => r.activateMs);

  progress('sizes');
  const serverJs = path.join(root, 'node_modules/yaml-language-server/out/server/src/server.js');
  const yls = await bundleSize(tmp, 'yaml-ls', `require(${JSON.stringify(serverJs)});`);
  const lc = await bundleSize(tmp, 'languageclient', "module.exports = require('vscode-languageclient/node');", ['vscode']);
  const kb = (n) => n / 1024;
  return [
    row({ name: 'activate() returns, median', unit: 'ms', ours: median(activate), baseline: median(base.map((r) => r.activateMs)), baselineName: `${lcName} (new LanguageClient)`,
      target: '< 50 ms', meets: p95(activate) < 50, note: 'what the extension host waits for; the server starts after activate() returns' }),
    row({ name: 'activate() to client ready, median', unit: 'ms', ours: median(ready), baseline: median(base.map((r) => r.readyMs)), baselineName: lcName,
      target: '< 50 ms', meets: median(ready) < 50,
      note: `measured in a plain Node harness with a fake vscode module (no editor here); includes spawning the server process and initialize. Starting and ending an empty node process alone takes ${Math.round(median(nodeFloor))} ms (median) in this run. The client logs the same figure as "Language server ready N ms after activation"` }),
    row({ name: 'module load of dist/extension.js, median', unit: 'ms', ours: median(ours.map((r) => r.loadMs)), baseline: median(base.map((r) => r.loadMs)), baselineName: 'require(vscode-languageclient/node)' }),
    row({ name: 'dist/extension.js', unit: 'KB', ours: kb(sizes.extension), baseline: kb(lc.size), baselineName: 'vscode-languageclient/node alone, minified bundle' }),
    row({ name: 'dist/server.js', unit: 'KB', ours: kb(sizes.server), baseline: kb(yls.size), baselineName: 'yaml-language-server 1.25.0, minified bundle' }),
    row({ name: '.vsix (npm run package)', unit: 'KB', ours: kb(sizes.vsix), baseline: kb(yls.deflated + lc.deflated), baselineName: 'yaml-language-server + vscode-languageclient bundles, deflated (what they would weigh in a .vsix)',
      target: '< 1.5 MB', meets: sizes.vsix < 1.5 * 1024 * 1024 }),
  ];
}
