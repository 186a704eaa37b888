// Run as its own process: loads the extension (or, with --baseline, a bare vscode-languageclient for
// yaml-language-server) against the fake `vscode` module, starts the real server, and prints one JSON line:
// { loadMs, activateMs, readyMs, logged } where readyMs runs from the activate() call to the running client.
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const { installFakeVscode, fakeContext, logLines } = require('./fakeVscode.cjs');

const root = path.resolve(__dirname, '../..');
const baseline = process.argv.includes('--baseline');
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-activate-'));

async function ours() {
  const t0 = performance.now();
  const extension = require(path.join(root, 'dist/extension.js'));
  const loaded = performance.now();
  const api = extension.activate(fakeContext(root, storage));
  const activated = performance.now();
  await api.ready;
  const ready = performance.now();
  const logged = logLines.find((l) => /ready \d+ ms after activation/.test(l));
  const pid = api.serverPid();
  await extension.deactivate();
  return { loadMs: loaded - t0, activateMs: activated - loaded, readyMs: ready - loaded, logged, pid };
}

async function yamlClient() {
  const t0 = performance.now();
  const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
  const loaded = performance.now();
  const module = path.join(root, 'node_modules/yaml-language-server/out/server/src/server.js');
  const client = new LanguageClient('yaml', 'YAML', { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc } },
    { documentSelector: [{ language: 'yaml' }] });
  const activated = performance.now();
  await client.start();
  const ready = performance.now();
  await client.stop();
  return { loadMs: loaded - t0, activateMs: activated - loaded, readyMs: ready - loaded };
}

installFakeVscode(storage);
(baseline ? yamlClient() : ours())
  .then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    fs.rmSync(storage, { recursive: true, force: true });
    process.exit(0);
  })
  .catch((e) => {
    process.stderr.write(`${e?.stack ?? e}\n${logLines.join('\n')}\n`);
    process.exit(1);
  });
