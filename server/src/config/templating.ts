// Template engines (Helm/Go templates, Jinja) put non-YAML text into settings files. Before parsing, such spans
// are overwritten with characters of the same count, so every offset into the parsed text is an offset into
// the user's text.

/** Template delimiters: `{{ ... }}`, `{% ... %}` and `{# ... #}`. */
const DELIMITERS: ReadonlyArray<readonly [string, string]> = [['{{', '}}'], ['{%', '%}'], ['{#', '#}']];
/** A longer "span" is more likely a stray `{{` than a template expression. */
const MAX_SPAN = 4000;

/** True when the text holds `${VAR}` substitution or template syntax. */
export function isTemplated(text: string): boolean {
  return text.includes('${') || text.includes('{{') || text.includes('{%');
}

/**
 * Returns text of the same length in which template spans no longer disturb YAML:
 * a line made only of template spans becomes spaces; a span inside a line (a templated value) becomes `_`
 * characters, so the value stays a plain scalar. Newlines are always kept.
 */
export function blankTemplates(text: string): string {
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('{#')) return text;
  const covered = new Uint8Array(text.length);
  if (!markSpans(text, covered)) return text;
  const out: string[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    out.push(blankLine(text, covered, lineStart, lineEnd));
    if (lineEnd === text.length) break;
    out.push('\n');
    lineStart = lineEnd + 1;
  }
  return out.join('');
}

/**
 * Marks every template span in `covered`; false when there is none. Linear: the closing delimiter found for
 * one opening is reused for the next openings before it, so no text is searched twice.
 */
function markSpans(text: string, covered: Uint8Array): boolean {
  let any = false;
  for (const [open, close] of DELIMITERS) {
    let from = 0;
    let closeAt = -1;
    for (let at = text.indexOf(open, from); at >= 0; at = text.indexOf(open, from)) {
      if (closeAt < at + open.length) closeAt = text.indexOf(close, at + open.length);
      if (closeAt < 0) break;
      const end = closeAt + close.length;
      if (end - at <= MAX_SPAN) {
        covered.fill(1, at, end);
        any = true;
        from = end;
      } else {
        from = at + open.length;
      }
    }
  }
  return any;
}

function blankLine(text: string, covered: Uint8Array, start: number, end: number): string {
  let hasSpan = false;
  let templateOnly = true;
  for (let i = start; i < end; i++) {
    if (covered[i]) hasSpan = true;
    else if (!isSpace(text.charCodeAt(i))) templateOnly = false;
  }
  if (!hasSpan) return text.slice(start, end);
  // A span that began on an earlier line and continues here is blanked, so it cannot look like a new key.
  let continued = start;
  if (start > 0 && covered[start - 1]) while (continued < end && covered[continued]) continued++;
  let line = '';
  for (let i = start; i < end; i++) {
    if (!covered[i] || text[i] === '\r') line += text[i];
    else line += templateOnly || i < continued ? ' ' : '_';
  }
  return line;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}
