// The state one server instance carries, handed to every handler (no module-level state).
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Product } from '../catalog/types';
import type { ConfigModel } from '../config/types';
import type { PemLens } from '../features/pemLenses';
import type { CertificateFileCache } from '../pki/fileCache';
import type { Clock, FileSystem } from '../core/environment';
import type { EmbeddedCheck } from '../rules/forms';
import type { CheckResult } from '../rules/types';
import type { LineIndex } from '../core/lineIndex';
import type { DocumentCache } from './documentCache';
import type { PasswordStore } from './passwords';
import type { Logger } from './runSafe';
import type { ServerSettings } from './settings';

/** A settings file, parsed and checked once per version (and environment generation). */
export interface Analysis {
  product: Product;
  /** Absolute path, when the document is a file on disk. */
  filePath?: string;
  version: number;
  result: CheckResult;
  lines: LineIndex;
  /**
   * For a deployment file (ECK, Helm values, compose, ConfigMap): each settings document inside it, in host
   * offsets. `result.findings` then holds every finding of the file and `result.model` the first document's.
   */
  parts?: EmbeddedCheck[];
}

/** The state and services shared by the handlers of one server. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  log: Logger;
  settings: ServerSettings;
  /** Absolute paths of the workspace folders. */
  workspaceRoots: string[];
  passwords: PasswordStore;
  fs: FileSystem;
  clock: Clock;
  /** Parsed certificate files, shared by the rules and the hovers of this server. */
  certificates: CertificateFileCache;
  /** Parsed settings files, one parse per document version (and product). */
  models: DocumentCache<ConfigModel>;
  /** Checked settings files, per version and environment generation. */
  analyses: DocumentCache<Analysis | undefined>;
  /** CodeLens data of open PEM documents, one per version. */
  pemLenses: DocumentCache<PemLens[]>;
  /** Line indexes of open documents, one per version. */
  lineIndexes: DocumentCache<LineIndex>;
  /** Called when something outside the documents changed (a file on disk, a password, a setting). */
  environmentChanged(paths?: readonly string[]): void;
}
