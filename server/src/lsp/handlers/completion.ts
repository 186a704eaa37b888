// textDocument/completion: keys (flat and nested) and values (enums, booleans, files) from the catalog.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import { catalogFor, type Product } from '../../catalog';
import { settingPathCandidates } from '../../rules/paths';
import { completeAt, keyDocumentation, type CompletionEntry, type DirEntry } from '../../features/completion';
import { regionText } from '../../config/forms/hostYaml';
import { beatsCompleteAt } from '../../features/beats';
import { analysisOf, partAt } from '../analysis';
import type { ServerContext } from '../context';
import type { LineIndex } from '../../core/lineIndex';
import { mayRead } from '../fileDescriptions';
import { runSafe } from '../runSafe';
import { toLspRange, toOffset } from '../convert';

const kinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  module: CompletionItemKind.Module,
  value: CompletionItemKind.Value,
  enumMember: CompletionItemKind.EnumMember,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
};

const MAX_DIR_ENTRIES = 2000;

/** What a key item carries so completionItem/resolve can add its documentation. */
interface ResolveData {
  product: Product;
  key: string;
}

function isResolveData(v: unknown): v is ResolveData {
  const d = v as Partial<ResolveData> | null;
  return typeof d === 'object' && d !== null && (d.product === 'elasticsearch' || d.product === 'kibana') && typeof d.key === 'string';
}

function toItem(entry: CompletionEntry, lines: LineIndex, product: Product): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: kinds[entry.kind],
    detail: entry.detail,
    textEdit: { range: toLspRange(lines, entry.range), newText: entry.insertText },
    insertTextFormat: entry.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // The label is the default filter text; repeating it only makes long lists longer.
    filterText: entry.filterText === entry.label ? undefined : entry.filterText,
    sortText: entry.sortText,
  };
  if (entry.documentation) item.documentation = { kind: 'markdown', value: entry.documentation };
  if (entry.documentationKey) item.data = { product, key: entry.documentationKey } satisfies ResolveData;
  if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (entry.keepIndentation) item.insertTextMode = InsertTextMode.asIs;
  if (entry.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}

/** Lists a folder for path completion, within the trust rule; undefined when it cannot be read. */
function listDir(ctx: ServerContext, dir: string): DirEntry[] | undefined {
  if (!mayRead(ctx, dir)) return undefined;
  try {
    return ctx.fs.listDir?.(dir, MAX_DIR_ENTRIES);
  } catch {
    return undefined;
  }
}

function complete(ctx: ServerContext, params: CompletionParams): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const doc = ctx.documents.get(params.textDocument.uri);
  const analysis = doc && analysisOf(ctx, doc);
  if (!doc || !analysis) return empty;
  const offset = toOffset(analysis.lines, params.position);
  if (analysis.form === 'beats') return { isIncomplete: false, items: beatsCompleteAt(doc.getText(), offset).map((e) => toItem(e, analysis.lines, 'elasticsearch')) };
  const part = partAt(analysis, offset);
  // In a deployment file only an embedded settings text (a nodeSet's config, an esConfig block) completes.
  if (!part || (analysis.parts && !part.region)) return empty;
  const base = part.region?.start ?? 0;
  const text = part.region ? regionText(doc.getText(), part.region) : doc.getText();
  const entries = completeAt(text, offset - base, catalogFor(part.product), {
    existingKeys: new Set(part.model.byKey.keys()),
    // The places the product looks for a relative path (Kibana: beside kibana.yml, then its home folder).
    baseDirs: part.region ? [] : settingPathCandidates({ model: part.model, options: {} }, '.'),
    listDir: (dir) => listDir(ctx, dir),
  });
  const placed = base === 0 ? entries : entries.map((e) => ({ ...e, range: { start: e.range.start + base, end: e.range.end + base } }));
  return { isIncomplete: false, items: placed.map((e) => toItem(e, analysis.lines, part.product)) };
}

function resolve(item: CompletionItem): CompletionItem {
  if (!isResolveData(item.data) || item.documentation) return item;
  const markdown = keyDocumentation(catalogFor(item.data.product), item.data.key);
  return markdown ? { ...item, documentation: { kind: 'markdown', value: markdown } } : item;
}

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion((params, token) =>
    runSafe(ctx.log, 'Completion failed', () => complete(ctx, params), { isIncomplete: false, items: [] }, token),
  );
  ctx.connection.onCompletionResolve((item, token) => runSafe(ctx.log, 'Completion details failed', () => resolve(item), item, token));
}
