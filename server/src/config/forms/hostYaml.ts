// Reading a host file (a manifest, values or compose file) as YAML nodes, within a token budget.
import { Composer, isMap, isScalar, isSeq, Lexer, Parser, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../../core/finding';

/**
 * yaml tokens read from one host file before recognition gives up. A 5,000-document manifest has about
 * 400,000; yaml spends a few microseconds per token, so this bounds a host parse near a second or two.
 */
export const MAX_HOST_TOKENS = 1_000_000;

/** The parsed documents of a host, or undefined when it holds more tokens than MAX_HOST_TOKENS. */
export function parseHost(text: string): Document.Parsed[] | undefined {
  const parser = new Parser();
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false });
  let tokens = 0;
  let over = false;
  function* lexemes() {
    for (const lexeme of new Lexer().lex(text, false)) {
      if (++tokens > MAX_HOST_TOKENS) {
        over = true;
        return;
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  const saved = Error.stackTraceLimit;
  // yaml builds an Error for every problem; stacks would only cost time here.
  Error.stackTraceLimit = 0;
  try {
    const docs = Array.from(composer.compose(lexemes())) as Document.Parsed[];
    return over ? undefined : docs;
  } finally {
    Error.stackTraceLimit = saved;
  }
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
