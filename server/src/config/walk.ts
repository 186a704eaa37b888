import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type Scalar } from 'yaml';
import type { Finding, OffsetRange } from '../core/finding';
import { MAX_ALIAS_COUNT } from './limits';
import { isTemplated } from './templating';
import type { ListValue, Setting, SettingValue, ScalarValue } from './types';

/** State shared while walking the documents of one file. */
export interface WalkState {
  /** The user's text (templates not blanked), for source slices. */
  text: string;
  settings: Setting[];
  findings: Finding[];
  aliasBudget: number;
  /** Offset of the parsed chunk inside `text`: YAML ranges are relative to the chunk. */
  base: number;
  /** Anchors of each document, collected once when its first alias is met. */
  anchors?: WeakMap<Document.Parsed, Map<string, Array<{ at: number; node: Node }>>>;
}

type KeyPart = { text: string; range: OffsetRange };

/** Adds every leaf setting of one YAML document to `state.settings`, with full dotted keys. */
export function walkDocument(doc: Document.Parsed, index: number, state: WalkState): void {
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return;
  if (!isMap(root)) {
    const range = nodeRange(root, state);
    state.findings.push({
      ruleId: 'yaml-syntax',
      severity: 'error',
      message: 'A settings file must be a map of `key: value` pairs at its top level.',
      range,
    });
    return;
  }
  walkMap(root.items as Pair[], [], doc, index, state);
}

function walkMap(pairs: Pair[], parents: KeyPart[], doc: Document.Parsed, index: number, state: WalkState): void {
  for (const pair of pairs) {
    const key = pair.key;
    if (!isScalar(key) || !key.range || key.value === null) continue;
    const keyText = scalarKeyText(key, state);
    if (keyText === '<<' || keyText === '') continue;
    const keyRange = { start: key.range[0] + state.base, end: key.range[1] + state.base };
    const parts = [...parents, { text: keyText, range: keyRange }];
    const written = pair.value as Node | null;
    const value = isAlias(written) ? resolveAlias(written, doc, state) : written;
    if (isMap(value)) {
      if (state.aliasBudget >= 0) walkMap(value.items as Pair[], parts, doc, index, state);
      continue;
    }
    let settingValue = toSettingValue(value, keyRange.end, state);
    // An alias stands where the user wrote it: keep the resolved text but the alias's own range.
    if (written !== value && written?.range) settingValue = { ...settingValue, range: nodeRange(written, state) };
    state.settings.push({
      key: parts.map((p) => p.text).join('.'),
      keyRange,
      keyParts: parts,
      value: settingValue,
      pairRange: { start: keyRange.start, end: Math.max(keyRange.end, settingValue.range.end) },
      document: index,
    });
  }
}

function resolveAlias(alias: Node, doc: Document.Parsed, state: WalkState): Node | null {
  if (--state.aliasBudget < 0) {
    if (state.aliasBudget === -1) {
      state.findings.push({
        ruleId: 'yaml-too-deep',
        severity: 'error',
        message: `The file expands more than ${MAX_ALIAS_COUNT} aliases; the rest are not followed.`,
        range: nodeRange(alias, state),
      });
    }
    return null;
  }
  if (!isAlias(alias)) return alias;
  // yaml's own Alias.resolve scans the whole document on every call; one scan per document is enough.
  state.anchors ??= new WeakMap();
  let anchors = state.anchors.get(doc);
  if (!anchors) state.anchors.set(doc, (anchors = collectAnchors(doc)));
  const at = alias.range?.[0] ?? 0;
  const candidates = anchors.get(alias.source) ?? [];
  let target: Node | null = null;
  for (const c of candidates) if (c.at < at) target = c.node;
  return target;
}

/** Every anchored node of a document by anchor name, in source order (a name may be reused). */
function collectAnchors(doc: Document.Parsed): Map<string, Array<{ at: number; node: Node }>> {
  const anchors = new Map<string, Array<{ at: number; node: Node }>>();
  visit(doc, {
    Node(_, node) {
      if (node.anchor) {
        const list = anchors.get(node.anchor) ?? [];
        list.push({ at: node.range?.[0] ?? 0, node });
        anchors.set(node.anchor, list);
      }
    },
  });
  return anchors;
}

/** A key as the user wrote it: the plain source, or the unquoted value of a quoted key. */
function scalarKeyText(key: Scalar, state: WalkState): string {
  if (key.type === 'PLAIN' && key.range) return state.text.slice(key.range[0] + state.base, key.range[1] + state.base).trim();
  return String(key.value);
}

function toSettingValue(node: Node | null, afterKey: number, state: WalkState): SettingValue {
  if (node === null || node === undefined || !node.range) {
    // A key at the very end of the file has no `:` after it; the empty value must stay inside the text.
    const at = Math.min(afterKey + 1, state.text.length);
    return { kind: 'null', range: { start: at, end: at } };
  }
  if (isSeq(node)) return toListValue(node.items as Array<Node | null>, nodeRange(node, state), state);
  if (isScalar(node)) {
    const scalar = toScalar(node, state);
    return scalar ?? { kind: 'null', range: nodeRange(node, state) };
  }
  // An alias that could not be followed, or an unusual node: keep its text as a scalar.
  const range = nodeRange(node, state);
  const source = state.text.slice(range.start, range.end);
  return { kind: 'scalar', text: source, source, range, quoted: false, templated: isTemplated(source) };
}

function toListValue(items: Array<Node | null>, range: OffsetRange, state: WalkState): ListValue {
  const out: ScalarValue[] = [];
  let hasNonScalarItems = false;
  for (const item of items) {
    const scalar = isScalar(item) ? toScalar(item, state) : undefined;
    if (scalar) out.push(scalar);
    else if (!(isScalar(item) && item.value === null)) hasNonScalarItems = true;
  }
  return { kind: 'list', items: out, range, hasNonScalarItems };
}

const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** A scalar node as the model keeps it; undefined for a YAML null. */
function toScalar(node: Scalar, state: WalkState): ScalarValue | undefined {
  const range = nodeRange(node, state);
  const source = state.text.slice(range.start, range.end);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const templated = isTemplated(source);
  if (node.type === 'PLAIN' && NULL_WORDS.has(source)) return undefined;
  let value: string;
  if (node.type === 'PLAIN' || templated) value = quoted ? source.slice(1, -1) : source;
  else value = node.value === null || node.value === undefined ? '' : String(node.value);
  return { kind: 'scalar', text: value, source, range, quoted, templated };
}

/** The node's own text range, without trailing blanks or comments. */
export function nodeRange(node: Node, state: Pick<WalkState, 'text' | 'base'>): OffsetRange {
  const r = node.range ?? [0, 0, 0];
  const start = r[0] + state.base;
  let end = Math.min(r[1] + state.base, state.text.length);
  while (end > start && /\s/.test(state.text[end - 1])) end--;
  return { start, end };
}
