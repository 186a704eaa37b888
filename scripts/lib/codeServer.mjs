// Starts and stops code-server (a real VS Code server with its browser workbench) for the
// end-to-end tests, the extension-host test runner and `npm start`.
/* global fetch */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where scripts/setup-code-server.sh installs code-server unless CODE_SERVER_DIR says otherwise. */
export const codeServerDir = process.env.CODE_SERVER_DIR ?? path.join(repoRoot, '.cache', 'code-server');

/** The code-server launcher inside an install folder. */
export const codeServerBin = (dir = codeServerDir) => path.join(dir, 'node_modules', '.bin', 'code-server');

/** Workbench settings for a quiet, predictable window: no trust prompt, no welcome page, no network. */
export const quietSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'editor.hover.delay': 300,
  'workbench.reduceMotion': 'on',
  'chat.commandCenter.enabled': false,
};

/**
 * Installs code-server when needed (idempotent, about a second when already there).
 * `withBrowser: false` skips installing chromium, which only the tests need.
 */
export function ensureCodeServer(dir = codeServerDir, { withBrowser = true } = {}) {
  const script = path.join(repoRoot, 'scripts', 'setup-code-server.sh');
  const env = { ...process.env, NO_CHROMIUM: withBrowser ? '0' : '1' };
  const result = spawnSync('bash', [script, dir], { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`setup-code-server.sh failed with status ${result.status}`);
  return codeServerBin(dir);
}

/** A free TCP port on `host` (default 127.0.0.1); `preferred` is used when it is free. */
export async function freePort(preferred = 0, host = '127.0.0.1') {
  const listen = (port) => new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
  if (preferred) {
    try { return await listen(preferred); } catch { /* taken: fall through to any free port */ }
  }
  return listen(0);
}

/** The environment for a child code-server: without the hook that hands work to another instance. */
export function childEnv() {
  const env = { ...process.env };
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

/**
 * Creates a fresh profile under `root` (user data, extensions, config) so nothing is read from ~.
 * @returns {{ root: string, userDataDir: string, extensionsDir: string, config: string, common: string[] }}
 */
export function createProfile(root, settings = {}) {
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const config = path.join(root, 'config.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  fs.writeFileSync(config, 'auth: none\n');
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  return { root, userDataDir, extensionsDir, config, common };
}

/** Installs a .vsix into the profile's extensions folder; returns the CLI's output. */
export function installVsix(bin, profile, vsix) {
  return execFileSync(bin, [...profile.common, '--install-extension', vsix],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
}

const running = new Set();
// Last resort: never leave a server group behind when this process ends.
process.on('exit', () => {
  for (const pid of running) { try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ } }
});

/** True for an address only this machine can reach. */
export const isLoopback = (host) => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** The address to reach a server bound to `host` from this machine (all interfaces: loopback). */
const reachableHost = (host) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host);

/**
 * Starts code-server in its own process group (on 127.0.0.1 unless `host` says otherwise) and waits until
 * /healthz answers. `auth: 'password'` makes code-server ask for $PASSWORD, for a host others can reach.
 * @param {{ bin?: string, profile: ReturnType<typeof createProfile>, folder?: string, port?: number,
 *   host?: string, auth?: 'none' | 'password', readyTimeoutMs?: number }} options
 */
export async function startCodeServer({ bin = codeServerBin(), profile, folder, port, host = '127.0.0.1', auth = 'none', readyTimeoutMs = 60_000 }) {
  const chosen = port ?? await freePort();
  const logPath = path.join(profile.root, 'code-server.log');
  const log = fs.openSync(logPath, 'a');
  const bindHost = host.includes(':') ? `[${host}]` : host;
  const args = [...profile.common, '--auth', auth, '--bind-addr', `${bindHost}:${chosen}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'];
  if (folder) args.push(folder);
  // detached: the server, its extension hosts and language servers share one process group
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', log, log], env: childEnv() });
  fs.closeSync(log);
  running.add(child.pid);
  const state = { exit: null };
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    state.exit = { code, signal };
    resolve(state.exit);
  }));
  const server = { url: `http://${reachableHost(host)}:${chosen}`, port: chosen, pid: child.pid, logPath, exited,
    stop: () => stopGroup(child.pid, state, exited) };
  try {
    await waitHealthy(server.url, state, logPath, readyTimeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitHealthy(url, state, logPath, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (state.exit) {
      throw new Error(`code-server exited before it was ready (${JSON.stringify(state.exit)}):\n${tail(logPath)}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server was not ready after ${timeoutMs} ms:\n${tail(logPath)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM to the whole group, SIGKILL after 5 s; resolves when the group leader is gone. */
async function stopGroup(pid, state, exited) {
  const signalGroup = (signal) => { try { process.kill(-pid, signal); } catch { /* group gone */ } };
  signalGroup('SIGTERM');
  let timer;
  const grace = new Promise((resolve) => { timer = setTimeout(resolve, 5000); });
  await Promise.race([exited, grace]);
  clearTimeout(timer);
  // the leader may be gone while extension hosts linger in the group
  signalGroup('SIGKILL');
  running.delete(pid);
  return state.exit;
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A path on the server machine as the workbench names it (code-server's remote authority is "remote"). */
export const remoteUri = (absolutePath) => `vscode-remote://remote${absolutePath}`;

/** The workbench URL that opens `folder`, with an optional payload (dev extension, tests, file to open). */
export function workbenchUrl(server, { folder, payload } = {}) {
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
  else query.push('ew=true');
  if (payload?.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/?${query.join('&')}`;
}
