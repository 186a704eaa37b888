// Starts the Elastic TLS language server and keeps it fed: settings, workspace trust and stored passwords.
// Loaded lazily by extension.ts so that activation does not pay for vscode-languageclient up front.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  State,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SetPasswordsNotification, type SetPasswordsParams } from '../../server/src/protocol';
import { settingDefaults } from '../../server/src/core/settingDefaults';
import { SETTINGS_TEMPLATE_GLOB } from '../../server/src/config/settingsFileNames';
import { mergeFolderPathSettings } from './folderSettings';
import type { Log } from './log';
import type { PasswordStore } from './passwordStore';

/** Certificate and keystore files whose changes can change a diagnostic. */
export const CERTIFICATE_GLOB = '**/*.{p12,pfx,jks,jceks,p7b,p7c,crl,pem,crt,cer,key,der}';
const CONFIG_GLOB = '**/*.{yml,yaml}';
/** Files that decide where paths live (see the engine's PathLocator): live-directory markers, compose's .env. */
const LIVE_MARKER_GLOB = '**/{elasticsearch.keystore,jvm.options,jvm.options.d,log4j2.properties,kibana.keystore,node.options,.env}';

/** What the server reads from initializationOptions and from workspace/didChangeConfiguration. */
export interface ClientSettings {
  expiryWarningDays: number;
  files: Record<string, string>;
  validationDelay: number;
  trusted: boolean;
  pathMappings: Record<string, string>;
  liveConfigDirs: string[];
}

export function readSettings(): ClientSettings {
  const config = vscode.workspace.getConfiguration('elasticTls');
  return {
    expiryWarningDays: config.get<number>('expiryWarningDays', settingDefaults.expiryWarningDays),
    files: config.get<Record<string, string>>('files', {}),
    validationDelay: config.get<number>('validationDelay', settingDefaults.validationDelay),
    trusted: vscode.workspace.isTrusted,
    ...readPathSettings(config),
  };
}

/** `elasticTls.pathMappings` and `liveConfigDirs` of every workspace folder (or of the window without one). */
function readPathSettings(config: vscode.WorkspaceConfiguration): Pick<ClientSettings, 'pathMappings' | 'liveConfigDirs'> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    return { pathMappings: config.get<Record<string, string>>('pathMappings', {}), liveConfigDirs: config.get<string[]>('liveConfigDirs', []) };
  }
  return mergeFolderPathSettings(folders.map((f) => {
    const scoped = vscode.workspace.getConfiguration('elasticTls', f.uri);
    return { folder: f.uri.fsPath, pathMappings: scoped.get<Record<string, string>>('pathMappings', {}), liveConfigDirs: scoped.get<string[]>('liveConfigDirs', []) };
  }));
}

/**
 * The documents the server handles: every YAML file (the server decides by name and content whether it is a
 * settings file or a deployment file that holds settings, and leaves any other YAML alone), compose files
 * (VS Code gives `*docker*compose*.yml` and `compose.yml` the `dockercompose` language), templates of settings
 * files, the user's globs, and PEM files.
 */
export function documentSelector(files: Record<string, string>): DocumentSelector {
  const selector: DocumentSelector = [
    { scheme: 'file', language: 'yaml' },
    { scheme: 'file', language: 'dockercompose' },
    { scheme: 'file', language: 'pem' },
    // Templates of a settings file (`elasticsearch.yml.j2`), whatever language another extension gives them.
    { scheme: 'file', pattern: SETTINGS_TEMPLATE_GLOB },
  ];
  for (const glob of Object.keys(files)) {
    // The client matches patterns against absolute paths: a workspace-relative glob gets a leading `**/`.
    // No language: a mapped template (`*.yml.j2`) is plain text or Jinja to the editor, not YAML.
    const pattern = glob.startsWith('**') || path.isAbsolute(glob) ? glob : `**/${glob.replace(/^\.?\//, '')}`;
    selector.push({ scheme: 'file', pattern });
  }
  return selector;
}

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

function clientOptions(settings: ClientSettings, log: Log, watchers: vscode.FileSystemWatcher[]): LanguageClientOptions {
  return {
    documentSelector: documentSelector(settings.files),
    initializationOptions: settings,
    synchronize: { fileEvents: watchers },
    outputChannel: log,
    traceOutputChannel: log,
    // The default error handler restarts a crashed server up to 4 times in 3 minutes; keep it, and say so.
    connectionOptions: { maxRestartCount: 4 },
  };
}

/** Pushes every stored password to the server (at start and after each restart). */
async function sendAllPasswords(client: LanguageClient, passwords: PasswordStore): Promise<void> {
  const entries = await passwords.all();
  if (entries.length > 0) await client.sendNotification(SetPasswordsNotification, { entries } satisfies SetPasswordsParams);
}

/** Keeps the server's passwords in step: all of them at every (re)start, then each change. */
function forwardPasswords(client: LanguageClient, passwords: PasswordStore, log: Log): vscode.Disposable[] {
  return [
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      sendAllPasswords(client, passwords).catch((err) => log.error('Could not send stored passwords', err));
    }),
    passwords.onDidChange((entries) => {
      if (!client.isRunning()) return;
      client
        .sendNotification(SetPasswordsNotification, { entries } satisfies SetPasswordsParams)
        .catch((err) => log.error('Could not send passwords', err));
    }),
  ];
}

/**
 * Sends changed settings to the server. A new `elasticTls.files` needs a new document selector, and new trust
 * must reach the server through initializationOptions (a workspace cannot grant itself trust through settings):
 * both restart the client.
 */
function forwardSettings(client: LanguageClient, initial: ClientSettings, log: Log): vscode.Disposable[] {
  let settings = initial;
  const restart = async (why: string): Promise<void> => {
    client.clientOptions.documentSelector = documentSelector(settings.files);
    client.clientOptions.initializationOptions = settings;
    try {
      log.info(`Restarting the language server: ${why}.`);
      await client.restart();
    } catch (e) {
      log.error('Restarting the language server failed', e);
    }
  };
  return [
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('elasticTls')) return;
      const next = readSettings();
      const selectorChanged = JSON.stringify(next.files) !== JSON.stringify(settings.files);
      settings = next;
      if (selectorChanged) await restart('elasticTls.files changed');
      else if (client.isRunning()) {
        await client
          .sendNotification(DidChangeConfigurationNotification.type, { settings: { elasticTls: next } })
          .catch((err) => log.error('Could not send the settings', err));
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      settings = readSettings();
      await restart('the workspace is now trusted');
    }),
  ];
}

/** Creates and starts the client; the returned client is running. deactivate() stops it. */
export async function startLanguageClient(
  context: vscode.ExtensionContext,
  log: Log,
  passwords: PasswordStore,
  onStateChange: (e: { oldState: number; newState: number }) => void,
): Promise<LanguageClient> {
  const settings = readSettings();
  const watchers = [CERTIFICATE_GLOB, CONFIG_GLOB, LIVE_MARKER_GLOB].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  const client = new LanguageClient('elasticTls', 'Elastic TLS', serverOptions(context), clientOptions(settings, log, watchers));
  context.subscriptions.push(
    ...watchers,
    client.onDidChangeState(onStateChange),
    ...forwardPasswords(client, passwords, log),
    ...forwardSettings(client, settings, log),
  );
  await client.start();
  return client;
}
