// Settings files are mostly flat `key: value` lines. yaml's parser costs far more per line than such a line
// needs, so a top-level line in a strict subset of YAML, one that has exactly one reading, becomes a setting
// directly; every other line (nesting, quotes, lists, flow, block scalars, anchors ...) is parsed by yaml in
// chunks. Offsets are unchanged. The subset is checked against full parses in the tests.

/** A line read directly, or a run of lines for yaml; all offsets into the whole text. */
export type Chunk =
  | { kind: 'line'; keyStart: number; keyEnd: number; valueStart: number; valueEnd: number }
  | { kind: 'yaml'; start: number; end: number };

/**
 * `key: value` at column 0, with an optional trailing comment. The key uses only safe characters; the value is
 * a quoted string without escapes, or a plain scalar starting with a character that opens no other construct.
 */
const SIMPLE_LINE = /^([A-Za-z0-9_][A-Za-z0-9_.\-/]*):(?: +("[^"\\]*"|'[^']*'|(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[^\s]))[^\t]*?))? *(?: #[^\n]*)?$/;

/** Features whose meaning reaches across lines; a file with any of them is parsed by yaml whole. */
const WHOLE_FILE_FEATURES = /^(?:---|\.\.\.|%)|(?:^|[\s[{,])[&*][^\s,[\]{}]|\t|\r(?!\n)/m;

/** Splits a (template-blanked) text into direct lines and yaml chunks, or returns undefined to parse it whole. */
export function splitChunks(text: string): Chunk[] | undefined {
  if (WHOLE_FILE_FEATURES.test(text)) return undefined;
  const starts = lineStarts(text);
  const ends = starts.map((start) => lineEnd(text, start));
  const significant = starts.map((start, i) => isSignificant(text, start, ends[i]));
  // First character of the next significant line after each line, found in one backward pass.
  const next: Array<string | undefined> = new Array(starts.length);
  for (let i = starts.length - 1, after: string | undefined; i >= 0; i--) {
    next[i] = after;
    if (significant[i]) after = text[starts[i]];
  }
  const chunks: Chunk[] = [];
  let yamlStart = -1;
  for (let i = 0; i < starts.length; i++) {
    const simple = significant[i] ? simpleLine(text, starts[i], ends[i], next[i]) : undefined;
    if (simple) {
      if (yamlStart >= 0) chunks.push({ kind: 'yaml', start: yamlStart, end: starts[i] });
      yamlStart = -1;
      chunks.push(simple);
    } else if (yamlStart < 0 && significant[i]) {
      yamlStart = starts[i];
    }
  }
  if (yamlStart >= 0) chunks.push({ kind: 'yaml', start: yamlStart, end: text.length });
  return chunks;
}

/**
 * Longer lines go to yaml: SIMPLE_LINE backtracks quadratically over a long run of blanks followed by more text
 * (100 KB of them took seconds), and a real settings line is far shorter.
 */
const MAX_SIMPLE_LINE = 256;

function simpleLine(text: string, start: number, end: number, next: string | undefined): Chunk | undefined {
  if (end - start > MAX_SIMPLE_LINE) return undefined;
  if (next !== undefined && !/[A-Za-z0-9_]/.test(next)) return undefined;
  const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
  const m = SIMPLE_LINE.exec(line);
  if (!m || /^(?:null|Null|NULL|~)$/.test(m[1])) return undefined;
  const value = m[2];
  const quoted = value !== undefined && /^["']/.test(value);
  if (value !== undefined && !quoted && (value.includes(': ') || value.includes(' #') || value.endsWith(':'))) return undefined;
  const keyEnd = start + m[1].length;
  const valueStart = value === undefined ? keyEnd + 1 : start + m[0].indexOf(value, m[1].length + 1);
  return { kind: 'line', keyStart: start, keyEnd, valueStart, valueEnd: valueStart + (value?.length ?? 0) };
}

function isSignificant(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '#') return false;
    if (c !== ' ' && c !== '\r') return true;
  }
  return false;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (i + 1 < text.length) starts.push(i + 1);
  return starts;
}

function lineEnd(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  return nl < 0 ? text.length : nl;
}
