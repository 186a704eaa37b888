// Template engines put non-YAML text into settings files: Jinja/Ansible and Salt (`{{ }}`, `{% %}`, `{# #}`),
// Go templates of Helm, consul-template and confd (`{{ }}`), Terraform templatefile (`%{ }` directives and `${ }`
// interpolations) and ERB (`<% %>`). Before parsing, such spans are overwritten with characters of the same
// count, so every offset into the parsed text is an offset into the user's text.

/** Delimiters whose span ends at the first closing text (they do not nest). */
const DELIMITERS: ReadonlyArray<readonly [string, string]> = [['{{', '}}'], ['{%', '%}'], ['{#', '#}'], ['<%', '%>']];
/** A longer "span" is more likely a stray `{{` than a template expression. */
const MAX_SPAN = 4000;

/** True when the text holds `${VAR}` substitution or template syntax. */
export function isTemplated(text: string): boolean {
  return text.includes('${') || text.includes('{{') || text.includes('{%') || text.includes('%{') || text.includes('<%');
}

/** True when the text may hold a template span at all (a quick test before any work). */
export function mayHoldTemplates(text: string): boolean {
  return isTemplated(text) || text.includes('{#');
}

/**
 * Returns text of the same length in which template spans no longer disturb YAML:
 * a line made only of template spans becomes spaces; a span inside a line (a templated value) becomes `_`
 * characters, so the value stays a plain scalar. Newlines are always kept.
 */
export function blankTemplates(text: string): string {
  if (!mayHoldTemplates(text)) return text;
  const covered = templateSpans(text);
  if (!covered) return text;
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

/** Marks every template span (1 = covered); undefined when there is none. */
export function templateSpans(text: string): Uint8Array | undefined {
  const covered = new Uint8Array(text.length);
  const delimited = markDelimited(text, covered);
  const braced = markBraced(text, covered);
  return delimited || braced ? covered : undefined;
}

/**
 * Marks the spans of the non-nesting delimiters. Linear: the closing delimiter found for one opening is reused
 * for the next openings before it, so no text is searched twice.
 */
function markDelimited(text: string, covered: Uint8Array): boolean {
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

/**
 * Marks Terraform's `${ ... }` and `%{ ... }`, whose expressions may hold braces of their own
 * (`${jsonencode({ a = 1 })}`): one pass per line with a stack of open braces, so nesting costs nothing extra.
 * Only the outermost span of a nest is filled, so deep nesting stays linear.
 */
function markBraced(text: string, covered: Uint8Array): boolean {
  if (!text.includes('${') && !text.includes('%{')) return false;
  let any = false;
  const stack: number[] = []; // start offset of a template opening, or -1 for a plain `{`
  let templates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      stack.length = 0;
      templates = 0;
    } else if (c === 123 /* { */) {
      const prev = text.charCodeAt(i - 1);
      const opens = prev === 36 /* $ */ || prev === 37; /* % */
      stack.push(opens ? i - 1 : -1);
      if (opens) templates++;
    } else if (c === 125 /* } */ && stack.length > 0) {
      const start = stack.pop()!;
      if (start < 0) continue;
      templates--;
      if (templates === 0 && i + 1 - start <= MAX_SPAN) {
        covered.fill(1, start, i + 1);
        any = true;
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

/**
 * A line whose content was moved left over the control tags that opened it: content that the file shows at
 * `[viewStart + delta, ...)` stands at `[viewStart, viewEnd)` in the view the parser reads.
 */
export interface LineShift {
  viewStart: number;
  viewEnd: number;
  delta: number;
}

/** Tags that render to nothing: statements and comments (not an expression such as `{{ .Values.x }}`). */
const SILENT_TAG = /^(\{%|\{#|%\{|<%(?!=)|\{\{-?\s*(?:if|else|end|range|with|define|block|\/\*|\$[\w]*\s*:?=))/;

/**
 * Moves the content of lines such as `{%- if x +%}key: value` left over their leading control tags, so the key
 * stands where the rendered file has it (the tags render to nothing) and YAML reads `key: value` at the line's
 * own indentation; the tags' characters go to a comment at the line's end. The view has the text's length and
 * newlines; `shifts` maps its offsets back. Undefined when no line needs it.
 */
export function moveLeadingTags(text: string): { view: string; shifts: LineShift[] } | undefined {
  if (!mayHoldTemplates(text)) return undefined;
  const covered = templateSpans(text);
  if (!covered) return undefined;
  const shifts: LineShift[] = [];
  let view = '';
  let copied = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const moved = moveLine(text, covered, lineStart, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
    if (moved) {
      view += text.slice(copied, lineStart) + moved.line;
      copied = moved.end;
      shifts.push(moved.shift);
    }
    lineStart = lineEnd + 1;
  }
  return shifts.length > 0 ? { view: view + text.slice(copied), shifts } : undefined;
}

function moveLine(text: string, covered: Uint8Array, lineStart: number, end: number): { line: string; end: number; shift: LineShift } | undefined {
  let at = lineStart;
  while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
  const indentEnd = at;
  if (!covered[at] || (at > 0 && covered[at - 1] && at === lineStart)) return undefined;
  while (at < end && covered[at]) {
    if (!SILENT_TAG.test(text.slice(at, at + 12))) return undefined;
    while (at < end && covered[at]) at++;
    while (at < end && text[at] === ' ') at++;
  }
  if (at >= end || text[at] === '#') return undefined;
  const delta = at - indentEnd;
  const content = text.slice(at, end);
  const pad = delta >= 2 ? ` #${' '.repeat(delta - 2)}` : ' '.repeat(delta);
  const line = text.slice(lineStart, indentEnd) + content + pad;
  return { line, end, shift: { viewStart: indentEnd, viewEnd: indentEnd + content.length, delta } };
}

/** An offset of the view back in the user's text. */
export function unshiftOffset(offset: number, shifts: readonly LineShift[]): number {
  let lo = 0;
  let hi = shifts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = shifts[mid];
    if (offset < s.viewStart) hi = mid - 1;
    else if (offset > s.viewEnd + s.delta) lo = mid + 1;
    else return offset <= s.viewEnd ? offset + s.delta : offset - (s.viewEnd - s.viewStart);
  }
  return offset;
}
