// The one place where engine offsets become LSP positions and back: a thin mapper over core/lineIndex.ts,
// whose plain { line, character } shapes match LSP's with the default UTF-16 position encoding.
import type { Position, Range } from 'vscode-languageserver';
import type { OffsetRange } from '../core/finding';
import type { LineIndex } from '../core/lineIndex';

/** The LSP range of an engine offset range. */
export function toLspRange(lines: LineIndex, range: OffsetRange): Range {
  return lines.rangeOf(range);
}

/** The engine offset of an LSP position (clamped to the line's content). */
export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}
