// Settings files are mostly flat `key: value` lines. yaml's parser costs far more per line than such a line
// needs, so a top-level line in a strict subset of YAML, one that has exactly one reading, becomes a setting
// directly; every other line (nesting, quotes, lists, flow, block scalars, anchors ...) is parsed by yaml in
// chunks. Offsets are unchanged. The subset is checked against full parses in the tests.

/** A line read directly, or a run of lines for yaml; all offsets into the whole text. */
export type Chunk =
  | { kind: 'line'; keyStart: number; keyEnd: number; valueStart: number; valueEnd: number }
  | { kind: 'yaml'; start: number; end: number };

/** A key of safe characters at column 0, followed by `: ` or a final `:`. */
const SIMPLE_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*(?=:(?: |$))/;
/** A plain scalar must start with a character that opens no other construct (`-1` is fine, `- a` is not). */
const PLAIN_START = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-\S)/;
/** What may follow a quoted value: blanks, or blanks and a comment. */
const AFTER_QUOTED = /^(?: *| +#.*)$/;

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

function simpleLine(text: string, start: number, end: number, next: string | undefined): Chunk | undefined {
  if (next !== undefined && !/[A-Za-z0-9_]/.test(next)) return undefined;
  const line = text.slice(start, text[end - 1] === '\r' ? end - 1 : end);
  const key = SIMPLE_KEY.exec(line)?.[0];
  if (!key || /^(?:null|Null|NULL|~)$/.test(key)) return undefined;
  const value = readValue(line.slice(key.length + 1));
  if (!value) return undefined;
  const keyEnd = start + key.length;
  const valueStart = value.length === 0 ? keyEnd + 1 : keyEnd + 1 + value.offset;
  return { kind: 'line', keyStart: start, keyEnd, valueStart, valueEnd: valueStart + value.length };
}

/**
 * The value after `key:` (offset and length within `rest`; length 0 for no value), or undefined when the
 * rest is not in the subset. Every step is a single scan, so long lines cost linear time.
 */
function readValue(rest: string): { offset: number; length: number } | undefined {
  const body = rest.trimStart();
  const offset = rest.length - body.length;
  if (body === '' || body.startsWith('#')) return { offset, length: 0 };
  if (body[0] === '"' || body[0] === "'") {
    const close = body.indexOf(body[0], 1);
    if (close < 0 || (body[0] === '"' && body.slice(1, close).includes('\\'))) return undefined;
    return AFTER_QUOTED.test(body.slice(close + 1)) ? { offset, length: close + 1 } : undefined;
  }
  if (!PLAIN_START.test(body)) return undefined;
  const hash = body.indexOf(' #');
  const value = (hash < 0 ? body : body.slice(0, hash)).trimEnd();
  if (value.includes(': ') || value.endsWith(':')) return undefined;
  return { offset, length: value.length };
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
