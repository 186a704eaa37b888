// Where a settings file may be cut into pieces that yaml parses one at a time. Nothing here reads a setting:
// it only finds lines that start a new top-level entry, so that each piece is parsed by yaml alone and an edit
// re-parses only the piece it touches. A cut must never change meaning, so the rules are strict, and the
// parse itself checks the rest (a piece with any yaml error is parsed again together with everything after it).

/** A piece of the text, `[start, end)`, that yaml parses alone. */
export interface ChunkSpan {
  start: number;
  end: number;
}

/** A chunk ends after an entry whose key hash has these bits clear: about 16 entries a chunk. */
const BOUNDARY_MASK = 15;
/** A chunk also ends once it holds this many entries or characters, so one chunk's parse stays small. */
const MAX_CHUNK_ENTRIES = 64;
const MAX_CHUNK_CHARS = 16 * 1024;

/**
 * Cuts a (template-blanked) text into pieces, or returns undefined when it must be parsed whole. Boundaries
 * depend on the keys around them, not on positions, so an edit leaves the other pieces' texts unchanged.
 */
export function planChunks(text: string): ChunkSpan[] | undefined {
  if (reachesAcrossLines(text)) return undefined;
  const entries = topLevelEntries(text);
  if (!entries || entries.starts.length < 2) return undefined;
  const { starts, hashes } = entries;
  const spans: ChunkSpan[] = [];
  let chunkStart = 0;
  let count = 0;
  for (let e = 0; e + 1 < starts.length; e++) {
    count++;
    const next = starts[e + 1];
    if ((hashes[e] & BOUNDARY_MASK) === 0 || count >= MAX_CHUNK_ENTRIES || next - chunkStart >= MAX_CHUNK_CHARS) {
      spans.push({ start: chunkStart, end: next });
      chunkStart = next;
      count = 0;
    }
  }
  spans.push({ start: chunkStart, end: text.length });
  return spans.length > 1 ? spans : undefined;
}

/**
 * Features whose meaning reaches from one entry into another: anchors and aliases (and the alias budget is
 * counted over the whole file), tabs (yaml's indentation rules for them are subtle), lone carriage returns
 * and byte order marks. Document markers and directives are found per line in topLevelEntries.
 */
function reachesAcrossLines(text: string): boolean {
  if (text.includes('\t') || text.includes('\uFEFF')) return true;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') return true;
  return hasNodeProperty(text, '&') || hasNodeProperty(text, '*');
}

/** True when `mark` (`&` or `*`) might open an anchor or alias: after a blank or flow indicator, before a name. */
function hasNodeProperty(text: string, mark: string): boolean {
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) {
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
function topLevelEntries(text: string): { starts: number[]; hashes: number[] } | undefined {
  const starts: number[] = [];
  const hashes: number[] = [];
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const first = text[lineStart];
    if (first === '-' || first === '.' || first === '%' || first === '?' || first === ':') {
      // `---`, `...` and `%` change documents; `?`/`:` explicit keys; `-` lines are fine only after an entry.
      if (first !== '-' || starts.length === 0 || text.startsWith('---', lineStart)) return undefined;
    }
    const hash = keyLineHash(text, lineStart, lineEnd);
    if (hash >= 0) {
      starts.push(lineStart);
      hashes.push(hash);
    } else if (starts.length === 0 && !isBlankOrComment(text, lineStart, lineEnd)) {
      return undefined;
    }
    lineStart = lineEnd + 1;
  }
  return { starts, hashes };
}

/**
 * When the line is `key:` at column 0, with a key of plain, safe characters and the colon followed by a blank
 * or the line's end, a hash of the key (FNV-1a: the same key always ends, or never ends, a chunk); else -1.
 * Such a line can only start a top-level entry.
 */
function keyLineHash(text: string, start: number, end: number): number {
  let c = text.charCodeAt(start);
  if (!isKeyStart(c)) return -1;
  let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
  for (let i = start + 1; i < end; i++) {
    c = text.charCodeAt(i);
    if (c === 58 /* : */) {
      const after = text.charCodeAt(i + 1);
      return i + 1 === end || after === 32 || (after === 13 && i + 2 === end) ? h >>> 0 : -1;
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
