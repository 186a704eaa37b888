// Key completion: full keys in flat form below the enclosing map, and the next segment for nested form.
import type { SettingIndex } from '../catalog/lookup';
import type { SettingDef } from '../catalog/types';
import type { KeyPathContext } from '../config/keyPath';
import type { CompletionEntry } from './completionTypes';
import { keyHoverMarkdown } from './hover';
import { choiceSnippet, escapeSnippet, hasPlaceholder, keySnippet } from './snippet';

function isPlaceholder(segment: string): boolean {
  return segment.startsWith('<') && segment.endsWith('>');
}

/** The segments of `pattern` after the parent's, when the parent's segments match its start; else undefined. */
function remainderUnder(pattern: string[], parent: string[]): string[] | undefined {
  if (pattern.length <= parent.length) return undefined;
  for (let i = 0; i < parent.length; i++) {
    if (!isPlaceholder(pattern[i]) && pattern[i] !== parent[i]) return undefined;
  }
  return pattern.slice(parent.length);
}

/** Fills placeholders with the segments the user already typed in full (all but the last, partial one). */
function fillTyped(remainder: string[], typed: string[]): string[] {
  return remainder.map((seg, i) => (isPlaceholder(seg) && i < typed.length - 1 && typed[i] !== '' ? typed[i] : seg));
}

/** `: value` part of a key snippet: a choice for enums and booleans, a tab stop otherwise. */
function valueSnippet(def: SettingDef, stop: number): string {
  if (def.type === 'boolean') return `: ${choiceSnippet(stop, def.default === 'true' ? ['true', 'false'] : ['false', 'true'])}`;
  if (def.type === 'enum' && def.values?.length) return `: ${choiceSnippet(stop, def.values)}`;
  return `: \${${stop}}`;
}

function flatEntry(def: SettingDef, remainder: string, ctx: KeyPathContext, hasColon: boolean): CompletionEntry {
  const templated = hasPlaceholder(remainder);
  const { snippet, nextStop } = keySnippet(remainder);
  return {
    label: remainder,
    kind: 'property',
    detail: def.default !== undefined ? `${def.type} · default ${def.default}` : def.type,
    documentationKey: def.key,
    insertText: hasColon ? snippet : snippet + valueSnippet(def, nextStop),
    isSnippet: true,
    range: ctx.replaceRange,
    filterText: remainder,
    sortText: `${def.deprecated ? '2' : templated ? '1' : '0'}${remainder}`,
    deprecated: !!def.deprecated || undefined,
  };
}

/** The documentation of a catalog key, for an entry's `documentationKey`. */
export function keyDocumentation(catalog: SettingIndex, key: string): string | undefined {
  const def = catalog.defs.find((d) => d.key === key);
  return def ? keyHoverMarkdown({ def, key: def.key, params: {} }) : undefined;
}

/** Next-segment entries for nested form: `ssl:` opening a block under the cursor's map. */
function segmentEntries(catalog: SettingIndex, ctx: KeyPathContext, indent: number): CompletionEntry[] {
  if (ctx.partial.includes('.')) return [];
  return catalog
    .children(ctx.parent)
    .filter((child) => child.hasChildren)
    .map((child) => {
      const segment = isPlaceholder(child.segment) ? `\${1:${child.segment.slice(1, -1)}}` : escapeSnippet(child.segment);
      return {
        label: child.segment,
        kind: 'module',
        detail: 'settings group',
        insertText: `${segment}:\n${' '.repeat(indent + 2)}$0`,
        isSnippet: true,
        range: ctx.replaceRange,
        filterText: child.segment,
        sortText: `3${child.segment}`,
        retrigger: true,
        keepIndentation: true,
      } satisfies CompletionEntry;
    });
}

/**
 * Keys that can be written at a key position. `text` is the document (to see whether a colon already follows),
 * `existing` the keys already set (offered again only when they hold placeholders).
 */
export function completeKeys(text: string, ctx: KeyPathContext, catalog: SettingIndex, existing: ReadonlySet<string>): CompletionEntry[] {
  const parent = ctx.parent === '' ? [] : ctx.parent.split('.');
  const typed = ctx.partial.split('.');
  const hasColon = /^[ \t]*:/.test(text.slice(ctx.replaceRange.end, ctx.replaceRange.end + 200));
  const lineStart = text.lastIndexOf('\n', ctx.replaceRange.start - 1) + 1;
  const entries: CompletionEntry[] = [];
  for (const def of catalog.defs) {
    if (def.removed || def.serverlessOnly) continue;
    const rest = remainderUnder(def.key.split('.'), parent);
    if (!rest) continue;
    const remainder = fillTyped(rest, typed).join('.');
    const full = parent.length ? `${ctx.parent}.${remainder}` : remainder;
    if (existing.has(full)) continue;
    entries.push(flatEntry(def, remainder, ctx, hasColon));
  }
  if (!hasColon) entries.push(...segmentEntries(catalog, ctx, ctx.replaceRange.start - lineStart));
  return entries;
}
