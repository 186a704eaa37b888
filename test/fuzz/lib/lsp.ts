// The language server as a target: dist/server.js over stdio gets fuzzed settings files through didOpen and
// didChange, hovers, completions, code actions, passwords and inspect requests at random places. After each batch
// a hover must be answered; a dead process, a request without an answer, or a handler failure it logs is a crash.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Corpus } from '../seeds';
import { certFile, generators } from './generators';
import type { FuzzInput } from './input';
import { watchBudget } from './cpu';
import type { Prng } from './prng';
import type { CrashLog } from './report';
import { mutatePem } from './pem';

export interface LspRunOptions {
  serverJs: string;
  until: number;
  rng: Prng;
  corpus: Corpus;
  keys: readonly string[];
  log: CrashLog;
  /** Replay these inputs instead of generating new ones. */
  inputs?: FuzzInput[];
}

/**
 * CPU time the server may spend on one request. A request may check a settings file that names several
 * certificate files, and each read may take MAX_READ_MS (5 s): three of them.
 */
const ANSWER_MS = 15_000;
const BATCH = 8;
const dec = new TextDecoder();

interface Server { proc: ChildProcess; conn: MessageConnection; errors: string[]; exited?: string; diagnostics: Map<string, unknown[]> }

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** `p`, or a rejection once the server has spent ANSWER_MS of CPU time (or sat idle for a minute) without answering. */
function withTimeout<T>(p: Promise<T>, what: string, pid: number | undefined): Promise<T> {
  let cancel = () => undefined as void;
  const t = new Promise<never>((_, reject) => {
    cancel = watchBudget(pid, ANSWER_MS, (how) => reject(new Error(`${what}: no answer after ${how}`)));
  });
  return Promise.race([p, t]).finally(() => cancel());
}

async function startServer(serverJs: string, workspace: string): Promise<Server> {
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const server: Server = { proc, conn, errors: [], diagnostics: new Map() };
  proc.stderr?.on('data', () => undefined);
  proc.on('exit', (code, signal) => (server.exited = `server exited (${code ?? signal})`));
  conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type === 1) server.errors.push(p.message);
  });
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => void server.diagnostics.set(p.uri, p.diagnostics));
  conn.onRequest((_method: string) => null);
  conn.onError(() => undefined);
  conn.listen();
  const rootUri = pathToFileURL(workspace).href;
  await withTimeout(conn.sendRequest('initialize', {
    processId: process.pid, rootUri, capabilities: {}, workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    initializationOptions: { validationDelay: 0 },
  }), 'initialize', proc.pid);
  await conn.sendNotification('initialized', {});
  return server;
}

function stopServer(server: Server): void {
  server.conn.dispose();
  if (server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGKILL');
}

/** Writes the certificate files the corpus' settings files name, with (often mutated) contents. */
function makeWorkspace(opts: LspRunOptions): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-fuzz-lsp-'));
  const names = new Set(['certs/ca.crt', 'certs/http.crt', 'certs/http.key', 'certs/node.p12', 'certs/client.p12']);
  for (const y of opts.corpus.yaml) for (const m of dec.decode(y).matchAll(/certs\/[\w.-]+/g)) names.add(m[0]);
  const files: string[] = [];
  for (const name of names) {
    const file = path.join(dir, 'config', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, certFile(opts.rng, opts.corpus));
    files.push(file);
  }
  return { dir, files };
}

/** Gives a certificate file new (often broken) contents and tells the server, as an editor's file watcher would. */
async function replaceFile(server: Server, opts: LspRunOptions, file: string): Promise<void> {
  fs.writeFileSync(file, certFile(opts.rng, opts.corpus));
  await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
}

interface Step { input: FuzzInput; doc: { uri: string; languageId: string } }

async function exercise(server: Server, step: Step, version: number, files: string[], rng: Prng): Promise<void> {
  const { conn } = server;
  const text = dec.decode(step.input.bytes);
  const textDocument = { uri: step.doc.uri };
  if (version === 1) await conn.sendNotification('textDocument/didOpen', { textDocument: { ...step.doc, version, text } });
  else await conn.sendNotification('textDocument/didChange', { textDocument: { ...textDocument, version }, contentChanges: [{ text }] });
  if (rng.chance(0.1)) {
    const entries = files.slice(0, 3).map((p) => ({ path: p, password: rng.chance(0.8) ? rng.pick(['fuzz-Pa55', '', 'wrong']) : null }));
    await conn.sendNotification('estls/setPasswords', { entries });
  }
  for (const offset of step.input.opts.offsets ?? []) {
    const pos = rng.chance(0.05) ? { line: 1_000_000, character: 1_000_000 } : position(text, offset);
    await withTimeout(conn.sendRequest('textDocument/hover', { textDocument, position: pos }), 'hover', server.proc.pid);
    if (rng.chance(0.5)) await withTimeout(conn.sendRequest('textDocument/completion', { textDocument, position: pos }), 'completion', server.proc.pid);
  }
  const end = position(text, text.length);
  const diagnostics = server.diagnostics.get(step.doc.uri) ?? [];
  await withTimeout(conn.sendRequest('textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics } }), 'codeAction', server.proc.pid);
  if (rng.chance(0.2)) {
    await withTimeout(conn.sendRequest('estls/inspectFile', { path: rng.pick(files), password: rng.chance(0.5) ? 'fuzz-Pa55' : undefined }).catch(() => undefined), 'inspectFile', server.proc.pid);
  }
}

/** A mutator that throws is the harness's bug; the run goes on with a plain seed. */
function safely<T>(make: () => T, fallback: T): T {
  try {
    return make();
  } catch {
    return fallback;
  }
}

function stepsFor(opts: LspRunOptions, workspace: string): () => Step {
  const gen = generators(opts.corpus, opts.keys).rules;
  const esUri = pathToFileURL(path.join(workspace, 'config', 'elasticsearch.yml')).href;
  const kbUri = pathToFileURL(path.join(workspace, 'config', 'kibana.yml')).href;
  const pemUri = pathToFileURL(path.join(workspace, 'config', 'certs', 'open.crt')).href;
  let replay = 0;
  return () => {
    const input = opts.inputs ? opts.inputs[replay++] : safely(() => gen!(opts.rng), { bytes: opts.corpus.yaml[0], opts: {} });
    if (!opts.inputs && opts.rng.chance(0.1) && opts.corpus.pem.length) {
      const pem = mutatePem(opts.rng.pick(opts.corpus.pem), opts.rng, opts.corpus.pem, opts.corpus.der);
      return { input: { bytes: pem, opts: { offsets: input.opts.offsets } }, doc: { uri: pemUri, languageId: 'pem' } };
    }
    const uri = input.opts.product === 'kibana' ? kbUri : esUri;
    return { input, doc: { uri, languageId: 'yaml' } };
  };
}

/** Runs batches until `until`; counts every text sent as one input of target `lsp`. */
export async function runLspTarget(opts: LspRunOptions): Promise<void> {
  const { dir, files } = makeWorkspace(opts);
  const next = stepsFor(opts, dir);
  const versions = new Map<string, number>();
  let server: Server | undefined;
  let remaining = opts.inputs?.length ?? Infinity;
  try {
    while (Date.now() < opts.until && remaining > 0) {
      if (!server) {
        server = await startServer(opts.serverJs, dir);
        versions.clear();
      }
      if (!opts.inputs && opts.rng.chance(0.3)) await replaceFile(server, opts, opts.rng.pick(files));
      let last: Step | undefined;
      for (let i = 0; i < BATCH && remaining > 0 && Date.now() < opts.until; i++, remaining--) {
        const step = (last = next());
        const version = (versions.get(step.doc.uri) ?? 0) + 1;
        versions.set(step.doc.uri, version);
        const started = performance.now();
        let failure: string | undefined;
        try {
          await exercise(server, step, version, files, opts.rng);
        } catch (e) {
          failure = (e as Error).message;
        }
        const logged = server.errors.splice(0);
        const crash = failure ?? server.exited ?? (logged.length ? logged[0] : undefined);
        opts.log.record('lsp', step.input, performance.now() - started, undefined, crash ? { name: failure ? 'NoAnswer' : server.exited ? 'ServerDied' : 'HandlerFailure', message: crash.split('\n')[0], stack: crash } : undefined);
        if (failure || server.exited) {
          // The loop's own count is skipped by the break: a replayed input must not be taken again.
          remaining--;
          break;
        }
      }
      const alive = !server.exited && (await withTimeout(server.conn.sendRequest('textDocument/hover', { textDocument: { uri: last?.doc.uri ?? '' }, position: { line: 0, character: 0 } }), 'liveness hover', server.proc.pid).then(() => true, () => false));
      if (!alive) {
        if (last) opts.log.crash('lsp', last.input, { name: 'ServerDead', message: server.exited ?? 'the liveness hover got no answer after the batch' });
        stopServer(server);
        server = undefined;
      }
    }
  } finally {
    if (server) {
      await withTimeout(server.conn.sendRequest('shutdown'), 'shutdown', server.proc.pid).catch(() => undefined);
      await server.conn.sendNotification('exit').catch(() => undefined);
      stopServer(server);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
