// Activation only: create the log, the password store and the server gateway, register commands and the certificate
// viewer, then start the language server in the background (loaded lazily) and log how long that took.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CertificateEditorProvider, type ViewState } from './certificateEditor/provider';
import { registerCommands } from './commands/index';
import { createLog } from './log';
import { PasswordStore } from './passwordStore';
import { ServerGateway } from './server';
import { registerViews } from './views/index';
import type { Services } from './services';

/** What activate() returns: for tests and other extensions; holds no secret. */
export interface ElasticTlsApi {
  /** Resolves when the language server is running (rejects if it could not start). */
  ready: Promise<void>;
  /** Milliseconds from activate() to a running language server, once known. */
  startupMs(): number | undefined;
  /** The language server's process id, to check crash recovery. */
  serverPid(): number | undefined;
  /** The language client's state changes (2 = running). */
  onDidChangeServerState: vscode.Event<{ oldState: number; newState: number }>;
  /** What the certificate viewer shows for a URI. */
  viewerState(uri: vscode.Uri): ViewState | undefined;
  onDidChangeViewerState: vscode.Event<{ uri: vscode.Uri; state: ViewState }>;
  /** The folder holding the "Elastic TLS" log file, so tests can check no secret was written. */
  logUri: vscode.Uri;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ElasticTlsApi {
  const started = performance.now();
  const log = createLog();
  const passwords = new PasswordStore(context.secrets, context.globalState, log);
  const server = new ServerGateway();
  const services: Services = { context, log, passwords, server };
  const viewer = CertificateEditorProvider.register(services);
  const stateChanged = new vscode.EventEmitter<{ oldState: number; newState: number }>();
  context.subscriptions.push(log, passwords, ...viewer.registrations, stateChanged, ...registerCommands(services), ...registerViews(services));

  log.info(`Activated in ${Math.round(performance.now() - started)} ms; starting the language server.`);
  let startupMs: number | undefined;
  const ready = import('./languageClient.js')
    .then(({ startLanguageClient }) => startLanguageClient(context, log, passwords, (e: { oldState: number; newState: number }) => stateChanged.fire(e)))
    .then((started_) => {
      client = started_;
      server.attach(started_);
      startupMs = Math.round(performance.now() - started);
      log.info(`Language server ready ${startupMs} ms after activation.`);
    });
  ready.catch((e: unknown) => {
    log.error('The language server did not start', e);
    void vscode.window.showErrorMessage('Elastic TLS: the language server did not start. See the "Elastic TLS" output.');
  });

  return {
    ready,
    startupMs: () => startupMs,
    serverPid: () => client?.serverProcess?.pid ?? undefined,
    onDidChangeServerState: stateChanged.event,
    viewerState: (uri) => viewer.provider.states.get(uri.toString()),
    onDidChangeViewerState: viewer.provider.onDidChangeState,
    logUri: context.logUri,
  };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop()) await running.stop();
}
