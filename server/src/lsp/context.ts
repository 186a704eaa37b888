// The state one server instance carries, handed to every handler (no module-level state).
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Confinement } from '../core/fileGate';
import type { CertificateFileCache } from '../pki/fileCache';
import type { Clock, FileSystem } from '../core/environment';
import type { DocumentChecker } from '../checker/documentChecker';
import type { FileSnapshot } from './fileSnapshot';
import type { PasswordStore } from './passwords';
import type { StackModels } from './stackModels';
import type { Logger } from './runSafe';
import type { ServerSettings } from './settings';

/** The state and services shared by the handlers of one server. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  log: Logger;
  settings: ServerSettings;
  /** Absolute paths of the workspace folders. */
  workspaceRoots: string[];
  /** In an untrusted workspace, keeps every read inside the real paths of the workspace folders. */
  confinement: Confinement;
  passwords: PasswordStore;
  fs: FileSystem;
  /** `fs` as the checks see it: answers kept between edits until files change (lsp/fileSnapshot.ts). */
  checkFs: FileSnapshot;
  clock: Clock;
  /** Parsed certificate files, shared by the rules and the hovers of this server. */
  certificates: CertificateFileCache;
  /** Parses and checks the open documents, and keeps every answer between checks (checker/). */
  checker: DocumentChecker;
  /** The workspace model of each folder: cross-file findings, the stack map and the certificate list. */
  stack: StackModels;
  /** Called when something outside the documents changed (a file on disk, a password, a setting). */
  environmentChanged(paths?: readonly string[]): void;
}
