// Capabilities and wiring: one server instance over one connection. Handlers live in handlers/, one a feature.
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { systemClock, type Clock, type FileSystem } from '../core/environment';
import { CertificateFileCache } from '../pki/fileCache';
import { Confinement } from '../core/fileGate';
import { createNodeFileSystem } from '../core/nodeFileSystem';
import { safeMessage } from '../core/safeText';
import { checkEnvironment } from './analysis';
import { FileSnapshot } from './fileSnapshot';
import type { ServerContext } from './context';
import { DocumentChecker } from '../checker/documentChecker';
import { registerCodeActions } from './handlers/codeAction';
import { registerCodeLens } from './handlers/codeLens';
import { registerCompletion } from './handlers/completion';
import { registerConfiguration } from './handlers/configuration';
import { registerGenerate } from './handlers/generate';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { registerHover } from './handlers/hover';
import { registerInspectFile } from './handlers/inspectFile';
import { registerPasswords } from './handlers/passwords';
import { registerWatchedFiles } from './handlers/watchedFiles';
import { registerLifecycle } from './initialize';
import { PasswordStore } from './passwords';
import { StackModels } from './stackModels';
import { notifyModelChanged, registerStackModel } from './handlers/stackModel';
import type { Logger } from './runSafe';
import { defaultSettings } from './settings';

/** Replaceable parts of the outside world, for tests. */
export interface ServerOptions {
  fs?: FileSystem;
  clock?: Clock;
}

function connectionLogger(connection: Connection): Logger {
  return {
    // Error messages may quote a file's text: masked and escaped like every other output.
    info: (message) => connection.console.info(safeMessage(message)),
    error: (message) => connection.console.error(safeMessage(message)),
  };
}

function createContext(connection: Connection, options: ServerOptions): ServerContext {
  const documents = new TextDocuments(TextDocument);
  // Trust and folders arrive with initialize, so the confinement reads them on every check.
  const confinement = new Confinement(() => (ctx.settings.trusted ? undefined : ctx.workspaceRoots));
  const fs = options.fs ?? createNodeFileSystem(confinement);
  const clock = options.clock ?? systemClock;
  const checkFs = new FileSnapshot(fs);
  const ctx: ServerContext = {
    connection,
    documents,
    log: connectionLogger(connection),
    settings: { ...defaultSettings },
    workspaceRoots: [],
    confinement,
    passwords: new PasswordStore(),
    fs,
    checkFs,
    clock,
    certificates: new CertificateFileCache(checkFs, clock),
    checker: new DocumentChecker(() => checkEnvironment(ctx)),
    stack: undefined as unknown as StackModels,
    environmentChanged: () => undefined,
  };
  ctx.stack = new StackModels(() => ctx.workspaceRoots, () => checkEnvironment(ctx));
  return ctx;
}

/** Wires every handler onto `connection` and starts listening. Returns the instance's context (for tests). */
export function startServer(connection: Connection, options: ServerOptions = {}): ServerContext {
  const ctx = createContext(connection, options);
  const diagnostics = new DiagnosticsPublisher(ctx);
  ctx.environmentChanged = () => {
    // The cache also keys on size and mtime; clearing covers same-size rewrites within one mtime tick.
    ctx.checkFs.clear();
    ctx.certificates.clear();
    ctx.checker.environmentChanged();
    ctx.stack.refresh();
    diagnostics.scheduleAll();
  };
  const abilities = registerLifecycle(ctx);
  diagnostics.onModelSettled = () => notifyModelChanged(ctx, abilities.codeLensRefresh);
  ctx.documents.onDidChangeContent((e) => diagnostics.schedule(e.document));
  ctx.documents.onDidClose((e) => {
    diagnostics.closed(e.document.uri);
    ctx.checker.close(e.document.uri);
  });
  registerHover(ctx);
  registerCompletion(ctx);
  registerCodeActions(ctx);
  registerCodeLens(ctx);
  registerWatchedFiles(ctx);
  registerConfiguration(ctx, () => abilities.pullConfiguration);
  registerPasswords(ctx);
  registerGenerate(ctx);
  registerInspectFile(ctx);
  registerStackModel(ctx);
  connection.onShutdown(() => diagnostics.dispose());
  ctx.documents.listen(connection);
  connection.listen();
  return ctx;
}
