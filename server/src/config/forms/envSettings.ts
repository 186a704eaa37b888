// Settings that container images read from environment variables.
import type { Product } from '../../catalog/types';
import { kibanaDockerSetting, kibanaEnvName, kibanaEnvSetting } from '../../catalog/kibana/dockerEnv';
import type { Finding, OffsetRange } from '../../core/finding';
import type { ScalarValue, Setting } from '../types';

/** One environment entry as written in the host: its name and value, each with its host range. */
export interface EnvEntry {
  name: string;
  nameRange: OffsetRange;
  /** Undefined when the entry passes a variable through from the caller's environment (`- NAME`, `NAME:`). */
  value?: { text: string; range: OffsetRange };
  /** The whole entry (from a list item's dash), for edits that remove it. */
  pairRange: OffsetRange;
}

/**
 * The Elasticsearch image's entrypoint turns every variable whose name is at least two dot-separated lower-case
 * words into `-E name=value`, and skips empty values (elastic/elasticsearch
 * distribution/docker/src/docker/bin/docker-entrypoint.sh).
 */
const ES_SETTING_NAME = /^[a-z0-9_]+\.[a-z0-9_]+/;

/** Compose interpolates `$VAR` and `${VAR}`; such a value is only known when the stack starts. */
const INTERPOLATED = /\$\{?[A-Za-z_]/;

/** What an image makes of a service's environment: its settings, and findings on names it ignores. */
export interface EnvSettings {
  settings: Setting[];
  findings: Finding[];
  /** How the settings' names are written: dotted (`yaml`) or as the Kibana image's variables (`env`). */
  names: 'yaml' | 'env';
}

/** The settings an image reads from environment entries. */
export function envSettings(entries: readonly EnvEntry[], product: Product): EnvSettings {
  const out: EnvSettings = { settings: [], findings: [], names: product === 'kibana' ? 'env' : 'yaml' };
  for (const entry of entries) {
    if (product === 'elasticsearch') {
      if (ES_SETTING_NAME.test(entry.name) && entry.value && entry.value.text !== '') out.settings.push(envSetting(entry.name, entry));
      continue;
    }
    const key = kibanaEnvSetting(entry.name);
    if (key && entry.value && entry.value.text !== '') out.settings.push(envSetting(key, entry));
    else if (entry.name.includes('.')) out.findings.push(ignoredDottedName(entry));
  }
  return out;
}

function envSetting(key: string, entry: EnvEntry): Setting {
  const value = entry.value ?? { text: '', range: { start: entry.nameRange.end, end: entry.nameRange.end } };
  const text = value.text;
  // The range covers the value's characters alone (no quotes), so edits replace exactly them.
  const scalar: ScalarValue = { kind: 'scalar', text, source: text, range: value.range, quoted: false, templated: INTERPOLATED.test(text) || text.includes('{{') || text.startsWith('[') };
  return { key, keyRange: entry.nameRange, keyParts: [{ text: key, range: entry.nameRange }], value: scalar, pairRange: entry.pairRange, document: 0 };
}

/** The Kibana image reads only its upper-case variables: a dotted name never reaches Kibana. */
function ignoredDottedName(entry: EnvEntry): Finding {
  const setting = kibanaDockerSetting(entry.name);
  const instead = setting ? ` Name it \`${kibanaEnvName(setting)}\`, which the image turns into \`${setting}\`.` : '';
  const finding: Finding = {
    ruleId: 'kibana-env-ignored',
    severity: 'warning',
    message: `The Kibana image ignores the variable \`${entry.name}\`: it maps only upper-case names such as \`ELASTICSEARCH_HOSTS\` to settings.${instead}`,
    range: entry.nameRange,
  };
  if (setting) finding.fixes = [{ title: `Rename to ${kibanaEnvName(setting)}`, edits: [{ range: entry.nameRange, newText: kibanaEnvName(setting) }], isPreferred: true }];
  return finding;
}

/** Names given more than once in one environment: the container gets only one of the values. */
export function duplicateEnvFindings(entries: readonly EnvEntry[]): Finding[] {
  const first = new Map<string, EnvEntry>();
  const out: Finding[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.name);
    if (!earlier) {
      first.set(entry.name, entry);
      continue;
    }
    out.push({
      ruleId: 'duplicate-env',
      severity: 'warning',
      message: `\`${entry.name}\` is set more than once in this environment; the container gets only one of the values.`,
      range: entry.nameRange,
      related: [{ message: `\`${entry.name}\` is first set here.`, range: earlier.nameRange }],
    });
  }
  return out;
}
