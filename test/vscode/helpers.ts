// Shared helpers for the extension-host suite: the extension's API, temp folders, and waiting for events (never
// sleeping): each wait resolves on the event it needs and fails with a clear message at its deadline.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ElasticTlsApi } from '../../client/src/extension';
import type { GenerateCommandArgs, GenerateCommandResult } from '../../client/src/generate/args';

export const EXTENSION_ID = 'elastic-tls.elastic-tls';
const DEADLINE_MS = 30_000;

/** Activates the extension (if the workspace has not already) and waits for the language server. */
export async function activeApi(): Promise<ElasticTlsApi> {
  const extension = vscode.extensions.getExtension<ElasticTlsApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** The repository's test/vscode/fixtures folder. */
export function fixturesDir(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return path.join(extension.extensionPath, 'test', 'vscode', 'fixtures');
}

/** A fresh temp folder; the caller removes it with `removeDir`. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `estls-${prefix}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** Copies a fixture file into `dir` (optionally under another name) and returns its path. */
export function copyFixture(name: string, dir: string, as = name): string {
  const target = path.join(dir, as);
  fs.copyFileSync(path.join(fixturesDir(), name), target);
  return target;
}

/** Resolves with `value` when `event` fires with a value passing `accept`; rejects at the deadline. */
export function waitFor<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, ms = DEADLINE_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/** The rule id of a diagnostic (VS Code turns a code with a docs link into `{ value, target }`). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Waits until the diagnostics of `uri` pass `accept` (checks the current ones first). */
export async function diagnosticsWhere(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  const pending = waitFor(
    vscode.languages.onDidChangeDiagnostics,
    (e) => e.uris.some((u) => u.toString() === uri.toString()) && accept(vscode.languages.getDiagnostics(uri)),
    `${what} on ${path.basename(uri.fsPath)}`,
  );
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) {
    pending.catch(() => undefined);
    return now;
  }
  await pending;
  return vscode.languages.getDiagnostics(uri);
}

/** Waits for a diagnostic with the rule id `ruleId` on `uri`. */
export async function diagnosticWithCode(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic> {
  const all = await diagnosticsWhere(uri, (ds) => ds.some((d) => codeOf(d) === ruleId), `a ${ruleId} diagnostic`);
  return all.find((d) => codeOf(d) === ruleId) as vscode.Diagnostic;
}

/** Opens a file in an editor. */
export async function openFile(file: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The position of the `nth` occurrence of `needle` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  if (index < 0) throw new Error(`${needle} is not in ${document.fileName}`);
  return document.positionAt(index + offset);
}

/** The text of every hover at a position, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Runs a generation command with an argument object (no prompts). */
export async function generate(command: string, args: GenerateCommandArgs): Promise<GenerateCommandResult> {
  const result = await vscode.commands.executeCommand<GenerateCommandResult>(command, args);
  if (!result) throw new Error(`${command} returned nothing`);
  return result;
}

/** Closes every editor so one test's editors do not leak into the next. */
export async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
