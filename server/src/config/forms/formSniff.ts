// The content sniff of one open document across its versions: when the last text matched none of the
// patterns, a new version is tested only around what the edit changed.
import { commonPrefix, commonSuffix } from '../../core/commonText';
import { BEATS_PATTERNS, beatsContentWhere, isBeatsFile, isBeatsNamedText } from './beats';
import { formsWhere, SNIFF_PATTERNS, sniffForms } from './sniff';
import type { FormKind } from './types';

/** Every content pattern of the sniff (sniff.ts) and of the Beats test (beats.ts). */
const PATTERNS: readonly RegExp[] = [...SNIFF_PATTERNS, ...BEATS_PATTERNS];

/**
 * The candidate forms of a text as recognizeForms sees them: the sniffed host forms, else `beats` for a Beats
 * or Agent file, else none.
 */
export function candidateForms(text: string, fileName?: string): FormKind[] {
  const sniffed = sniffForms(text);
  return sniffed.length === 0 && isBeatsFile(text, fileName) ? ['beats'] : sniffed;
}

/**
 * Keeps the last text and which patterns matched anywhere in it (each one, not only the verdict: compose needs
 * `services:` and an Elastic image, so one may match while the verdict is none).
 *
 * When none matched, a new text is tested only on a slice around the edit, which is exact for these patterns:
 * - Each is anchored with `^` under the `m` flag, and only `\s` crosses a line end. So a match, taken as short
 *   as it can be, covers: at most one whitespace-only line (a `^\s+` whose key starts the next line), the key
 *   line, then whitespace-only lines and a value line (`apiVersion:` and `kind:` may put their value lines
 *   below), and the value line's line break (the image pattern may end on it).
 * - The old text matched nothing, so a match in the new text must read a character the edit changed (or both
 *   sides of a deletion); what it reads is its characters, the line break before it (`^`) and the character
 *   after it (`$`, `\b`). Its lines therefore meet the lines from the one holding the edit's start to the one
 *   holding the first unchanged character after it.
 * - Those lines widened backwards over whitespace-only lines, one line, and whitespace-only lines again, and
 *   forwards over whitespace-only lines, one line, whitespace-only lines and one line, hold every such match:
 *   backwards the key line and the blank line before it, forwards the key, value and the value's line break
 *   (the line after the value, whether blank or not).
 * - The slice starts at a line start and ends at a line end, where `^`, `$` and `\b` see what they see in the
 *   whole text. Line breaks are `\n`, `\r`, U+2028 and U+2029, each on its own, as `^` and `$` take them.
 * A pattern that matches the slice sends the text to the full sniff, which recounts every pattern. A pattern of
 * another shape (a key line matched together with a line further away, a lookbehind) must not join these
 * lists; the verdict would have to test it on the whole text every time.
 */
export class FormSniff {
  private last: { text: string; fileName?: string; matched: Map<RegExp, boolean>; none: boolean } | undefined;

  /** The candidate forms of `text` (as `candidateForms` answers), testing only what changed when it can. */
  candidates(text: string, fileName?: string): FormKind[] {
    const last = this.last;
    if (last && last.none && last.fileName === fileName) {
      const slice = changedSlice(last.text, text);
      if (!PATTERNS.some((p) => p.test(slice))) {
        last.text = text;
        return isBeatsNamedText(text, fileName) ? ['beats'] : [];
      }
    }
    // Each pattern is tested at most once, and only as far as the verdict asks, as sniffForms does.
    const matched = new Map<RegExp, boolean>();
    const has = (pattern: RegExp) => {
      let found = matched.get(pattern);
      if (found === undefined) matched.set(pattern, (found = pattern.test(text)));
      return found;
    };
    const sniffed = formsWhere(has);
    const forms: FormKind[] = sniffed.length === 0 && (isBeatsNamedText(text, fileName) || beatsContentWhere(has)) ? ['beats'] : sniffed;
    // Whether no pattern matches anywhere: those the verdict skipped are tested now, unless one already matched.
    const none = ![...matched.values()].some(Boolean) && !PATTERNS.some(has);
    this.last = { text, fileName, matched, none };
    return forms;
  }
}

/** The lines of `text` around what changed since `before`, widened as FormSniff says. */
export function changedSlice(before: string, text: string): string {
  const shortest = Math.min(before.length, text.length);
  const prefix = commonPrefix(before, text, shortest);
  const suffix = commonSuffix(before, text, shortest - prefix);
  if (prefix === before.length && prefix === text.length) return '';
  let from = lineStart(text, prefix);
  let to = lineEnd(text, text.length - suffix);
  from = blankBefore(text, from);
  from = lineBefore(text, from);
  from = blankBefore(text, from);
  to = blankAfter(text, to);
  to = lineAfter(text, to);
  to = blankAfter(text, to);
  to = lineAfter(text, to);
  return text.slice(from, to);
}

/** `\n`, `\r`, U+2028 and U+2029: where `^` and `$` under the `m` flag see a line end. */
function isBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Start of the line holding `at` (a line break belongs to the line it ends). */
function lineStart(text: string, at: number): number {
  while (at > 0 && !isBreak(text.charCodeAt(at - 1))) at--;
  return at;
}

/** End of the line holding `at` (the position of its line break, or the text's end). */
function lineEnd(text: string, at: number): number {
  while (at < text.length && !isBreak(text.charCodeAt(at))) at++;
  return at;
}

/** From a line start, the start of the line before it (itself at the text's start). */
function lineBefore(text: string, from: number): number {
  return from === 0 ? 0 : lineStart(text, from - 1);
}

/** From a line end, the end of the line after it (itself at the text's end). */
function lineAfter(text: string, to: number): number {
  return to === text.length ? to : lineEnd(text, to + 1);
}

const NON_SPACE = /\S/;

/** From a line start, back over the whitespace-only lines before it. */
function blankBefore(text: string, from: number): number {
  while (from > 0) {
    const start = lineStart(text, from - 1);
    if (NON_SPACE.test(text.slice(start, from - 1))) break;
    from = start;
  }
  return from;
}

/** From a line end, on over the whitespace-only lines after it. */
function blankAfter(text: string, to: number): number {
  while (to < text.length) {
    const end = lineEnd(text, to + 1);
    if (NON_SPACE.test(text.slice(to + 1, end))) break;
    to = end;
  }
  return to;
}
