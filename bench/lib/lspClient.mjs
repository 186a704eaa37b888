// One JSON-RPC client for every language server the benches drive, so ours and the baseline pay the same
// client costs. Diagnostics are stamped with performance.now() the moment the notification is read.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const uriOf = (file) => pathToFileURL(file).toString();

/** The one range of `before` that differs from `after`, with the text that replaces it (an LSP content change). */
export function rangeChange(before, after) {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shortest - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { range: { start: positionAt(before, start), end: positionAt(before, before.length - tail) }, text: after.slice(start, after.length - tail) };
}

/**
 * Starts `node <script> --stdio [args]` and initializes it.
 * `configuration` answers workspace/configuration items (default: null each).
 */
export async function startLsp({ script, args = [], nodeArgs = [], initializationOptions = {}, rootDir, capabilities, configuration }) {
  const child = spawn(process.execPath, [...nodeArgs, script, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const listeners = new Set();
  /** Latest diagnostics per uri, so the memory bench can see every file answered. */
  const latest = new Map();
  const counts = { published: 0 };
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    counts.published++;
    latest.set(params.uri, params);
    for (const l of [...listeners]) l(params, at);
  });
  // The last log lines, so a server that fails to publish can say why.
  const logs = [];
  connection.onNotification('window/logMessage', (p) => logs.push(p.message) > 30 && logs.shift());
  connection.onNotification(() => undefined);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (p) => p.items.map((item) => (configuration ? configuration(item) : null)));
  connection.onRequest(() => null);
  connection.listen();

  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: rootDir ? uriOf(rootDir) : null,
    workspaceFolders: rootDir ? [{ uri: uriOf(rootDir), name: 'bench' }] : null,
    capabilities: capabilities ?? {
      workspace: { configuration: false, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { versionSupport: true } },
    },
    initializationOptions,
  });
  connection.sendNotification('initialized', {});
  // As VS Code does: a server that declares incremental sync gets each edit's range and text, others the whole
  // text. The texts sent so far, per uri, to find what an edit changed.
  const sync = init?.capabilities?.textDocumentSync;
  const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
  const texts = new Map();

  return {
    connection,
    child,
    init,
    latest,
    /** How many publishDiagnostics arrived so far (all uris). */
    get published() {
      return counts.published;
    },
    /** Resolves once no diagnostics arrived for `quietMs` (stale publishes from the open are drained). */
    async settle(quietMs) {
      for (let seen = -1; seen !== counts.published; ) {
        seen = counts.published;
        await new Promise((r) => setTimeout(r, quietMs));
      }
    },
    get stderr() {
      return stderr;
    },
    notify: (method, params) => connection.sendNotification(method, params),
    open(uri, text, version = 1, languageId = 'yaml') {
      texts.set(uri, text);
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    /** Sends the new text of `uri`: as the one range it changed when the server syncs incrementally. */
    change(uri, text, version) {
      const before = texts.get(uri);
      texts.set(uri, text);
      const contentChanges = incremental && before !== undefined ? [rangeChange(before, text)] : [{ text }];
      return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    /** Whether the server asked for incremental changes. */
    incremental,
    hover(uri, position) {
      return connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    },
    /**
     * Resolves with { params, at } for the next diagnostics of `uri` that pass `test`; install it BEFORE sending
     * the change it answers.
     */
    nextDiagnostics(uri, test = () => true, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no diagnostics for ${uri} within ${ms} ms\n${logs.join('\n').slice(-2000)}\n${stderr.slice(-2000)}`));
        }, ms);
        const listener = (params, at) => {
          if (params.uri !== uri || !test(params)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve({ params, at });
        };
        listeners.add(listener);
      });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        connection.sendNotification('exit');
      } catch {
        // The process may already be gone.
      }
      const timer = setTimeout(() => child.kill(), 2000);
      const result = await exited;
      clearTimeout(timer);
      connection.dispose();
      return result;
    },
  };
}

/** LSP position of a character offset in a `\n`-separated text. */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Resident memory of a process in kB, from /proc/<pid>/status (VmRSS). */
export async function residentKb(pid) {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) : NaN;
}
