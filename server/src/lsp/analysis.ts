// Turns an open document into its Analysis: which product reads it, and the engine's check of its text.
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogFor, type Product } from '../catalog';
import { parseConfig } from '../config/parse';
import { foldersFromSetting, mappingsFromSetting } from '../config/paths/mappings';
import { detectProduct } from '../config/product';
import { runRules } from '../rules';
import { CheckScope } from '../rules/checkScope';
import type { CheckEnvironment } from '../rules/types';
import type { Analysis, ServerContext } from './context';
import { LineIndex } from './convert';
import { DocumentState } from './documentState';

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
    },
  };
}

function analyze(ctx: ServerContext, doc: TextDocument): Analysis | undefined {
  const filePath = uriToPath(doc.uri);
  const product = detectProduct(filePath ?? doc.uri, ctx.settings.files);
  if (!product) return undefined;
  const text = doc.getText();
  // The same steps as checkText, split so that a file change on disk re-runs the rules on the cached parse.
  // The document's chunk cache lives beside its cached model, so a new version re-parses only what changed.
  const key = modelKey(doc.uri, product);
  const state = ctx.models.stateOf(key, () => new DocumentState());
  const model = ctx.models.get(key, doc.version, () => parseConfig(text, { product, filePath }, state.chunks));
  // Keys an edit did not touch get their catalog answers (lookups, did-you-mean) from the document's memo.
  const scope = new CheckScope(state.rules);
  const findings = runRules({ ...checkEnvironment(ctx), model, catalog: state.catalog.view(catalogFor(product)), scope });
  return { product, filePath, version: doc.version, result: { model, findings }, lines: lineIndexOf(ctx, doc) };
}

/** The analysis of a document's current version, computed at most once per version and environment. */
export function analysisOf(ctx: ServerContext, doc: TextDocument): Analysis | undefined {
  return ctx.analyses.get(doc.uri, doc.version, () => analyze(ctx, doc));
}

/** The line index of a document's current version, built once per version. */
export function lineIndexOf(ctx: ServerContext, doc: TextDocument): LineIndex {
  return ctx.lineIndexes.get(doc.uri, doc.version, () => new LineIndex(doc.getText()));
}

/** Cache key of a parse: the product is part of it because a settings change can remap a file. */
export function modelKey(uri: string, product: Product): string {
  return `${uri}\n${product}`;
}
