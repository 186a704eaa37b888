import { Composer, Lexer, Parser, type Document } from 'yaml';
import type { Finding, OffsetRange } from '../core/finding';
import { MAX_ALIAS_COUNT, MAX_SYNTAX_FINDINGS, MAX_YAML_TOKENS } from './limits';
import type { ScalarValue, Setting, SettingValue } from './types';
import { walkDocument, type WalkState } from './walk';
import { withoutStackTraces } from './quietYaml';

/** A yaml error as the parser gave it: its first message line and range. */
export interface RawError {
  message: string;
  range: OffsetRange;
}

/**
 * What yaml's parse of one piece of a file yields. All offsets are relative to the piece's start, so the
 * same piece text gives the same result wherever it stands in the file.
 */
export interface ChunkResult {
  settings: Setting[];
  /** Findings of the walk (a top level that is not a map, too many aliases). */
  findings: Finding[];
  /** yaml's errors, at most MAX_SYNTAX_FINDINGS per document. */
  errors: RawError[];
  /** yaml tokens read; the parse stops once MAX_YAML_TOKENS is passed. */
  tokens: number;
  /** True when the parse stopped at MAX_YAML_TOKENS; the rest of the result is then empty. */
  overBudget: boolean;
}

/** Stops a parse that has read too many tokens. */
class TokenBudgetExceeded extends Error {}

/**
 * Parses one piece with yaml (`uniqueKeys: false`) and walks its documents. `source` is the template-blanked
 * text yaml reads, `original` the user's text of the same length, which settings quote from.
 */
export function parseChunk(source: string, original: string): ChunkResult {
  const result: ChunkResult = { settings: [], findings: [], errors: [], tokens: 0, overBudget: false };
  let docs: Document.Parsed[];
  try {
    docs = withoutStackTraces(() => composeCounted(source, result));
  } catch (e) {
    if (!(e instanceof TokenBudgetExceeded)) throw e;
    return { settings: [], findings: [], errors: [], tokens: result.tokens, overBudget: true };
  }
  const state: WalkState = { text: original, settings: result.settings, findings: result.findings, aliasBudget: MAX_ALIAS_COUNT, base: 0 };
  docs.forEach((doc, i) => {
    for (const error of doc.errors.slice(0, MAX_SYNTAX_FINDINGS)) {
      result.errors.push({ message: error.message, range: { start: error.pos[0], end: error.pos[1] } });
    }
    walkDocument(doc, i, state);
  });
  return result;
}

/**
 * What yaml's parseAllDocuments does, with the lexer driven here so that the tokens can be counted: yaml's
 * time is about linear in its tokens, so the count bounds the time of any input, garbage included.
 */
function composeCounted(source: string, result: ChunkResult): Document.Parsed[] {
  const parser = new Parser();
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false });
  function* tokens() {
    for (const lexeme of new Lexer().lex(source, false)) {
      if (++result.tokens > MAX_YAML_TOKENS) throw new TokenBudgetExceeded();
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  // Aliases are never expanded by the parser here (no toJS); the walk follows at most MAX_ALIAS_COUNT of them.
  return Array.from(composer.compose(tokens())) as Document.Parsed[];
}


/** A YAML key that spells part of a setting's full key, with its range. */
export type KeyPart = Setting['keyParts'][number];

/**
 * A piece's settings moved to where the piece now starts, under the keys of the maps that hold the piece
 * (`parents`, empty at the top level).
 */
export function shiftSettings(settings: Setting[], by: number, parents: KeyPart[] = []): Setting[] {
  if (by === 0 && parents.length === 0) return settings;
  const prefix = parents.length === 0 ? '' : parents.map((p) => `${p.text}.`).join('');
  // The settings of a section share their parents' key parts: each is moved once, and shared again.
  const moved = new Map<KeyPart, KeyPart>();
  // map, not a pre-sized array: V8 fills `new Array(n)` of objects far more slowly.
  return settings.map((s) => shiftSetting(s, by, prefix, parents, moved));
}

// Written out field by field, in the order walk.ts builds them: these run for every setting after an edit, and
// objects of one shape keep the rules' property reads fast. As walk.ts does, the key's range is its last key
// part's range, one object, which saves the collector one object per setting moved.
function shiftSetting(s: Setting, by: number, prefix: string, parents: KeyPart[], moved: Map<KeyPart, KeyPart>): Setting {
  const keyParts: KeyPart[] = [];
  for (const parent of parents) keyParts.push(parent);
  const parts = s.keyParts;
  // The parts before the last are the keys of maps that hold the setting, shared with its neighbours.
  for (let i = 0; i < parts.length - 1; i++) {
    let next = moved.get(parts[i]);
    if (!next) moved.set(parts[i], (next = { text: parts[i].text, range: shift(parts[i].range, by) }));
    keyParts.push(next);
  }
  const own = parts[parts.length - 1];
  const keyRange = shift(s.keyRange, by);
  if (own) keyParts.push({ text: own.text, range: own.range === s.keyRange ? keyRange : shift(own.range, by) });
  return { key: prefix + s.key, keyRange, keyParts, value: shiftValue(s.value, by), pairRange: shift(s.pairRange, by), document: s.document };
}

function shiftValue(value: SettingValue, by: number): SettingValue {
  if (value.kind === 'scalar') return shiftScalar(value, by);
  if (value.kind === 'null') return { kind: 'null', range: shift(value.range, by) };
  const items = value.items.map((item) => shiftScalar(item, by));
  return { kind: 'list', items, range: shift(value.range, by), hasNonScalarItems: value.hasNonScalarItems };
}

function shiftScalar(v: ScalarValue, by: number): ScalarValue {
  return { kind: 'scalar', text: v.text, source: v.source, range: shift(v.range, by), quoted: v.quoted, templated: v.templated };
}

/** A walk finding moved to where its piece now starts (walk findings carry no fixes). */
export function shiftFinding(finding: Finding, by: number): Finding {
  if (by === 0) return finding;
  const moved: Finding = { ...finding, range: shift(finding.range, by) };
  if (finding.related) moved.related = finding.related.map((r) => ({ ...r, range: shift(r.range, by) }));
  return moved;
}

export function shift(range: OffsetRange, by: number): OffsetRange {
  return { start: range.start + by, end: range.end + by };
}
