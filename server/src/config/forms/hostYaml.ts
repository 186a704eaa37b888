// Reading a host file (a manifest, values or compose file) as YAML nodes, within a token budget.
import { Composer, isMap, isScalar, isSeq, Lexer, Parser, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../../core/finding';
import { withoutStackTraces } from '../quietYaml';

/**
 * yaml tokens read from one host file before recognition gives up. A 5,000-document manifest has about
 * 400,000; yaml spends a few microseconds per token, so this bounds a host parse near a second or two.
 */
export const MAX_HOST_TOKENS = 1_000_000;

/**
 * The parsed documents of a host, or undefined when it holds more tokens than MAX_HOST_TOKENS. With `keep`,
 * the text is cut at its `---` lines and a piece whose text `keep` refuses is not parsed at all: a large
 * manifest is mostly Deployments and Services no reader looks at, and yaml's parse costs far more than a
 * regular-expression test. A `---` line at column 0 always starts a new document (a block scalar cannot hold
 * one, YAML 1.2 section 9.1.4), so each piece parses as it would in the whole stream; its offsets stay the
 * host's (the parser starts counting at the piece's start).
 */
export function parseHost(text: string, keep?: (source: string) => boolean): Document.Parsed[] | undefined {
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false });
  let tokens = 0;
  let over = false;
  function* lexemes(start: number, end: number) {
    const parser = new Parser();
    parser.offset = start;
    for (const lexeme of new Lexer().lex(start === 0 && end === text.length ? text : text.slice(start, end), false)) {
      if (++tokens > MAX_HOST_TOKENS) {
        over = true;
        return;
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  function* pieces() {
    if (!keep) return yield* lexemes(0, text.length);
    for (const [start, end] of documentPieces(text)) {
      if (over) return;
      if (keep(text.slice(start, end))) yield* lexemes(start, end);
    }
  }
  // yaml builds an Error for every problem; stacks would only cost time here.
  const docs = withoutStackTraces(() => Array.from(composer.compose(pieces())) as Document.Parsed[]);
  return over ? undefined : docs;
}

/** `[start, end)` of each piece of a text cut before every `---` document marker line. */
function documentPieces(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m.index > start) out.push([start, m.index]);
    start = m.index;
  }
  out.push([start, text.length]);
  return out;
}

/** The pair of a map whose key is the plain scalar `key`. */
export function pairOf(node: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of (node as YAMLMap<Node, Node | null>).items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair;
  }
  return undefined;
}

/** The value node at a path of map keys, or undefined. */
export function valueAt(node: unknown, ...path: string[]): Node | null | undefined {
  let at: unknown = node;
  for (const key of path) {
    const pair = pairOf(at, key);
    if (!pair) return undefined;
    at = pair.value;
  }
  return at as Node | null | undefined;
}

/** A scalar's value as text (numbers and booleans as written), or undefined for anything else. */
export function stringOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'object' ? undefined : String(node.value);
}

/** The items of a sequence node (empty for anything else). */
export function itemsOf(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** A node's range in the host, without what follows its value (comments, line ends). */
export function rangeOf(node: Node): OffsetRange {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}

/**
 * The host characters that hold a settings document written as a node: a block scalar's content lines, or
 * a block mapping's lines from its first key's line start (indentation kept, so the offsets stay the host's),
 * or a flow mapping. Undefined for quoted, plain and folded scalars, whose escapes and folding move characters.
 */
export function documentRegion(text: string, node: Node): OffsetRange | undefined {
  const [start, , end] = node.range ?? [0, 0, 0];
  if (isScalar(node)) {
    if (node.type !== 'BLOCK_LITERAL') return undefined;
    const headerEnd = text.indexOf('\n', start);
    if (headerEnd < 0 || headerEnd + 1 >= end) return undefined;
    return { start: headerEnd + 1, end };
  }
  if (!isMap(node)) return undefined;
  if (node.flow) return { start, end };
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // A map that opens on a line with other text before it (a sequence dash) would not read alone as it stands.
  return /^[ ]*$/.test(text.slice(lineStart, start)) ? { start: lineStart, end } : undefined;
}

/** The host characters of a region, read as a settings file of their own (offsets shift by `region.start`). */
export function regionText(text: string, region: OffsetRange): string {
  return text.slice(region.start, region.end);
}
