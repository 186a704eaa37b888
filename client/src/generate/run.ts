// The part every generation command shares: check trust, ask the server behind a cancellable progress
// notification, write the files (never over existing ones without consent), then offer the follow-up.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EckResource, GenerateParams, GenerateRequestSpec, GenerateResponse, GenerateResult } from '../../../server/src/protocol';
import type { Services } from '../services';
import { emptyResult, type GenerateCommandArgs, type GenerateCommandResult } from './args';
import { insertSettings, offerFollowUp } from './afterGenerate';
import { offerSecretFollowUp } from './eckSecret';
import { resolveOutputFolder } from './outputFolder';
import { writeGeneratedFiles } from './writeFiles';

export const UNTRUSTED_MESSAGE =
  'Elastic TLS generates no files in an untrusted workspace. Trust this workspace (Manage Workspace Trust) and try again.';

/** False (after telling the user) when the workspace is not trusted. */
export function ensureTrusted(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showErrorMessage(UNTRUSTED_MESSAGE);
  return false;
}

function requestParams(kind: GenerateRequestSpec['kind'], args: GenerateCommandArgs): GenerateParams {
  const { outputDir: _o, overwrite: _w, insertSettings: _i, ...spec } = args;
  const root = vscode.workspace.workspaceFolders?.[0];
  return { ...spec, kind, ...(root?.uri.scheme === 'file' ? { baseDir: root.uri.fsPath } : {}) };
}

/**
 * VS Code keeps a progress notification up for at least this long, however soon the task ends ("without a delay we
 * show the notification for at least 800ms", workbench/services/progress/browser/progressService.ts).
 */
const PROGRESS_MINIMUM_MS = 800;

/** Resolves once the progress notification started at `started` has closed, so no message appears beside it. */
async function progressClosed(started: number): Promise<void> {
  const left = PROGRESS_MINIMUM_MS + 50 - (Date.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

/** Sends estls/generate behind a progress notification; undefined when the user cancelled. */
async function requestWithProgress(services: Services, params: GenerateParams): Promise<GenerateResponse | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Elastic TLS: generating certificates…', cancellable: true },
    (progress, token) =>
      new Promise<GenerateResponse | undefined>((resolve, reject) => {
        // Cancel at once on the user's side; the token also cancels the request in the server, between keys.
        const sub = token.onCancellationRequested(() => resolve(undefined));
        let shown = 0;
        const onProgress = (message: string, percentage?: number): void => {
          const increment = percentage === undefined ? undefined : Math.max(0, percentage - shown);
          if (percentage !== undefined) shown = Math.max(shown, percentage);
          progress.report({ message, increment });
        };
        services.server.generate(params, token, onProgress).then(
          (r) => resolve(token.isCancellationRequested ? undefined : r),
          (e) => (token.isCancellationRequested ? resolve(undefined) : reject(e)),
        ).finally(() => sub.dispose());
      }),
  );
}

async function applyInsertSettings(args: GenerateCommandArgs, result: GenerateResult, outputDir: vscode.Uri): Promise<void> {
  for (const product of ['elasticsearch', 'kibana'] as const) {
    const target = args.insertSettings?.[product];
    // Called from code: save, so the caller (a script or test) finds the settings on disk.
    if (target) await (await insertSettings(vscode.Uri.file(target), result, product, outputDir))?.save();
  }
}

/** Every password in the request is masked in the log from now on (the request may be traced). */
function rememberSecrets(services: Services, args: GenerateCommandArgs): void {
  for (const secret of [args.password, args.ca?.kind === 'pkcs12' ? args.ca.password : undefined, args.ca?.kind === 'pem' ? args.ca.keyPassword : undefined]) {
    if (secret) services.log.addSecret(secret);
  }
}

/** Writes what the server made (all or nothing), then inserts settings or offers the follow-up. */
async function writeResult(
  services: Services,
  result: GenerateResult,
  outputDir: vscode.Uri,
  args: GenerateCommandArgs,
  interactive: boolean,
  progressStarted: number,
  eck: EckResource | undefined,
): Promise<GenerateCommandResult> {
  const policy = interactive ? 'ask' : args.overwrite ? 'replace' : 'refuse';
  const outcome = await writeGeneratedFiles(outputDir, result.files, policy);
  if (outcome.status === 'exists') {
    void vscode.window.showWarningMessage('Elastic TLS: files already exist; nothing was written.');
    return { ...emptyResult('exists'), existing: outcome.existing.map((u) => u.fsPath) };
  }
  services.log.info(`Generated ${outcome.written.length} file(s) in ${outputDir.fsPath}`);
  if (outcome.modesNotSet.length) {
    const names = outcome.modesNotSet.map((u) => u.path.slice(u.path.lastIndexOf('/') + 1)).join(', ');
    void vscode.window.showWarningMessage(
      `Elastic TLS: ${outputDir.scheme}: folders have no file modes the extension can set, so ${names} may be readable by others there. Make sure only you can read them (the command line writes them 0600).`,
    );
  }
  await applyInsertSettings(args, result, outputDir);
  if (interactive) {
    const followUp = result.k8sSpecLines ? () => offerSecretFollowUp(result, outcome.written[0], eck) : () => offerFollowUp(result, outputDir, outcome.written.length);
    void progressClosed(progressStarted).then(followUp);
  }
  return {
    status: 'written',
    written: outcome.written.map((u) => u.fsPath),
    existing: [],
    settings: result.settings,
    keystoreCommands: result.keystoreCommands,
  };
}

/**
 * Generates, writes and follows up. `interactive` decides between a modal question and `args.overwrite`; `eck` is
 * the ECK resource a Secret was asked for (its file is offered after writing).
 */
export async function generateAndWrite(
  services: Services,
  kind: GenerateRequestSpec['kind'],
  args: GenerateCommandArgs,
  interactive: boolean,
  eck?: EckResource,
): Promise<GenerateCommandResult> {
  if (!ensureTrusted()) return emptyResult('untrusted');
  rememberSecrets(services, args);
  const outputDir = resolveOutputFolder(args.outputDir ?? '');
  if (!outputDir) {
    void vscode.window.showErrorMessage('Elastic TLS: choose an output folder (absolute path, or open a workspace folder).');
    return emptyResult('failed', { code: 'INVALID_INPUT', message: 'no output folder' });
  }
  try {
    const progressStarted = Date.now();
    const response = await requestWithProgress(services, requestParams(kind, args));
    if (!response) return emptyResult('cancelled');
    if (response.ok) return await writeResult(services, response.result, outputDir, args, interactive, progressStarted, eck);
    void vscode.window.showErrorMessage(`Elastic TLS: ${response.message}`);
    return emptyResult('failed', { code: response.code, message: response.message });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    services.log.error(`Generating (${kind}) failed`, e);
    void vscode.window.showErrorMessage(`Elastic TLS: generating failed: ${message}`);
    return emptyResult('failed', { code: 'ERROR', message });
  }
}

/**
 * True when a command was called with a full argument object (from code) rather than from the palette, a menu
 * or a quick fix's `{ targetPath }`.
 */
export function isArgs(value: unknown): value is GenerateCommandArgs {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && targetPathOf(value) === undefined;
}

/** The file a quick fix wants made (`{ targetPath }`, an absolute path), if that is what was passed. */
function targetPathOf(value: unknown): string | undefined {
  const target = (value as { targetPath?: unknown } | null)?.targetPath;
  return typeof target === 'string' && path.isAbsolute(target) ? target : undefined;
}

/** The output folder chosen before the prompts: an explorer folder, or the folder of a quick fix's target. */
export function folderArg(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value.scheme === 'file' ? value : undefined;
  const target = targetPathOf(value);
  return target ? vscode.Uri.file(path.dirname(target)) : undefined;
}
