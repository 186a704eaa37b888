// Capabilities and wiring: one server instance over one connection. Handlers live in handlers/, one a feature.
import * as path from 'node:path';
import {
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { systemClock, type Clock, type FileSystem } from '../rules/environment';
import { CertificateFileCache } from '../pki/fileCache';
import { nodeFileSystem } from '../rules/nodeFileSystem';
import { modelKey, uriToPath } from './analysis';
import type { ServerContext } from './context';
import { DocumentCache } from './documentCache';
import { registerCodeActions } from './handlers/codeAction';
import { registerCodeLens } from './handlers/codeLens';
import { registerCompletion } from './handlers/completion';
import { registerConfiguration } from './handlers/configuration';
import { registerGenerate } from './handlers/generate';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { registerHover } from './handlers/hover';
import { registerInspectFile } from './handlers/inspectFile';
import { registerPasswords } from './handlers/passwords';
import { canWatchDynamically, registerFileWatchers, registerWatchedFiles } from './handlers/watchedFiles';
import { PasswordStore } from './passwords';
import { formatError, type Logger } from './runSafe';
import { defaultSettings, initialSettings } from './settings';

/** Replaceable parts of the outside world, for tests. */
export interface ServerOptions {
  fs?: FileSystem;
  clock?: Clock;
}

function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    error: (message) => connection.console.error(message),
  };
}

function workspaceRootsOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(uriToPath).filter((p): p is string => !!p).map((p) => path.resolve(p));
}

function capabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['.', '/'], resolveProvider: true },
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    codeLensProvider: { resolveProvider: false },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

function createContext(connection: Connection, options: ServerOptions): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const fs = options.fs ?? nodeFileSystem;
  const clock = options.clock ?? systemClock;
  return {
    connection,
    documents,
    log: connectionLogger(connection),
    settings: { ...defaultSettings },
    workspaceRoots: [],
    passwords: new PasswordStore(),
    fs,
    clock,
    certificates: new CertificateFileCache(fs, clock),
    models: new DocumentCache(),
    analyses: new DocumentCache(),
    lineIndexes: new DocumentCache(),
    environmentChanged: () => undefined,
  };
}

/** Wires every handler onto `connection` and starts listening. Returns the instance's context (for tests). */
export function startServer(connection: Connection, options: ServerOptions = {}): ServerContext {
  const ctx = createContext(connection, options);
  const diagnostics = new DiagnosticsPublisher(ctx);
  let dynamicWatch = false;
  let canPullConfiguration = false;
  let folderEvents = false;

  ctx.environmentChanged = () => {
    // The cache also keys on size and mtime; clearing covers same-size rewrites within one mtime tick.
    ctx.certificates.clear();
    ctx.analyses.invalidateAll();
    diagnostics.scheduleAll();
  };

  connection.onInitialize((params) => {
    ctx.settings = initialSettings(params.initializationOptions);
    ctx.workspaceRoots = workspaceRootsOf(params);
    dynamicWatch = canWatchDynamically(params.capabilities);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    return { capabilities: capabilities(), serverInfo: { name: 'Elastic TLS' } };
  });
  connection.onInitialized(() => {
    if (dynamicWatch) registerFileWatchers(ctx).catch((e: unknown) => ctx.log.error(formatError('Watching files failed', e)));
    if (folderEvents) connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => uriToPath(f.uri)).map((p) => p && path.resolve(p)));
      const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
      ctx.workspaceRoots = [...ctx.workspaceRoots.filter((r) => !removed.has(r)), ...added.map((p) => path.resolve(p))];
      ctx.environmentChanged();
    });
  });

  ctx.documents.onDidChangeContent((e) => diagnostics.schedule(e.document));
  ctx.documents.onDidClose((e) => {
    diagnostics.closed(e.document.uri);
    ctx.analyses.delete(e.document.uri);
    ctx.models.delete(modelKey(e.document.uri, 'elasticsearch'));
    ctx.models.delete(modelKey(e.document.uri, 'kibana'));
    ctx.lineIndexes.delete(e.document.uri);
  });
  registerHover(ctx);
  registerCompletion(ctx);
  registerCodeActions(ctx);
  registerWatchedFiles(ctx);
  registerConfiguration(ctx, () => canPullConfiguration);
  registerPasswords(ctx);
  registerGenerate(ctx);
  registerInspectFile(ctx);
  registerCodeLens(ctx);
  connection.onShutdown(() => diagnostics.dispose());

  ctx.documents.listen(connection);
  connection.listen();
  return ctx;
}
