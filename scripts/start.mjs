#!/usr/bin/env node
// `npm start`: builds and packages Elastic TLS, then opens examples/ with it.
//  - With a desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> examples/`.
//  - Otherwise: code-server (installed into .cache/code-server on first use) on 127.0.0.1, port 8080
//    when free, with the packaged extension installed; prints the URL and runs until Ctrl+C.
//
//   node scripts/start.mjs [--port N] [--host H] [--no-build] [--screenshot FILE [--exit-after-screenshot]]
//   (through npm: npm start -- --port 8443 --host 0.0.0.0)
//
// --host other than loopback makes VS Code (which has a terminal) reachable from the network, so code-server
// then asks for a password: set PASSWORD in the environment (code-server reads it), or use an SSH tunnel instead
// (ssh -L 8080:127.0.0.1:8080 the-machine) and keep the default host.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createProfile, ensureCodeServer, freePort, installVsix, isLoopback, repoRoot, startCodeServer,
} from './lib/codeServer.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
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
  const listen = listenOptions(); // before the build: a bad --port or --host fails at once
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
  await serveInBrowser(listen);
}

/** The port and host to serve on, and whether code-server must ask for a password; throws on bad values. */
function listenOptions() {
  const { host } = options;
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`--port must be 1-65535, not '${options.port}'`);
  const auth = isLoopback(host) ? 'none' : 'password';
  if (auth === 'password' && !process.env.PASSWORD) {
    throw new Error(`--host ${host} lets other machines reach VS Code and its terminal: set PASSWORD=... for code-server's login, ` +
      'or keep the default host and use an SSH tunnel (ssh -L 8080:127.0.0.1:8080 <this machine>)');
  }
  return { host, port, auth };
}

async function serveInBrowser(listen) {
  const bin = ensureCodeServer(undefined, { withBrowser: Boolean(options.screenshot) });
  // A fresh profile each start: the newly packaged extension, no state left from an older build.
  const root = path.join(repoRoot, '.cache', 'start');
  fs.rmSync(root, { recursive: true, force: true });
  const profile = createProfile(root);
  installVsix(bin, profile, vsix);
  const port = listen.port ?? await freePort(8080, listen.host);
  const server = await startCodeServer({ bin, profile, folder: examples, port, host: listen.host, auth: listen.auth });
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
  const where = listen.host === '0.0.0.0' || listen.host === '::' ? ` (all interfaces: use this machine's address instead of ${new URL(server.url).hostname})` : '';
  console.log(`\nElastic TLS is running in VS Code (code-server) on examples/:\n\n    ${server.url}/${where}\n`);
  if (listen.auth === 'password') console.log('code-server asks for the password in $PASSWORD.');
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
