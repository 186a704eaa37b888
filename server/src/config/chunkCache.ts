import { commonPrefix, commonSuffix } from '../core/commonText';
import type { Finding } from '../core/finding';
import { planChunks, planRegion, type ChunkSpan } from './chunks';
import { shift, shiftFinding, shiftSettings, type ChunkResult, type KeyPart, type RawError } from './parseChunk';
import type { Setting } from './types';

/** A piece's settings and findings placed at an offset in the file. */
interface Placement {
  at: number;
  /** The keys of the maps around the piece, as `text@start` joined: part of where it is placed. */
  under: string;
  settings: Setting[];
  findings: Finding[];
}

/** What a top-level span yields, at file offsets: its settings, findings and yaml errors. */
export interface Piece {
  settings: Setting[];
  findings: Finding[];
  errors: RawError[];
  /** No yaml error, and a section's header and body read as expected. */
  clean: boolean;
  /** yaml tokens read for it. */
  tokens: number;
}

/**
 * One top-level span of a parse and what was read from it. Both stand at the offsets they had when read; the
 * span has moved `moved` characters since (an edit before it), and is moved lazily, when it is read again.
 */
export interface TopSpan {
  span: ChunkSpan;
  moved: number;
  /** Undefined until read (a span after one with a yaml error is not read: the rest of the file is). */
  piece: Piece | undefined;
  /**
   * For a section, the cache keys of the pieces read for it: kept while the span is, so that an edit inside
   * the section, which plans it again, parses only the pieces whose text changed.
   */
  keys?: string[];
}

/** The texts a parse read and its top-level spans, which the next parse carries over. */
interface LastParse {
  /** The user's text (leading template tags moved), from which settings quote. */
  view: string;
  /** The text yaml read (templates blanked). */
  parsed: string;
  spans: TopSpan[];
}

/**
 * The piece setting each placed setting was moved from. A piece's settings are immutable and keyed by the
 * piece's text, so two placed settings with one origin and one full key hold the same key and value text:
 * what a rule concludes from those alone it may keep (rules/quietMemo.ts). Identity only, never read.
 */
const ORIGIN = Symbol('origin');

/** The piece setting `setting` was placed from, or undefined when it did not come through a ChunkCache. */
export function settingOrigin(setting: Setting): Setting | undefined {
  return (setting as { [ORIGIN]?: Setting })[ORIGIN];
}

/** Links a placed setting to its piece's setting: a hidden property, read far more often than set. */
function linkOrigin(placed: Setting, origin: Setting): void {
  Object.defineProperty(placed, ORIGIN, { value: origin, enumerable: false, configurable: true });
}

/**
 * What one document's parses keep for the next: the latest parse's top-level spans with their settings, so
 * that an edit re-plans and re-reads only the spans it touched and moves the ones after it; and yaml's results
 * for pieces by text, so that a re-read span parses only the pieces whose text changed. One instance per open
 * document, owned by whoever keeps that document's parse (the server's document cache); it holds only what
 * the latest parse used.
 */
export class ChunkCache {
  /** Results the next parse may reuse, and those the current parse read. */
  private kept = new Map<string, ChunkResult>();
  private used = new Map<string, ChunkResult>();
  /** The latest placement of each result: a piece that did not move reuses it, with no copying. */
  private readonly placements = new WeakMap<ChunkResult, Placement>();
  private last: LastParse | undefined;

  /** The result for a piece, parsing it with `parse` when no earlier parse saw the same text. */
  get(key: string, parse: () => ChunkResult): ChunkResult {
    let result = this.used.get(key) ?? this.kept.get(key);
    if (!result) result = parse();
    this.used.set(key, result);
    return result;
  }

  /**
   * The top-level spans of a (template-blanked) text: the latest parse's spans that an edit left alone, with
   * what was read from them, and new, unread spans for the region the edit touched. A single span covering the
   * text when it cannot be cut.
   */
  plan(view: string, parsed: string): TopSpan[] {
    const last = this.last;
    this.last = undefined;
    const carried = last && carryOver(last, view, parsed);
    if (carried) return carried;
    const spans = planChunks(parsed) ?? [{ start: 0, end: parsed.length }];
    return spans.map((span) => ({ span, moved: 0, piece: undefined }));
  }

  /** Keeps a parse's spans for the next parse, which may carry them over. */
  keep(view: string, parsed: string, spans: TopSpan[]): void {
    this.last = { view, parsed, spans };
  }

  /**
   * A result's settings and findings with offsets moved to `at`, the piece's current start, under the keys
   * of the maps that hold the piece.
   */
  place(result: ChunkResult, at: number, parents: KeyPart[]): Placement {
    let placement = this.placements.get(result);
    const under = parents.map((p) => `${p.text}@${p.range.start}`).join('\n');
    if (!placement || placement.at !== at || placement.under !== under) {
      const settings = shiftSettings(result.settings, at, parents);
      if (settings !== result.settings || settingOrigin(result.settings[0] ?? ({} as Setting)) === undefined) {
        settings.forEach((placed, i) => linkOrigin(placed, result.settings[i]));
      }
      placement = { at, under, settings, findings: result.findings.map((f) => shiftFinding(f, at)) };
      this.placements.set(result, placement);
    }
    return placement;
  }

  /**
   * Ends one parse: results it did not read are dropped, except those of the sections it carried over, which
   * bounds the cache by the document's size.
   */
  finishParse(): void {
    const next = this.used;
    for (const top of this.last?.spans ?? []) {
      for (const key of top.keys ?? []) {
        const result = next.has(key) ? undefined : this.kept.get(key);
        if (result) next.set(key, result);
      }
    }
    [this.kept, this.used] = [next, new Map()];
  }

  /** Pieces held. */
  get size(): number {
    return this.kept.size;
  }
}

/** Brings a top-level span to where it stands now (see TopSpan), with its piece. */
export function settle(top: TopSpan): void {
  if (top.moved === 0) return;
  const by = top.moved;
  top.span = shiftSpan(top.span, by);
  if (top.piece) top.piece = shiftPiece(top.piece, by);
  top.moved = 0;
}

function shiftSpan(span: ChunkSpan, by: number): ChunkSpan {
  if (!span.section) return { start: span.start + by, end: span.end + by };
  const body = span.section.body.map((s) => shiftSpan(s, by));
  return { start: span.start + by, end: span.end + by, section: { headerEnd: span.section.headerEnd + by, body } };
}

/** A placed piece moved by `by`, each setting still linked to its piece's setting. */
function shiftPiece(piece: Piece, by: number): Piece {
  const settings = shiftSettings(piece.settings, by);
  settings.forEach((moved, i) => linkOrigin(moved, settingOrigin(piece.settings[i]) ?? piece.settings[i]));
  return {
    settings,
    findings: piece.findings.map((f) => shiftFinding(f, by)),
    errors: piece.errors.map((e) => ({ message: e.message, range: shift(e.range, by) })),
    clean: piece.clean,
    tokens: piece.tokens,
  };
}

/**
 * The latest parse's spans carried over to a new text: the spans before the edit as they were, the spans
 * after it moved by the edit's length, and the spans it touched planned again. Undefined when the touched
 * region cannot be cut on its own (the whole text is planned again).
 */
function carryOver(last: LastParse, view: string, parsed: string): TopSpan[] | undefined {
  const spans = last.spans;
  const shortest = Math.min(parsed.length, last.parsed.length);
  let prefix = commonPrefix(last.parsed, parsed, shortest);
  let suffix = commonSuffix(last.parsed, parsed, shortest - prefix);
  if (view !== parsed || last.view !== last.parsed) {
    // Blanked templates hide the user's text, which settings quote: both must be unchanged.
    prefix = Math.min(prefix, commonPrefix(last.view, view, shortest));
    suffix = Math.min(suffix, commonSuffix(last.view, view, shortest - prefix));
  }
  const editEnd = last.parsed.length - suffix;
  const delta = parsed.length - last.parsed.length;
  // Touched: a span holding a changed character, or ending or starting right at one, since a changed line
  // start may no longer begin an entry.
  let first = 0;
  while (first < spans.length - 1 && endOf(spans[first]) < prefix) first++;
  let end = first;
  while (end < spans.length && startOf(spans[end]) <= editEnd) end++;
  const from = startOf(spans[first]);
  const to = end < spans.length ? startOf(spans[end]) + delta : parsed.length;
  const region = planRegion(parsed, from, to);
  if (!region) return undefined;
  const out = spans.slice(0, first);
  for (const span of region) out.push({ span, moved: 0, piece: undefined });
  for (let i = end; i < spans.length; i++) {
    const top = spans[i];
    top.moved += delta;
    out.push(top);
  }
  return out;
}

function startOf(top: TopSpan): number {
  return top.span.start + top.moved;
}

function endOf(top: TopSpan): number {
  return top.span.end + top.moved;
}
