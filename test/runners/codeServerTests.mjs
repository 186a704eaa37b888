#!/usr/bin/env node
// Runs an extension's integration suite (the test-electron contract: a module whose
// `run(): Promise<void>` settles when the tests are done) inside code-server's real Node
// extension host, driven by a headless chromium. The workbench reports the suite's end through
// window.codeAutomationExit and forwards the extension host's console through
// window.codeAutomationLog, which this runner provides.
//
//   node test/runners/codeServerTests.mjs --extensionDevelopmentPath . \
//     --extensionTestsPath out/test/vscode/index.js --folder examples [--copy-folder] [--timeout 300]
//
// --copy-folder opens a temp copy of --folder, so files the suite writes never land in the repository.
// Exit status 0 when the suite passed, 1 when it failed or timed out, 2 on bad arguments.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/lib/browser.mjs';
import {
  codeServerBin, createProfile, ensureCodeServer, remoteUri, startCodeServer, workbenchUrl,
} from '../../scripts/lib/codeServer.mjs';

// Workbench chatter that says nothing about the tests.
const noise = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\])|open-vsx\.org|vsda|^ChatSessionStore/;

/**
 * Runs the suite and resolves with its exit code (0 = passed; 'timeout' when it never finished).
 * An EMPTY extensions folder is used, so an installed copy of the extension cannot run beside
 * the development one and double every diagnostic.
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, folder?: string,
 *   copyFolder?: boolean, timeoutMs?: number, bin?: string, onLog?: (line: string, type: string) => void }} options
 */
export async function runExtensionTests(options) {
  const { timeoutMs = 300_000, onLog = defaultLog } = options;
  const devPath = path.resolve(options.extensionDevelopmentPath);
  const testsPath = path.resolve(options.extensionTestsPath);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-ext-tests-'));
  let folder = options.folder ? path.resolve(options.folder) : undefined;
  if (folder && options.copyFolder) {
    const copy = path.join(root, 'workspace', path.basename(folder));
    fs.cpSync(folder, copy, { recursive: true });
    folder = copy;
  }
  let server;
  let browser;
  let timer;
  try {
    const profile = createProfile(path.join(root, 'profile'));
    server = await startCodeServer({ bin: options.bin ?? codeServerBin(), profile, folder });
    browser = await launchChromium();
    const page = await browser.newPage();
    let finish;
    const finished = new Promise((resolve) => { finish = resolve; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (!noise.test(line)) onLog(line, type);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    const payload = [['extensionDevelopmentPath', remoteUri(devPath)], ['extensionTestsPath', remoteUri(testsPath)]];
    await page.goto(workbenchUrl(server, { folder, payload }));
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    return await Promise.race([finished, timedOut]);
  } finally {
    clearTimeout(timer); // a pending timer would keep the process alive
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function defaultLog(line, type) {
  (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

async function main() {
  const { values } = util.parseArgs({
    options: {
      extensionDevelopmentPath: { type: 'string' },
      extensionTestsPath: { type: 'string' },
      folder: { type: 'string' },
      'copy-folder': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '300' },
      'code-server': { type: 'string' },
    },
  });
  if (!values.extensionDevelopmentPath || !values.extensionTestsPath) {
    console.error('usage: codeServerTests.mjs --extensionDevelopmentPath DIR --extensionTestsPath FILE [--folder DIR [--copy-folder]] [--timeout SECONDS] [--code-server BIN]');
    return 2;
  }
  const bin = values['code-server'] ?? ensureCodeServer();
  const code = await runExtensionTests({
    extensionDevelopmentPath: values.extensionDevelopmentPath,
    extensionTestsPath: values.extensionTestsPath,
    folder: values.folder,
    copyFolder: values['copy-folder'],
    timeoutMs: Number(values.timeout) * 1000,
    bin,
  });
  console.log(`extension tests finished: ${code === 'timeout' ? 'timed out' : `exit code ${code}`}`);
  return code === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
  main().then((status) => process.exit(status), (error) => {
    console.error(error);
    process.exit(1);
  });
}
