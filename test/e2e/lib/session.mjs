// One end-to-end session: the packaged extension installed into a fresh profile, code-server on a
// free 127.0.0.1 port with a temp copy of examples/ open, and a headless chromium on the workbench.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../../scripts/lib/browser.mjs';
import {
  codeServerBin, createProfile, installVsix, repoRoot, startCodeServer, workbenchUrl,
} from '../../../scripts/lib/codeServer.mjs';

/** The packaged extension that `npm run package` writes. */
export const defaultVsix = path.join(repoRoot, 'dist-vsix', 'elastic-tls.vsix');

/**
 * The .vsix under test. ESTLS_E2E_VSIX names one that is already built (`npm run test:e2e` packages
 * first and sets it); otherwise this runs `npm run package` so a stale file is never tested.
 */
export function packagedExtension() {
  if (process.env.ESTLS_E2E_VSIX) return path.resolve(process.env.ESTLS_E2E_VSIX);
  fs.mkdirSync(path.dirname(defaultVsix), { recursive: true }); // vsce does not create the -o folder
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
  return defaultVsix;
}

/** Copies examples/ to a temp folder so files the tests generate never touch the repository. */
export function copyExamples(root) {
  const target = path.join(root, 'examples');
  fs.cpSync(path.join(repoRoot, 'examples'), target, { recursive: true });
  return target;
}

/**
 * Starts a session. `close()` always closes the browser, stops the server's whole process group
 * and removes the temp folder, whatever state the session is in.
 * `prepare(folder)` may add files to the workspace before VS Code opens it.
 * @param {{ vsix: string, settings?: object, viewport?: { width: number, height: number }, prepare?: (folder: string) => void }} options
 */
export async function openSession({ vsix, settings = {}, viewport = { width: 1400, height: 900 }, prepare }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-e2e-'));
  const session = { root, folder: copyExamples(root), server: undefined, browser: undefined, page: undefined };
  prepare?.(session.folder);
  session.close = async () => {
    await session.browser?.close().catch(() => undefined);
    await session.server?.stop();
    if (!process.env.ESTLS_E2E_KEEP) fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    const profile = createProfile(path.join(root, 'profile'), settings);
    session.installLog = installVsix(codeServerBin(), profile, vsix);
    session.extensionsDir = profile.extensionsDir;
    session.server = await startCodeServer({ profile, folder: session.folder });
    session.browser = await launchChromium();
    session.page = await session.browser.newPage({ viewport });
    session.browserErrors = [];
    session.page.on('pageerror', (error) => session.browserErrors.push(String(error)));
    await session.page.goto(workbenchUrl(session.server, { folder: session.folder }));
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
