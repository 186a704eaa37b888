// Hover content for settings files, as markdown: what a key means, and what a value does or points at.
import type { SettingIndex } from '../catalog/lookup';
import { productName, type FileRole, type SettingDef, type SettingMatch } from '../catalog/types';
import type { StackVersion } from '../catalog/version';
import { settingAt } from '../config/position';
import type { ConfigModel, ScalarValue, Setting } from '../config/types';
import type { OffsetRange } from '../core/finding';
import type { PathLocation } from '../config/paths/locator';
import { settingPathCandidates } from '../rules/paths';
import { valueMeaning } from './valueMeanings';

export interface HoverResult {
  markdown: string;
  range: OffsetRange;
}

/** The outside world a hover may consult; absent parts simply leave their lines out. */
export interface HoverDeps {
  /** Markdown about the file a path setting points at (certificate summary, or why it cannot be read). */
  describeFile?(absolutePath: string, role: FileRole | undefined): string;
  /** Whether a path exists, to pick among the places a product looks (Kibana tries two folders). */
  exists?(absolutePath: string): boolean;
  configDir?: string;
  /** Where a path value lives (the check's PathLocator); without it paths resolve as on a live config. */
  locate?(value: string): PathLocation;
  /** The stack version the file was checked against; key hovers say which one and where it came from. */
  stackVersion?: StackVersion;
}


/** `a`, `b` and `c` as inline code. */
function codeList(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}

function typeLine(def: SettingDef): string {
  if (def.values?.length) return `${def.type === 'enumList' ? 'list of' : 'one of'} ${codeList(def.values)}`;
  const names: Partial<Record<SettingDef['type'], string>> = { pathList: 'list of paths', urlList: 'list of URLs', time: 'time value (such as `30s`)', size: 'byte size (such as `10mb`)' };
  return names[def.type] ?? def.type;
}

function lifecycleLines(match: SettingMatch): string[] {
  const { def } = match;
  const lines: string[] = [];
  const describe = (label: string, l: NonNullable<SettingDef['removed']>): string => {
    // A replacement with placeholders takes the names the user wrote (`<name>` -> `ldap1`).
    const replacement = l.replacement?.replace(/<([^<>.]+)>/g, (whole, name: string) => match.params[name] ?? whole);
    const use = replacement ? `; use \`${replacement}\` instead` : '';
    return `**${label} ${l.since}**${use}.${l.note ? ` ${l.note}` : ''}`;
  };
  if (def.removed) lines.push(describe('Removed in', def.removed));
  if (def.serverlessOnly) lines.push('**Serverless only**: self-managed Kibana refuses to start with it.');
  if (def.deprecated) lines.push(describe('Deprecated since', def.deprecated));
  if (def.secure) {
    lines.push(def.product === 'elasticsearch'
      ? `**Secure setting**: Elasticsearch reads it only from its keystore, never from elasticsearch.yml. Add it with \`bin/elasticsearch-keystore add ${match.key}\`.`
      : '**Secure setting**: keep it in the Kibana keystore (`bin/kibana-keystore add`), not in kibana.yml.');
  }
  return lines;
}

/** Markdown for a known key: description, type, default, status, placeholders and a docs link. */
export function keyHoverMarkdown(match: SettingMatch, stackVersion?: StackVersion): string {
  const { def } = match;
  const parts = [`**\`${match.key}\`** · ${productName(def.product)} setting`, def.description];
  const facts = [`Type: ${typeLine(def)}`];
  if (def.default !== undefined) facts.push(`Default: \`${def.default}\``);
  if (def.min !== undefined || def.max !== undefined) facts.push(`Range: ${def.min ?? '…'} to ${def.max ?? '…'}`);
  for (const [name, value] of Object.entries(match.params)) facts.push(`\`<${name}>\` = \`${value}\``);
  parts.push(facts.join('  \n'));
  const status = lifecycleLines(match);
  if (stackVersion) status.push(stackVersionLine(stackVersion));
  if (status.length) parts.push(status.join('  \n'));
  parts.push(`[Documentation](${def.docs})`);
  return parts.join('\n\n');
}

/** `Checked as stack 8.11.0 (from image: … in compose.yml)`: which release the verdicts on this file follow. */
function stackVersionLine(version: StackVersion): string {
  return `Checked as stack version \`${version.version}\` (${version.assumed ? 'assumed: ' : 'from '}${version.source}).`;
}

/** Markdown for a key the catalog does not know; only said inside namespaces the catalog claims. */
function unknownKeyMarkdown(key: string, catalog: SettingIndex): string | undefined {
  if (!catalog.isOwned(key)) return undefined;
  const suggestions = catalog.suggest(key);
  const hint = suggestions.length ? `\n\nDid you mean ${codeList(suggestions)}?` : '';
  return `**\`${key}\`** is not a known ${productName(catalog.product)} setting.${hint}`;
}

/** Markdown for a nested segment that only starts keys (`ssl:` in a nested block). */
function prefixMarkdown(prefix: string, catalog: SettingIndex): string | undefined {
  const known = catalog.children(prefix);
  if (!known.length) return undefined;
  const shown = codeList(known.slice(0, 12).map((k) => k.segment));
  const more = known.length > 12 ? `, and ${known.length - 12} more` : '';
  return `**\`${prefix}\`** · ${productName(catalog.product)} settings group\n\nBelow it: ${shown}${more}.`;
}

function valueMarkdown(def: SettingDef, scalar: ScalarValue, model: ConfigModel, deps: HoverDeps): string | undefined {
  if (def.sensitive || def.secure || scalar.templated) return undefined;
  if (def.values?.length) {
    const meaning = valueMeaning(def.key, scalar.text);
    const allowed = def.values.some((v) => v.toLowerCase() === scalar.text.trim().toLowerCase());
    if (meaning) return `\`${scalar.text}\`: ${meaning}`;
    return allowed ? `\`${scalar.text}\` is one of ${codeList(def.values)}.` : `\`${scalar.text}\` is not one of ${codeList(def.values)}.`;
  }
  if ((def.type === 'path' || def.type === 'pathList') && deps.describeFile) {
    const location = deps.locate?.(scalar.text);
    if (location && location.kind !== 'live') return remotePathMarkdown(location, def, deps);
    const candidates = location?.kind === 'live' ? location.candidates : settingPathCandidates({ model, options: { configDir: deps.configDir } }, scalar.text);
    const absolute = candidates.find((c) => deps.exists?.(c)) ?? candidates[0];
    if (!absolute) return `\`${scalar.text}\` is relative, and this file is not saved yet, so it cannot be resolved.`;
    return deps.describeFile(absolute, def.fileRole);
  }
  return undefined;
}

/** A path of another machine: where it is mapped from and the file there, or why it is not checked and how to map it. */
function remotePathMarkdown(location: Exclude<PathLocation, { kind: 'live' }>, def: SettingDef, deps: HoverDeps): string | undefined {
  if (location.kind === 'templated') return 'The path is written with template syntax, so it is **not checked here**; it is known only once the template is rendered.';
  // A Secret's key is checked from the manifest's text; the diagnostics say what it holds.
  if (location.kind === 'mapped' && location.inSecret) return `Location: ${location.via}.`;
  // The certificate's names and expiry come first; where the file was found follows them.
  if (location.kind === 'mapped') {
    const file = deps.describeFile?.(location.localPath, def.fileRole);
    const via = `Location: ${location.via}.`;
    return file ? `${file}\n\n${via}` : via;
  }
  if (!location.containerPath) return undefined;
  if (location.reason) return `\`${location.containerPath}\` is **not checked here**: ${location.reason}.`;
  const folder = location.containerPath.replace(/\/[^/]*$/, '') || '/';
  return [
    `\`${location.containerPath}\` is a path on the node or in the container, so it is **not checked here**.`,
    `To check it, map \`${folder}\` to a workspace folder: the setting \`elasticTls.pathMappings\` (for example \`{ "${folder}": "\${workspaceFolder}/…" }\`), \`estls check --map ${folder}=LOCAL_FOLDER\`, or a docker-compose file beside this one that mounts it.`,
  ].join('\n\n');
}

/** The dotted prefix that key parts 0..partIndex spell. */
function keyPrefix(setting: Setting, partIndex: number): string {
  return setting.keyParts.slice(0, partIndex + 1).map((p) => p.text).join('.');
}

/** The scalar under the cursor: the value itself, or the list item the cursor is on. */
function scalarOf(setting: Setting, item: number | undefined): ScalarValue | undefined {
  const value = setting.value;
  if (value.kind === 'scalar') return value;
  return value.kind === 'list' && item !== undefined ? value.items[item] : undefined;
}

function keyHover(setting: Setting, partIndex: number, catalog: SettingIndex, stackVersion?: StackVersion): HoverResult | undefined {
  const range = setting.keyParts[partIndex].range;
  if (partIndex < setting.keyParts.length - 1) {
    const markdown = prefixMarkdown(keyPrefix(setting, partIndex), catalog);
    return markdown ? { markdown, range } : undefined;
  }
  const match = catalog.lookup(setting.key);
  const markdown = match ? keyHoverMarkdown(match, stackVersion) : unknownKeyMarkdown(setting.key, catalog);
  return markdown ? { markdown, range } : undefined;
}

/** Hover for the text at `offset`, or undefined when there is nothing useful to say. */
export function hoverAt(model: ConfigModel, catalog: SettingIndex, offset: number, deps: HoverDeps = {}): HoverResult | undefined {
  const hit = settingAt(model, offset);
  if (!hit) return undefined;
  if (hit.on === 'key') return keyHover(hit.setting, hit.keyPart, catalog, deps.stackVersion);
  const scalar = scalarOf(hit.setting, hit.item);
  const match = catalog.lookup(hit.setting.key);
  if (!match || !scalar) return undefined;
  const markdown = valueMarkdown(match.def, scalar, model, deps);
  return markdown ? { markdown, range: scalar.range } : undefined;
}
