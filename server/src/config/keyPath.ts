import type { OffsetRange } from '../core/finding';

/** What completion needs to know about the cursor. */
export interface KeyPathContext {
  position: 'key' | 'value';
  /** Dotted key of the maps that enclose the cursor's line ('' at the top level). */
  parent: string;
  /** Key position: the key text typed so far on this line, up to the cursor (`transport.ssl.ve`). */
  partial: string;
  /** Key position: the key text a completion replaces (the partial plus the rest of the word). */
  replaceRange: OffsetRange;
  /** Value position: the full dotted key whose value is being typed. */
  key?: string;
  /** Value position: the value text typed so far (the current list item for lists). */
  valuePrefix?: string;
  /** Value position: the value text a completion replaces. */
  valueRange?: OffsetRange;
}

const LIST_ITEM = /^(\s*)-(\s+|$)/;

/** A `key:` at the start of a line (after blanks and an optional `- `): its indentation, key text and end. */
interface KeyColon {
  indent: number;
  /** The key as written, quotes included. */
  key: string;
  /** Offset in the line just after the colon. */
  end: number;
}

/**
 * Finds `key:` followed by a blank or the line's end; quoted keys allowed, plain keys hold no `#`. A scan,
 * not a backtracking pattern, so a long line costs linear time.
 */
function keyColon(line: string): KeyColon | undefined {
  let i = 0;
  while (i < line.length && /\s/.test(line[i])) i++;
  const indent = i;
  if (line[i] === '-' && /\s/.test(line[i + 1] ?? '')) {
    i++;
    while (i < line.length && /\s/.test(line[i])) i++;
  }
  const c = line[i];
  if (c === undefined || c === '#') return undefined;
  let keyEnd: number;
  let colon: number;
  if (c === '"' || c === "'") {
    keyEnd = closingQuote(line, i) + 1;
    if (keyEnd === 0) return undefined;
    colon = keyEnd;
    while (colon < line.length && /\s/.test(line[colon])) colon++;
    if (line[colon] !== ':' || !/^(?:\s|$)/.test(line.slice(colon + 1, colon + 2))) return undefined;
  } else {
    const find = /:(?=\s|$)/g;
    find.lastIndex = i;
    const hit = find.exec(line);
    const hash = line.indexOf('#', i);
    if (!hit || (hash >= 0 && hash < hit.index)) return undefined;
    colon = hit.index;
    keyEnd = colon;
    while (keyEnd > i && /\s/.test(line[keyEnd - 1])) keyEnd--;
  }
  return { indent, key: line.slice(i, keyEnd), end: colon + 1 };
}

/** Index of the quote that closes the one at `open`, or -1. */
function closingQuote(line: string, open: number): number {
  const q = line[open];
  for (let j = open + 1; j < line.length; j++) {
    if (q === '"' && line[j] === '\\') j++;
    else if (line[j] === q) {
      if (q === "'" && line[j + 1] === "'") j++;
      else return j;
    }
  }
  return -1;
}

/**
 * The dotted key path at an offset, read from indentation alone so it works on half-typed, invalid YAML:
 * the current line says whether the cursor is on a key or a value, and the previous lines with smaller
 * indentation that open a map (`key:` and nothing else) give the parent path.
 */
export function keyPathAt(text: string, offset: number): KeyPathContext {
  offset = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const before = text.slice(lineStart, offset);
  const keyMatch = keyColon(line);
  if (keyMatch && lineStart + keyMatch.end <= offset) {
    const indent = keyMatch.indent;
    const parent = parentPath(text, lineStart, LIST_ITEM.test(line) ? indent + 1 : indent);
    const key = join(parent, unquote(keyMatch.key));
    return { position: 'value', parent, partial: '', replaceRange: { start: offset, end: offset }, key, ...valueAt(text, lineStart + keyMatch.end, offset, lineEnd) };
  }
  const item = LIST_ITEM.exec(before);
  if (item && !keyMatch) {
    // A sequence item under `key:`; the item may sit at the key's own indentation.
    const indent = item[1].length;
    const key = parentPath(text, lineStart, indent + 1);
    const parent = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    return { position: 'value', parent, partial: '', replaceRange: { start: offset, end: offset }, key, ...valueAt(text, lineStart + item[0].length, offset, lineEnd) };
  }
  const indent = before.length - before.trimStart().length;
  const partialStart = lineStart + indent;
  let end = offset;
  while (end < lineEnd && !/[\s:]/.test(text[end])) end++;
  return {
    position: 'key',
    parent: parentPath(text, lineStart, indent),
    partial: text.slice(partialStart, offset),
    replaceRange: { start: partialStart, end },
  };
}

/** The value typed so far after a `key:` (or `- `), the current flow item when the value is `[a, b`. */
function valueAt(text: string, valueStart: number, offset: number, lineEnd: number): { valuePrefix: string; valueRange: OffsetRange } {
  let start = valueStart;
  while (start < offset && (text[start] === ' ' || text[start] === '\t')) start++;
  const typed = text.slice(start, offset);
  const sep = Math.max(typed.lastIndexOf('['), typed.lastIndexOf(','));
  if (sep >= 0) {
    start += sep + 1;
    while (start < offset && text[start] === ' ') start++;
  }
  if (text[start] === '"' || text[start] === "'") start++;
  let end = offset;
  while (end < lineEnd && !/[\s,\]"'#]/.test(text[end])) end++;
  return { valuePrefix: text.slice(start, offset), valueRange: { start, end } };
}

/** Walks up from a line, collecting the keys of lines with smaller indentation that open a map. */
function parentPath(text: string, lineStart: number, indent: number): string {
  const keys: string[] = [];
  let current = indent;
  let end = lineStart - 1;
  while (end >= 0 && current > 0) {
    // At end 0 the line before is empty and starts at 0 (lastIndexOf(_, -1) would find the newline at 0 and loop forever).
    const start = end > 0 ? text.lastIndexOf('\n', end - 1) + 1 : 0;
    const line = text.slice(start, end);
    end = start - 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('{{') || trimmed.startsWith('{%')) continue;
    if (trimmed === '---' || trimmed === '...') break;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent >= current) continue;
    const m = keyColon(line);
    if (!m || LIST_ITEM.test(line) || !opensMap(line.slice(m.end))) break;
    keys.unshift(unquote(m.key));
    current = lineIndent;
  }
  return keys.join('.');
}

/** True when nothing but blanks, a comment or an anchor follows the colon. */
function opensMap(rest: string): boolean {
  const t = rest.trim();
  return t === '' || t.startsWith('#') || /^&\S+\s*(#.*)?$/.test(t);
}

function unquote(key: string): string {
  if (key.length >= 2 && (key[0] === '"' || key[0] === "'") && key.endsWith(key[0])) return key.slice(1, -1);
  return key;
}

function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}
