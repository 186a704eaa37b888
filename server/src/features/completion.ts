// Completion at an offset of a settings file: keys at key positions, values at value positions.
import type { SettingIndex } from '../catalog/lookup';
import { keyPathAt } from '../config/keyPath';
import type { CompletionEntry } from './completionTypes';
import { completeKeys } from './keyCompletion';

export { keyDocumentation } from './keyCompletion';
import { completeValues, type PathCompletionEnv } from './valueCompletion';

export type { CompletionEntry, DirEntry } from './completionTypes';
export type { PathCompletionEnv } from './valueCompletion';

/** Inputs beyond the text: keys already set (not offered again) and file listing for path values. */
export interface CompletionEnv extends PathCompletionEnv {
  existingKeys?: ReadonlySet<string>;
}

/** True when the cursor sits in a comment: a `#` at the line's start or after a blank, before the cursor. */
function inComment(text: string, offset: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return /(^|\s)#/.test(before);
}

/** Every proposal for the cursor at `offset` in `text`. */
export function completeAt(text: string, offset: number, catalog: SettingIndex, env: CompletionEnv = {}): CompletionEntry[] {
  if (inComment(text, offset)) return [];
  const ctx = keyPathAt(text, offset);
  if (ctx.position === 'value') {
    const entries = completeValues(ctx, catalog, env);
    // Right after a typed `:` (the trigger character) a value needs its separating space.
    const glued = ctx.valueRange && text[ctx.valueRange.start - 1] === ':';
    return glued ? entries.map((e) => ({ ...e, insertText: ` ${e.insertText}`, filterText: e.filterText ?? e.label })) : entries;
  }
  return completeKeys(text, ctx, catalog, env.existingKeys ?? new Set());
}
