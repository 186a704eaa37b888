// Hover and completion in a Beat's or a standalone Agent's configuration: only the `ssl` blocks of outputs,
// `setup.kibana` and monitoring are known here (catalog/beats/ssl.ts), as for the Beats rules.
import { BEATS_LIVE_MARKERS, BEATS_SSL_DESCRIPTIONS, BEATS_SSL_KEYS, BEATS_SSL_PARENTS, BEATS_TLS_VERSIONS, BEATS_VERIFICATION_MODES } from '../catalog/beats/ssl';
import { keyPathAt } from '../config/keyPath';
import { parseConfig } from '../config/parse';
import { PathLocator, type LocatorInput } from '../config/paths/locator';
import { settingAt } from '../config/position';
import type { OffsetRange } from '../core/finding';
import type { FileRole } from '../catalog/types';
import type { CompletionEntry } from './completionTypes';
import type { HoverResult } from './hover';

const DOCS = 'https://www.elastic.co/guide/en/beats/filebeat/current/configuration-ssl.html';
const PATH_OPTIONS = new Set(['certificate_authorities', 'certificate', 'key', 'key_passphrase_path']);

/** The `ssl` option a full key sets (`output.elasticsearch.ssl.certificate` -> `certificate`), if any. */
export function beatsSslOption(key: string): string | undefined {
  for (const re of BEATS_SSL_PARENTS) {
    const m = re.exec(key);
    if (m) return m[1];
  }
  return undefined;
}

/** What a hover may look up: the file a path names, described, and where paths of this file live. */
export interface BeatsHoverDeps {
  describeFile?(absolutePath: string, role: FileRole): string;
  locator?: Omit<LocatorInput, 'product' | 'liveMarkers'>;
}

/** The hover at `offset` of a Beats file: an `ssl` option's meaning, or the certificate a path value names. */
export function beatsHoverAt(text: string, offset: number, deps: BeatsHoverDeps = {}): HoverResult | undefined {
  const model = parseConfig(text, { product: 'elasticsearch' });
  const at = settingAt(model, offset);
  const option = at ? beatsSslOption(at.setting.key) : undefined;
  if (!at || option === undefined) return undefined;
  const description = BEATS_SSL_DESCRIPTIONS[option];
  if (at.on === 'key') {
    const part = at.setting.keyParts[at.keyPart];
    const known = description ? `${description}\n\n[Documentation](${DOCS})` : `\`${option}\` is not an SSL option of Beats; the Beat ignores it.`;
    return { markdown: `**\`${at.setting.key}\`** · Beats SSL option\n\n${known}`, range: part.range };
  }
  const value = at.setting.value;
  const scalar = value.kind === 'list' ? value.items[at.item ?? -1] : value.kind === 'scalar' ? value : undefined;
  if (!scalar || scalar.templated || !PATH_OPTIONS.has(option)) return undefined;
  const written = scalar.text.trim();
  if (written.startsWith('-')) return { markdown: 'Inline PEM: the Beat reads the certificate or key from this value itself.', range: scalar.range };
  return { markdown: pathMarkdown(written, ROLES[option] ?? 'other', deps), range: scalar.range };
}

const ROLES: Record<string, FileRole> = { certificate_authorities: 'certificateAuthorities', certificate: 'certificate', key: 'key' };

function pathMarkdown(value: string, role: FileRole, deps: BeatsHoverDeps): string {
  if (!deps.locator) return `\`${value}\`: the Beat opens this path as written.`;
  const location = new PathLocator({ ...deps.locator, product: 'elasticsearch', liveMarkers: BEATS_LIVE_MARKERS }).locate(value);
  if (location.kind === 'templated') return 'The path is written with template syntax, so it is **not checked here**.';
  if (location.kind === 'unmapped') {
    return location.reason
      ? `\`${value}\` is **not checked here**: ${location.reason}.`
      : `\`${value}\` is a path on the machine the Beat runs on, **not checked here**. Map its folder to a workspace folder (setting elasticTls.pathMappings, or estls --map) to check it.`;
  }
  // As for a settings file's path: the certificate first, then where it was found.
  const via = `Location: ${location.kind === 'live' ? `the ${location.via}` : location.via}.`;
  const file = deps.describeFile?.(location.localPath, role);
  return file ? `${file}\n\n${via}` : `\`${location.localPath}\`\n\n${via}`;
}

/** Completion in a Beats file: the options of an `ssl` block, and the values of its enumerations. */
export function beatsCompleteAt(text: string, offset: number): CompletionEntry[] {
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  if (/(^|\s)#/.test(before)) return [];
  const ctx = keyPathAt(text, offset);
  if (ctx.position === 'value') return ctx.key && ctx.valueRange ? valueEntries(ctx.key, ctx.valueRange) : [];
  const typed = ctx.partial;
  const full = ctx.parent ? `${ctx.parent}.${typed}` : typed;
  // The text typed so far, up to and including its last `ssl.`, must be an ssl block's prefix.
  const cut = full.lastIndexOf('ssl.');
  if (cut < 0) return [];
  const prefix = full.slice(0, cut + 4);
  if (beatsSslOption(`${prefix}enabled`) === undefined) return [];
  const typedPrefix = typed.length - (full.length - (cut + 4));
  const existing = new Set(parseConfig(text, { product: 'elasticsearch' }).settings.map((s) => s.key));
  return BEATS_SSL_KEYS.filter((k) => !existing.has(`${prefix}${k}`)).map((k) => ({
    label: k,
    kind: 'property' as const,
    detail: 'Beats SSL option',
    documentation: BEATS_SSL_DESCRIPTIONS[k],
    insertText: `${typed.slice(0, Math.max(0, typedPrefix))}${k}`,
    filterText: `${typed.slice(0, Math.max(0, typedPrefix))}${k}`,
    isSnippet: false,
    range: ctx.replaceRange,
  }));
}

function valueEntries(key: string, range: OffsetRange): CompletionEntry[] {
  const option = beatsSslOption(key);
  const values = option === 'verification_mode' ? BEATS_VERIFICATION_MODES : option === 'supported_protocols' ? BEATS_TLS_VERSIONS.filter((v) => v === 'TLSv1.2' || v === 'TLSv1.3') : option === 'enabled' ? ['true', 'false'] : [];
  return values.map((v) => ({ label: v, kind: 'enumMember' as const, insertText: v, isSnippet: false, range }));
}
