// initialize / initialized: settings and trust from the client, workspace folders, and dynamic registrations.
import * as path from 'node:path';
import { TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { version } from '../../../package.json';
import { uriToPath } from './analysis';
import type { ServerContext } from './context';
import { canWatchDynamically, registerFileWatchers } from './handlers/watchedFiles';
import { formatError } from './runSafe';
import { initialSettings } from './settings';

/** What the client said it can do, as far as the server cares. */
export interface ClientAbilities {
  dynamicWatch: boolean;
  pullConfiguration: boolean;
  folderEvents: boolean;
  /** The client can be told to ask for code lenses again (workspace/codeLens/refresh). */
  codeLensRefresh: boolean;
}

function capabilities(): InitializeResult['capabilities'] {
  return {
    // Incremental: the client sends each edit's range and text, not the whole document on every keystroke
    // (TextDocuments applies them), which on a 5,000-line file saves encoding and decoding 200 KB an edit.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['.', '/', ':'], resolveProvider: true },
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    codeLensProvider: { resolveProvider: false },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

function absolutePaths(uris: readonly string[]): string[] {
  return uris.map(uriToPath).filter((p): p is string => !!p).map((p) => path.resolve(p));
}

function workspaceRootsOf(params: InitializeParams): string[] {
  return absolutePaths(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
}

function followWorkspaceFolders(ctx: ServerContext): void {
  ctx.connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(absolutePaths(e.removed.map((f) => f.uri)));
    ctx.workspaceRoots = [...ctx.workspaceRoots.filter((r) => !removed.has(r)), ...absolutePaths(e.added.map((f) => f.uri))];
    ctx.stack.foldersChanged();
    ctx.environmentChanged();
  });
}

/** Answers initialize and sets up what needs `initialized`; the returned abilities fill in at initialize. */
export function registerLifecycle(ctx: ServerContext): ClientAbilities {
  const abilities: ClientAbilities = { dynamicWatch: false, pullConfiguration: false, folderEvents: false, codeLensRefresh: false };
  ctx.connection.onInitialize((params) => {
    ctx.settings = initialSettings(params.initializationOptions);
    ctx.workspaceRoots = workspaceRootsOf(params);
    abilities.dynamicWatch = canWatchDynamically(params.capabilities);
    abilities.pullConfiguration = params.capabilities.workspace?.configuration === true;
    abilities.folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    abilities.codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return { capabilities: capabilities(), serverInfo: { name: 'Elastic TLS', version } };
  });
  ctx.connection.onInitialized(() => {
    const { trusted, validationDelay, expiryWarningDays } = ctx.settings;
    ctx.log.info(`Elastic TLS ${version} started: trusted=${trusted}, validationDelay=${validationDelay}ms, expiryWarningDays=${expiryWarningDays}, ${ctx.workspaceRoots.length} workspace folder(s).`);
    if (abilities.dynamicWatch) registerFileWatchers(ctx).catch((e: unknown) => ctx.log.error(formatError('Watching files failed', e)));
    if (abilities.folderEvents) followWorkspaceFolders(ctx);
  });
  return abilities;
}
