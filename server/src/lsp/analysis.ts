// Turns an open document into its Analysis: which product reads it, and the engine's check of its text.
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogFor, type Product } from '../catalog';
import { parseConfig } from '../config/parse';
import { recognizeForms } from '../config/forms';
import { detectProduct, mappedProduct } from '../config/product';
import { runRules } from '../rules';
import { CheckScope } from '../rules/checkScope';
import { checkForms, type EmbeddedCheck } from '../rules/forms';
import type { CheckEnvironment } from '../rules/types';
import type { Analysis, ServerContext } from './context';
import { LineIndex } from '../core/lineIndex';
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
    },
  };
}

function analyze(ctx: ServerContext, doc: TextDocument): Analysis | undefined {
  const filePath = uriToPath(doc.uri);
  const name = filePath ?? doc.uri;
  // A file the user mapped is a settings file; any other YAML is first looked at for a deployment form.
  if (!mappedProduct(name, ctx.settings.files) && doc.languageId !== 'pem') {
    const forms = recognizeForms(doc.getText(), undefined, name);
    if (forms) return analyzeForms(ctx, doc, forms, filePath);
  }
  const product = detectProduct(name, ctx.settings.files);
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

/** A deployment file: each embedded settings document checked on its own, all in the host's offsets. */
function analyzeForms(ctx: ServerContext, doc: TextDocument, forms: NonNullable<ReturnType<typeof recognizeForms>>, filePath: string | undefined): Analysis {
  const check = checkForms(doc.getText(), forms, checkEnvironment(ctx));
  const first = check.parts[0];
  const product = first?.document.product ?? 'elasticsearch';
  const model = first?.model ?? { product, text: doc.getText(), settings: [], byKey: new Map(), findings: [] };
  return { product, filePath, version: doc.version, result: { model, findings: check.findings }, lines: lineIndexOf(ctx, doc), parts: check.parts };
}

/**
 * The settings document under an offset: the file's own model for a settings file, the embedded document
 * whose text holds the offset for a deployment file, undefined elsewhere in a deployment file.
 */
export function partAt(analysis: Analysis, offset: number): { product: Product; model: Analysis['result']['model']; region?: { start: number; end: number } } | undefined {
  if (!analysis.parts) return { product: analysis.product, model: analysis.result.model };
  const part = analysis.parts.find((p) => containsOffset(p, offset));
  if (!part) return undefined;
  const region = part.document.source === 'text' ? { start: part.document.start, end: part.document.end } : undefined;
  return { product: part.document.product, model: part.model, region };
}

function containsOffset(part: EmbeddedCheck, offset: number): boolean {
  const doc = part.document;
  if (doc.source === 'text') return offset >= doc.start && offset <= doc.end;
  return doc.settings.some((s) => offset >= s.pairRange.start && offset <= s.pairRange.end);
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
