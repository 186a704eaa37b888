// Snippet text helpers: literal text must not be read as tab stops, choices must not split on user text.

/** Escapes `$`, `}` and `\` so the text is inserted as written. */
export function escapeSnippet(text: string): string {
  return /[$}\\]/.test(text) ? text.replace(/[$}\\]/g, '\\$&') : text;
}

/** Escapes a value for use inside `${1|a,b|}`. */
function escapeChoice(text: string): string {
  return /[$}\\,|]/.test(text) ? text.replace(/[$}\\,|]/g, '\\$&') : text;
}

/** `${n|a,b|}` for a list of values. */
export function choiceSnippet(n: number, values: readonly string[]): string {
  return `\${${n}|${values.map(escapeChoice).join(',')}|}`;
}

/**
 * A dotted key as a snippet: each `<name>` segment becomes a tab stop with the placeholder's name to type over.
 * Returns the snippet and the next free tab stop number.
 */
export function keySnippet(key: string, firstStop = 1): { snippet: string; nextStop: number } {
  if (!key.includes('<')) return { snippet: escapeSnippet(key), nextStop: firstStop };
  let n = firstStop;
  const snippet = key
    .split('.')
    .map((seg) => (seg.startsWith('<') && seg.endsWith('>') ? `\${${n++}:${escapeChoice(seg.slice(1, -1))}}` : escapeSnippet(seg)))
    .join('.');
  return { snippet, nextStop: n };
}

export function hasPlaceholder(key: string): boolean {
  return /(^|\.)<[^.>]+>(\.|$)/.test(key);
}
