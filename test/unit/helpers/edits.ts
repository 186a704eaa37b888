// Applies a fix's offset edits to a text, the way an editor does; the product never needs it (the editor
// applies code actions), so it lives with the tests.
import type { TextEdit } from '../../../server/src/core/finding';

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
