#!/usr/bin/env node
// `npm start`: builds and packages Elastic TLS, then opens examples/ with it.
//  - With a desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> examples/`.
//  - Otherwise: code-server (installed into .cache/code-server on first use) on 127.0.0.1, port 8080
//    when free, with the packaged extension installed; prints the URL and runs until Ctrl+C.
//
//   node scripts/start.mjs [--port N] [--no-build] [--screenshot FILE [--exit-after-screenshot]]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createProfile, ensureCodeServer, freePort, installVsix, repoRoot, startCodeServer,
} from './lib/codeServer.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'exit-after-screenshot': { type: 'boolean', default: false },
  },
});
const examples = path.join(repoRoot, 'examples');
const vsix = path.join(repoRoot, 'dist-vsix', 'elastic-tls.vsix');

function npmRun(script) {
  console.log(`> npm run ${script}`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

/** A desktop VS Code launcher on PATH (code-server's own `code-server` does not count). */
function desktopCode() {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim();
  return found && !found.includes('code-server') ? found : undefined;
}

async function main() {
  if (!options['no-build']) {
    fs.mkdirSync(path.dirname(vsix), { recursive: true }); // vsce does not create the -o folder
    npmRun('package'); // production bundle + dist-vsix/elastic-tls.vsix
    npmRun('build'); // development bundle with source maps in dist/ for the development host
  }
  const code = desktopCode();
  if (code && !options.screenshot) {
    console.log(`> ${code} --extensionDevelopmentPath=${repoRoot} ${examples}`);
    const child = spawn(code, [`--extensionDevelopmentPath=${repoRoot}`, examples], { stdio: 'inherit' });
    child.on('exit', (status) => process.exit(status ?? 0));
    return;
  }
  await serveInBrowser();
}

async function serveInBrowser() {
  const bin = ensureCodeServer(undefined, { withBrowser: Boolean(options.screenshot) });
  // A fresh profile each start: the newly packaged extension, no state left from an older build.
  const root = path.join(repoRoot, '.cache', 'start');
  fs.rmSync(root, { recursive: true, force: true });
  const profile = createProfile(root);
  installVsix(bin, profile, vsix);
  const port = options.port ? Number(options.port) : await freePort(8080);
  const server = await startCodeServer({ bin, profile, folder: examples, port });
  let stopping = false;
  const stop = async (status) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server');
    await server.stop();
    process.exit(status);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  server.exited.then((exit) => {
    if (!stopping) {
      console.error(`code-server stopped by itself (${JSON.stringify(exit)}); log: ${server.logPath}`);
      process.exit(1);
    }
  });
  console.log(`\nElastic TLS is running in VS Code (code-server) on examples/:\n\n    ${server.url}/\n`);
  console.log(`Open that URL in a browser. Log: ${server.logPath}. Press Ctrl+C to stop.`);
  if (options.screenshot) {
    const { screenshotTour } = await import('./lib/tour.mjs');
    await screenshotTour(server.url, path.resolve(options.screenshot));
    console.log(`screenshot: ${options.screenshot}`);
    if (options['exit-after-screenshot']) await stop(0);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
