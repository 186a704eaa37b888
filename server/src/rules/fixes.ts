import type { ConfigModel, ScalarValue, Setting } from '../config/types';
import type { OffsetRange, TextEdit } from '../core/finding';

/**
 * Edits that delete settings from the text: whole lines for block forms (and the parent `key:` lines that
 * would be left with no children), or the pair and its comma inside a flow map.
 */
export function removeSettingsEdits(model: ConfigModel, targets: readonly Setting[]): TextEdit[] {
  const ranges = targets.map((s) => removalRange(model, s, targets));
  return mergeRanges(ranges).map((range) => ({ range, newText: '' }));
}

function removalRange(model: ConfigModel, setting: Setting, targets: readonly Setting[]): OffsetRange {
  const start = outermostEmptiedAncestorStart(model, setting, targets);
  const lines = wholeLines(model.text, start, setting.pairRange.end);
  return lines ?? flowPairRange(model.text, setting.pairRange);
}

/** Start of the highest ancestor key whose every child setting is being removed, else of the pair itself. */
function outermostEmptiedAncestorStart(model: ConfigModel, setting: Setting, targets: readonly Setting[]): number {
  let start = setting.pairRange.start;
  const at = indexOfSetting(model.settings, setting);
  if (at < 0) return start;
  for (let depth = setting.keyParts.length - 2; depth >= 0; depth--) {
    const partStart = setting.keyParts[depth].range.start;
    if (!siblingsAll(model.settings, at, depth, partStart, (s) => targets.includes(s))) break;
    start = partStart;
  }
  return start;
}

/**
 * Settings keep source order, so the descendants of one YAML key sit next to each other: walk out from the
 * setting while the ancestor at `depth` is the same node, and test each.
 */
function siblingsAll(settings: readonly Setting[], at: number, depth: number, partStart: number, test: (s: Setting) => boolean): boolean {
  const same = (s: Setting | undefined) => s !== undefined && s.keyParts[depth]?.range.start === partStart;
  for (let i = at; same(settings[i]); i--) if (!test(settings[i])) return false;
  for (let i = at + 1; same(settings[i]); i++) if (!test(settings[i])) return false;
  return true;
}

/** Position of a setting in source order, found by binary search on its key offset. */
function indexOfSetting(settings: readonly Setting[], setting: Setting): number {
  let lo = 0;
  let hi = settings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = settings[mid].keyRange.start;
    if (start === setting.keyRange.start) return settings[mid] === setting ? mid : settings.indexOf(setting);
    if (start < setting.keyRange.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return settings.indexOf(setting);
}

/** The full lines from `start` to `end` (newline included) when nothing else shares them; else undefined. */
export function wholeLines(text: string, start: number, end: number): OffsetRange | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return undefined;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const rest = text.slice(end, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  return { start: lineStart, end: lineEnd < text.length ? lineEnd + 1 : lineEnd };
}

/** A pair inside a flow map: take a following `, ` (or else a preceding one) with it. */
function flowPairRange(text: string, pair: OffsetRange): OffsetRange {
  const after = /^\s*,\s*/.exec(text.slice(pair.end, pair.end + 200));
  if (after) return { start: pair.start, end: pair.end + after[0].length };
  const before = /\s*,\s*$/.exec(text.slice(Math.max(0, pair.start - 200), pair.start));
  return before ? { start: pair.start - before[0].length, end: pair.end } : pair;
}

function mergeRanges(ranges: OffsetRange[]): OffsetRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: OffsetRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * An edit that renames a setting to `newKey` by rewriting only its last YAML key, when the enclosing keys
 * already spell the start of `newKey`; undefined when the rename would need to move the setting.
 */
export function renameKeyEdit(setting: Setting, newKey: string, text: string): TextEdit | undefined {
  const parents = setting.keyParts.slice(0, -1).map((p) => p.text);
  const prefix = parents.length > 0 ? `${parents.join('.')}.` : '';
  if (!newKey.startsWith(prefix) || newKey.length === prefix.length) return undefined;
  const last = newKey.slice(prefix.length);
  const written = text.slice(setting.keyRange.start, setting.keyRange.end);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  return { range: setting.keyRange, newText: `${quote}${last}${quote}` };
}

/** An edit that replaces a scalar (or list item), keeping the user's quotes. */
export function replaceScalarEdit(value: ScalarValue, newText: string): TextEdit {
  const quote = value.quoted ? value.source[0] : '';
  return { range: value.range, newText: `${quote}${newText}${quote}` };
}
