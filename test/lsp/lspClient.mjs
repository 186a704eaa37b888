// A small LSP client for protocol tests: starts dist/server.js over stdio and speaks JSON-RPC to it.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// ESTLS_DIST points the tests at another build folder (default: the repository's dist/).
const dist = process.env.ESTLS_DIST ?? path.join(root, 'dist');
export const serverPath = path.join(dist, 'server.js');
export const cliPath = path.join(dist, 'cli.js');

export const uriOf = (file) => pathToFileURL(file).toString();

/**
 * Waits for an event that satisfies `test`, failing after `ms` with `what` in the message. The timer is
 * cleared as soon as the event arrives.
 */
function waiter(list, listeners, test, ms, what) {
  const found = list.find(test);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const listener = (event) => {
      if (!test(event)) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(event);
    };
    listeners.add(listener);
  });
}

/** Starts the server; `initializationOptions` go to initialize as the VS Code client sends them. */
export async function startServer({ initializationOptions = {}, workspaceFolder, capabilities } = {}) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = [];
  const diagnosticListeners = new Set();
  const logs = [];
  const registrations = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    diagnostics.push(params);
    for (const l of [...diagnosticListeners]) l(params);
  });
  connection.onNotification('window/logMessage', (params) => logs.push(params));
  connection.onRequest('client/registerCapability', (params) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('workspace/configuration', () => [null]);
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspaceFolder ? uriOf(workspaceFolder) : null,
    workspaceFolders: workspaceFolder ? [{ uri: uriOf(workspaceFolder), name: 'ws' }] : null,
    capabilities: capabilities ?? {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: false },
      textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } },
    },
    initializationOptions,
  });
  connection.sendNotification('initialized', {});

  return {
    connection,
    child,
    init,
    logs,
    registrations,
    diagnostics,
    get stderr() {
      return stderr;
    },
    /** The first publishDiagnostics (past or future) for `uri` that passes `test`. */
    waitForDiagnostics(uri, test = () => true, ms = 10_000) {
      return waiter(diagnostics, diagnosticListeners, (p) => p.uri === uri && test(p), ms, `diagnostics for ${uri}`);
    },
    open(uri, text, version = 1, languageId = 'yaml') {
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, text, version) {
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    /** Sends ranged changes ({ range, text }), as an editor does when the server syncs incrementally. */
    edit(uri, contentChanges, version) {
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    close(uri) {
      connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    hover(uri, position) {
      return connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    },
    completion(uri, position) {
      return connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    },
    codeActions(uri, range, diagnostics) {
      return connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
    },
    /** shutdown + exit; resolves with the exit code. */
    async stop() {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      const result = await exited;
      connection.dispose();
      return result;
    },
    kill() {
      child.kill();
    },
  };
}

/** Offset of `needle` in `text` (the `nth` occurrence, from 0), as an LSP position in a text with `\n` lines. */
export function positionOf(text, needle, nth = 0, delta = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`'${needle}' not in text`);
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP text edits (non-overlapping) to a `\n`-separated text. */
export function applyTextEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offsetOf = (p) => Math.min(lineStarts[p.line] + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetOf(e.range.start)) + e.newText + out.slice(offsetOf(e.range.end));
  return out;
}
