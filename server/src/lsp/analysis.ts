// Asks the checker about an open document: which product reads it, and the check of its current version.
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckedDocument, DocumentVersion } from '../checker/documentChecker';
import { configuredStackVersion } from '../catalog/version';
import { foldersFromSetting, mappingsFromSetting } from '../config/paths/mappings';
import { detectProduct } from '../config/product';
import type { LineIndex } from '../core/lineIndex';
import type { CheckEnvironment } from '../rules/types';
import type { ServerContext } from './context';

/** Absolute file system path of a `file:` uri; undefined for other schemes (untitled, git ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** What the rules may touch, from the current settings and trust. */
export function checkEnvironment(ctx: ServerContext): CheckEnvironment {
  return {
    fs: ctx.fs,
    clock: ctx.clock,
    passwords: ctx.passwords,
    certificates: ctx.certificates,
    options: {
      expiryWarningDays: ctx.settings.expiryWarningDays,
      readOutsideWorkspace: ctx.settings.trusted,
      workspaceRoots: ctx.workspaceRoots,
      pathMappings: mappingsFromSetting(ctx.settings.pathMappings, ctx.workspaceRoots),
      liveConfigDirs: foldersFromSetting(ctx.settings.liveConfigDirs, ctx.workspaceRoots),
      stackVersion: configuredStackVersion(ctx.settings.stackVersion, 'the setting elasticTls.stackVersion'),
    },
  };
}

/** The checker's view of an LSP document version. */
export function versionOf(doc: TextDocument): DocumentVersion {
  return { uri: doc.uri, version: doc.version, get text() { return doc.getText(); } };
}

/** The check of a document's current version, or undefined when no product reads the file. */
export function analysisOf(ctx: ServerContext, doc: TextDocument): CheckedDocument | undefined {
  return ctx.checker.checkIfSettings(versionOf(doc), () => {
    const filePath = uriToPath(doc.uri);
    return { product: detectProduct(filePath ?? doc.uri, ctx.settings.files), filePath };
  });
}

/** The line index of a document's current version. */
export function lineIndexOf(ctx: ServerContext, doc: TextDocument): LineIndex {
  return ctx.checker.lines(versionOf(doc));
}
