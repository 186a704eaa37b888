import type { Finding } from '../core/finding';

/**
 * Files larger than this are not parsed. Real elasticsearch.yml and kibana.yml files stay far below it; the
 * bound keeps yaml's time on any input near a second (MAX_YAML_TOKENS bounds the rest).
 */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;
/**
 * yaml tokens read before a parse stops. yaml spends at most a few microseconds per token on any input we
 * measured (garbage such as `[]` or `:` runs is the worst), and a 5,000-line settings file has about 30,000.
 */
export const MAX_YAML_TOKENS = 250_000;
/** At most this many YAML syntax errors are reported; the rest add noise, not help. */
export const MAX_SYNTAX_FINDINGS = 20;
/** Deeper nesting than this (flow brackets or indentation levels) is refused before parsing. */
export const MAX_DEPTH = 256;
/** Aliases expanded while walking one file. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Checks that a text is safe to hand to the YAML parser. Returns the one finding that stops the parse, or
 * undefined. Every check is a single linear scan.
 */
export function checkLimits(text: string): Finding | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return limitFinding(text, 'file-too-large', `The file has ${text.length} characters; files over ${MAX_FILE_CHARS} characters (2 MB) are not checked.`);
  }
  if (text.includes('\0')) {
    return limitFinding(text, 'not-text', 'The file holds NUL bytes, so it is binary data, not a YAML settings file.');
  }
  const depth = Math.max(flowDepth(text), indentDepth(text));
  if (depth > MAX_DEPTH) {
    return limitFinding(text, 'yaml-too-deep', `The YAML nests deeper than ${MAX_DEPTH} levels, so it is not checked.`);
  }
  return undefined;
}

/** The one finding that replaces a parse: on the first line, so it is seen. */
export function limitFinding(text: string, ruleId: string, message: string): Finding {
  const firstLineEnd = text.indexOf('\n');
  const end = Math.min(firstLineEnd < 0 ? text.length : firstLineEnd, 200);
  return { ruleId, severity: 'error', message, range: { start: 0, end } };
}

/** Highest count of open `[` / `{`, skipping comments and quoted strings. */
export function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  // Jumps from one bracket, `#` or quote to the next: most characters are none of these.
  const next = /[[\]{}#"']/g;
  for (let hit = next.exec(text); hit; hit = next.exec(text)) {
    const i = hit.index;
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > max) max = depth;
    } else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
    } else if (c === '#') {
      if (i > 0 && !/\s/.test(text[i - 1])) continue;
      const nl = text.indexOf('\n', i);
      next.lastIndex = nl < 0 ? text.length : nl;
    } else if (startsQuote(text, i)) {
      next.lastIndex = quoteEnd(text, i) + 1;
    }
  }
  return max;
}

/** A quote opens a quoted scalar only where a scalar can start. */
function startsQuote(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1];
  return before === ' ' || before === '\t' || before === '\n' || before === '[' || before === '{' || before === ',' || before === ':';
}

function quoteEnd(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') j++;
    else if (text[j] === q) return j;
  }
  return text.length;
}

/** Number of nested indentation levels (plus `- ` markers that open a sequence on the same line). */
export function indentDepth(text: string): number {
  const stack: number[] = [];
  let max = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text[i] === ' ') i++;
    if (i < lineEnd && text[i] !== '#' && text[i] !== '\r') {
      const indent = i - lineStart;
      while (stack.length > 0 && stack[stack.length - 1] >= indent) stack.pop();
      stack.push(indent);
      let dashes = 0;
      while (i + 1 < lineEnd && text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        dashes++;
        i += 2;
        while (i < lineEnd && text[i] === ' ') i++;
      }
      max = Math.max(max, stack.length + dashes);
    }
    lineStart = lineEnd + 1;
  }
  return max;
}
