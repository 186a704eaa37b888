// Asks the checker about an open document: which product reads it, and the check of its current version.
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckedDocument, DocumentVersion } from '../checker/documentChecker';
import { configuredStackVersion } from '../catalog/version';
import type { Product } from '../catalog/types';
import { foldersFromSetting, mappingsFromSetting } from '../config/paths/mappings';
import { detectProduct, mappedProduct, settingsProductOf } from '../config/product';
import type { ConfigModel } from '../config/types';
import type { PathLocator } from '../config/paths/locator';
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
    fs: ctx.checkFs,
    clock: ctx.clock,
    passwords: ctx.passwords,
    certificates: ctx.certificates,
    filesVersion: ctx.checkFs.version,
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

/**
 * The check of a document's current version, or undefined when it is neither a settings file nor a
 * deployment file that holds settings. A file the user mapped is a settings file; any other YAML is first
 * looked at (cheaply, by content) for a deployment form.
 */
export function analysisOf(ctx: ServerContext, doc: TextDocument): CheckedDocument | undefined {
  const filePath = uriToPath(doc.uri);
  const name = filePath ?? doc.uri;
  if (doc.languageId !== 'pem' && !mappedProduct(name, ctx.settings.files)) {
    const deployment = ctx.checker.checkDeployment(versionOf(doc), name, filePath);
    if (deployment) return deployment;
  }
  // A file on disk is also a settings file where a compose file mounts it as one (once a version, when asked).
  const productOf = () => filePath
    ? settingsProductOf(filePath, ctx.checkFs, ctx.workspaceRoots, ctx.settings.files, doc.getText())
    : detectProduct(name, ctx.settings.files, doc.getText());
  return ctx.checker.checkIfSettings(versionOf(doc), () => ({ product: productOf(), filePath }));
}

/**
 * The settings document under an offset: the file's own model for a settings file, the embedded document
 * whose text holds the offset for a deployment file, undefined elsewhere in a deployment file.
 */
export function partAt(checked: CheckedDocument, offset: number): { product: Product; model: ConfigModel; region?: { start: number; end: number }; paths?: PathLocator } | undefined {
  if (!checked.parts) return { product: checked.product, model: checked.result.model };
  for (const part of checked.parts) {
    const doc = part.document;
    if (doc.source === 'text' && offset >= doc.start && offset <= doc.end) return { product: doc.product, model: part.model, region: { start: doc.start, end: doc.end }, paths: part.paths };
    if (doc.source === 'settings' && doc.settings.some((s) => offset >= s.pairRange.start && offset <= s.pairRange.end)) return { product: doc.product, model: part.model, paths: part.paths };
  }
  return undefined;
}

/** The line index of a document's current version. */
export function lineIndexOf(ctx: ServerContext, doc: TextDocument): LineIndex {
  return ctx.checker.lines(versionOf(doc));
}
