// Where a settings file may be cut into pieces that yaml parses one at a time. Nothing here reads a setting:
// it only finds lines that start a new top-level entry, so that each piece is parsed by yaml alone and an edit
// re-parses only the piece it touches. A cut must never change meaning, so the rules are strict, and the
// parse itself checks the rest (a piece with any yaml error is parsed again together with everything after it).

/**
 * A piece of the text, `[start, end)`. A plain piece is parsed by yaml alone. A section piece is one entry
 * `key:` whose value is an indented map: its header line and its body's pieces are parsed apart, and the
 * header's key is put in front of every key of the body.
 */
export interface ChunkSpan {
  start: number;
  end: number;
  section?: { headerEnd: number; body: ChunkSpan[] };
}

/** A chunk ends after an entry whose key hash has these bits clear: about 16 entries a chunk. */
const BOUNDARY_MASK = 3;
/** A chunk also ends once it holds this many entries or characters, so one chunk's parse stays small. */
const MAX_CHUNK_ENTRIES = 64;
const MAX_CHUNK_CHARS = 512;
/** A `key:` entry with an indented map larger than this is cut inside its map too ... */
const MIN_SECTION_CHARS = 256;
/** ... down to this many levels, so that no line is scanned more than a few times. */
const MAX_SECTION_LEVELS = 6;

/** One line that starts an entry of a map, and its key's hash. */
interface Entry {
  start: number;
  hash: number;
}

/**
 * Cuts a (template-blanked) text into pieces, or returns undefined when it must be parsed whole. Boundaries
 * depend on the keys around them, not on positions, so an edit leaves the other pieces' texts unchanged.
 */
export function planChunks(text: string): ChunkSpan[] | undefined {
  const spans = planRegion(text, 0, text.length);
  return spans && (spans.length > 1 || spans[0]?.section) ? spans : undefined;
}

/**
 * Cuts `[from, to)` of a text whose other parts are cut already (after an edit, the pieces it touched), or
 * returns undefined when the region cannot be cut on its own. `from` and `to` must be the start of a line (or
 * the text's ends); unless `from` is 0 the region must begin with a top-level entry, and the line at `to`
 * must be one, so the pieces around the region stay valid.
 */
export function planRegion(text: string, from: number, to: number): ChunkSpan[] | undefined {
  if (reachesAcrossLines(text, from, to)) return undefined;
  const entries = topLevelEntries(text, from, to);
  if (!entries || (from > 0 && entries[0].start !== from)) return undefined;
  return group(text, entries, from, to, 0, 0);
}

/** Groups the entries of one map (keys at `indent`, `level` maps deep) into pieces covering `[from, to)`. */
function group(text: string, entries: Entry[], from: number, to: number, indent: number, level: number): ChunkSpan[] {
  const spans: ChunkSpan[] = [];
  let pieceStart = from;
  let count = 0;
  for (let e = 0; e < entries.length; e++) {
    const start = entries[e].start;
    const end = e + 1 < entries.length ? entries[e + 1].start : to;
    const big = end - start > MIN_SECTION_CHARS && level < MAX_SECTION_LEVELS;
    const section = big ? planSection(text, start, end, indent, level) : undefined;
    if (section) {
      if (start > pieceStart) spans.push({ start: pieceStart, end: start });
      spans.push({ start, end, section });
      pieceStart = end;
      count = 0;
    } else if (end < to && ((entries[e].hash & BOUNDARY_MASK) === 0 || ++count >= MAX_CHUNK_ENTRIES || end - pieceStart >= MAX_CHUNK_CHARS)) {
      spans.push({ start: pieceStart, end });
      pieceStart = end;
      count = 0;
    }
  }
  if (pieceStart < to || spans.length === 0) spans.push({ start: pieceStart, end: to });
  return spans;
}

/**
 * An entry `key:` (at `indent`, nothing but a comment after the colon) whose following lines are a map
 * indented further, every content line at its keys' indentation being a key line or a `-` item: the pieces
 * of that map. Undefined for any other shape; the entry is then parsed as it is.
 */
function planSection(text: string, start: number, end: number, indent: number, level: number): ChunkSpan['section'] {
  const headerLineEnd = lineEndOf(text, start);
  const colon = keyLineColon(text, start + indent, headerLineEnd);
  if (colon < 0 || !isBlankOrComment(text, colon + 1, headerLineEnd) || headerLineEnd >= end) return undefined;
  const headerEnd = headerLineEnd + 1;
  const entries: Entry[] = [];
  let inner = -1;
  for (let lineStart = headerEnd; lineStart < end; ) {
    const lineEnd = lineEndOf(text, lineStart);
    let at = lineStart;
    while (at < lineEnd && text[at] === ' ') at++;
    if (!isBlankOrComment(text, at, lineEnd)) {
      if (inner < 0) inner = at - lineStart;
      if (inner <= indent || at - lineStart < inner) return undefined;
      if (at - lineStart === inner) {
        const hash = keyLineHash(text, at, lineEnd);
        if (hash >= 0) entries.push({ start: lineStart, hash });
        else if (entries.length === 0 || text[at] !== '-') return undefined;
      }
    }
    lineStart = lineEnd + 1;
  }
  return entries.length > 0 ? { headerEnd, body: group(text, entries, headerEnd, end, inner, level + 1) } : undefined;
}

/**
 * Features whose meaning reaches from one entry into another: anchors and aliases (and the alias budget is
 * counted over the whole file), tabs (yaml's indentation rules for them are subtle), lone carriage returns
 * and byte order marks. Document markers and directives are found per line in topLevelEntries.
 */
function reachesAcrossLines(text: string, from: number, to: number): boolean {
  if (has(text, '\t', from, to) || has(text, '\uFEFF', from, to)) return true;
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') return true;
  return hasNodeProperty(text, '&', from, to) || hasNodeProperty(text, '*', from, to);
}

function has(text: string, c: string, from: number, to: number): boolean {
  const at = text.indexOf(c, from);
  return at >= 0 && at < to;
}

/**
 * True when `mark` (`&` or `*`) might open an anchor or alias in `[from, to)`: after a blank or flow indicator,
 * before a name. The character before `from` is a line's end, or there is none.
 */
function hasNodeProperty(text: string, mark: string, from: number, to: number): boolean {
  for (let i = text.indexOf(mark, from); i >= 0 && i < to; i = text.indexOf(mark, i + 1)) {
    const before = i === 0 ? '\n' : text[i - 1];
    const after = text[i + 1];
    const opens = before === ' ' || before === '\n' || before === '[' || before === '{' || before === ',';
    if (opens && after !== undefined && !' \r\n,[]{}'.includes(after)) return true;
  }
  return false;
}

/**
 * The start of every line that begins a top-level entry, with a hash of its key; undefined when the file
 * is not a plain top-level map (its first content line is no such key line, or a line starts a document
 * marker, directive or explicit key).
 */
function topLevelEntries(text: string, from: number, to: number): Entry[] | undefined {
  const entries: Entry[] = [];
  for (let lineStart = from; lineStart < to; ) {
    const lineEnd = lineEndOf(text, lineStart);
    const first = text[lineStart];
    if (first === '-' || first === '.' || first === '%' || first === '?' || first === ':') {
      // `---`, `...` and `%` change documents; `?`/`:` explicit keys; `-` lines are fine only after an entry.
      if (first !== '-' || entries.length === 0 || text.startsWith('---', lineStart)) return undefined;
    }
    const hash = keyLineHash(text, lineStart, lineEnd);
    if (hash >= 0) entries.push({ start: lineStart, hash });
    else if (entries.length === 0 && !isBlankOrComment(text, lineStart, lineEnd)) return undefined;
    lineStart = lineEnd + 1;
  }
  return entries.length > 0 ? entries : undefined;
}

function lineEndOf(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/**
 * When a line holds `key:` from `start`, with a key of plain, safe characters and the colon followed by a
 * blank or the line's end, a hash of the key (FNV-1a: the same key always ends, or never ends, a chunk);
 * else -1. At column 0 such a line can only start a top-level entry.
 */
function keyLineHash(text: string, start: number, end: number): number {
  return scanKey(text, start, end, false);
}

/** The offset of the colon of such a `key:` line, or -1. */
function keyLineColon(text: string, start: number, end: number): number {
  return scanKey(text, start, end, true);
}

function scanKey(text: string, start: number, end: number, colon: boolean): number {
  let c = text.charCodeAt(start);
  if (!isKeyStart(c)) return -1;
  let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
  for (let i = start + 1; i < end; i++) {
    c = text.charCodeAt(i);
    if (c === 58 /* : */) {
      const after = text.charCodeAt(i + 1);
      if (i + 1 < end && after !== 32 && !(after === 13 && i + 2 === end)) return -1;
      return colon ? i : h >>> 0;
    }
    if (!isKeyStart(c) && c !== 46 /* . */ && c !== 45 /* - */ && c !== 47 /* / */) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return -1;
}


/** ASCII letters, digits and `_`. */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '#') return true;
    if (c !== ' ' && c !== '\r') return false;
  }
  return true;
}
