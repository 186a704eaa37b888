import { AnswerMemo } from '../core/answerMemo';
import type { Finding } from '../core/finding';
import { shiftFinding, shiftSettings, type ChunkResult, type KeyPart } from './parseChunk';
import type { Setting } from './types';

/** A piece's settings and findings placed at an offset in the file. */
interface Placement {
  at: number;
  /** The keys of the maps around the piece, as `text@start` joined: part of where it is placed. */
  under: string;
  settings: Setting[];
  findings: Finding[];
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
 * yaml's results for the pieces of one document, keyed by piece text, so that a re-parse after an edit parses
 * only the pieces whose text changed. One instance per open document, owned by whoever keeps that document's
 * parse (the server's document cache); it holds only the pieces the latest parse used.
 */
export class ChunkCache {
  private readonly results = new AnswerMemo<ChunkResult>();
  /** The latest placement of each result: a piece that did not move reuses it, with no copying. */
  private readonly placements = new WeakMap<ChunkResult, Placement>();

  /** The result for a piece, parsing it with `parse` when no earlier parse saw the same text. */
  get(key: string, parse: () => ChunkResult): ChunkResult {
    return this.results.remember(key, parse);
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

  /** Ends one parse: pieces it did not use are dropped, which bounds the cache by the document's size. */
  finishParse(): void {
    this.results.startCheck();
  }

  /** Pieces held. */
  get size(): number {
    return this.results.size;
  }
}
