#!/usr/bin/env node
// `npm run test:e2e`: build, package, install code-server if needed, then run the end-to-end suites
// (the Playwright one in the workbench and the test/vscode suite in the extension host) and print
// how long each phase took.
//
//   node scripts/testE2e.mjs [test files...]     default: every test/e2e/*.test.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, repoRoot } from './lib/codeServer.mjs';

const timings = [];

/** Runs one phase, records its duration, and stops everything when it fails. */
function phase(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push([name, Date.now() - started, result.status]);
  return result.status ?? 1;
}

function report() {
  console.log('\n=== e2e timings');
  for (const [name, ms, status] of timings) {
    console.log(`${name.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s${status === 0 ? '' : `  (exit ${status})`}`);
  }
}

function main() {
  const vsix = path.join(repoRoot, 'dist-vsix', 'elastic-tls.vsix');
  const steps = [
    ['build (esbuild)', 'npm', ['run', '--silent', 'build']],
    ['build test/vscode suite', 'node', ['test/vscode/build.mjs']],
    ['package (.vsix)', 'npm', ['run', '--silent', 'package']],
  ];
  fs.mkdirSync(path.dirname(vsix), { recursive: true }); // vsce does not create the -o folder
  for (const [name, command, args] of steps) {
    if (phase(name, command, args) !== 0) return 1;
  }
  const started = Date.now();
  try {
    ensureCodeServer();
    timings.push(['setup code-server', Date.now() - started, 0]);
  } catch (error) {
    timings.push(['setup code-server', Date.now() - started, 1]);
    console.error(error.message);
    return 1;
  }
  const requested = process.argv.slice(2);
  const files = requested.length ? requested : fs.readdirSync(path.join(repoRoot, 'test', 'e2e'))
    .filter((name) => name.endsWith('.test.mjs')).sort().map((name) => path.join('test', 'e2e', name));
  // one file at a time: each starts its own code-server and chromium, two cores are not enough for more
  return phase('e2e suites', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    ESTLS_E2E_VSIX: vsix,
    ESTLS_E2E_PREBUILT: '1',
  });
}

const status = main();
report();
process.exit(status);
