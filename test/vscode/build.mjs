// Bundles the extension-host suite: out/test/vscode/index.js (the test-electron `run()` entry, with mocha inside)
// and one file per suite under out/test/vscode/suite/. `vscode` stays external: the extension host provides it.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const outdir = path.join(root, 'out', 'test', 'vscode');
const suites = fs
  .readdirSync(path.join(here, 'suite'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => path.join(here, 'suite', f));

fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [path.join(here, 'index.ts'), ...suites],
  outdir,
  outbase: here,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // mocha's parallel mode (unused here) resolves worker files at run time.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
console.log(`test/vscode: built ${suites.length} suite file(s) into ${path.relative(root, outdir)}`);
