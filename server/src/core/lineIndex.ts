// Offsets <-> zero-based line/character positions. Offsets and characters are both UTF-16 code units
// (JavaScript string indices), which is also the LSP default position encoding; lsp/convert.ts maps these
// plain shapes to LSP types, the CLI prints them 1-based.
import type { OffsetRange } from './finding';

/** A zero-based line and a character within it (UTF-16 code units). */
export interface LinePosition {
  line: number;
  character: number;
}

/** A span between two positions, end exclusive. */
export interface LineRange {
  start: LinePosition;
  end: LinePosition;
}

/** Line starts of a text, computed once; `\n`, `\r\n` and `\r` all end a line, as LSP says. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Without \r the native search finds line ends several times faster than a loop over every character.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Position of an offset; offsets outside the text are clamped. */
  positionAt(offset: number): LinePosition {
    const o = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Offset of a position; a character past the line's end stops at the end of the line's content. */
  offsetAt(position: LinePosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const end = this.lineContentEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  rangeOf(range: OffsetRange): LineRange {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }

  offsetRangeOf(range: LineRange): OffsetRange {
    const start = this.offsetAt(range.start);
    return { start, end: Math.max(start, this.offsetAt(range.end)) };
  }

  /** Offset just before the line break that ends `line` (or the text's end). */
  private lineContentEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** 1-based line and column of an offset, as compilers print them (columns count UTF-16 code units). */
export function lineColumnAt(index: LineIndex, offset: number): { line: number; column: number } {
  const p = index.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}
