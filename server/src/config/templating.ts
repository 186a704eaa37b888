// Template engines (Helm/Go templates, Jinja) put non-YAML text into settings files. Before parsing, such spans
// are overwritten with characters of the same count, so every offset into the parsed text is an offset into
// the user's text.

/** `{{ ... }}`, `{% ... %}` and `{# ... #}` spans; bounded so an unclosed `{{` cannot make the scan quadratic. */
const TEMPLATE_SPAN = /\{\{[\s\S]{0,4000}?\}\}|\{%[\s\S]{0,4000}?%\}|\{#[\s\S]{0,4000}?#\}/g;

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
  let any = false;
  for (const m of text.matchAll(TEMPLATE_SPAN)) {
    covered.fill(1, m.index, m.index + m[0].length);
    any = true;
  }
  if (!any) return text;
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
