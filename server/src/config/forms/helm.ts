// Values files of Elastic's Helm charts (elastic/helm-charts `elasticsearch/values.yaml`, `kibana/values.yaml`):
// `esConfig` / `kibanaConfig` map a file name under the config folder to its content, a block scalar.
import { isMap, type Document, type Node } from 'yaml';
import type { Product } from '../../catalog/types';
import { documentRegion, pairOf, stringOf, valueAt } from './hostYaml';
import type { KubernetesObjects } from './kubernetes';
import type { EmbeddedDocument, HelmSecretMount } from './types';
import { envSettings, type EnvEntry } from './envSettings';
import { itemsOf, rangeOf } from './hostYaml';
import { versionHint } from './version';

/** The chart value that holds config files, the settings file among them, and the product reading it. */
const CONFIG_VALUES: ReadonlyArray<{ value: string; file: RegExp; product: Product }> = [
  { value: 'esConfig', file: /^elasticsearch\.ya?ml$/, product: 'elasticsearch' },
  { value: 'kibanaConfig', file: /^kibana\.ya?ml$/, product: 'kibana' },
];

/** Top-level values that only Elastic's charts define (see sniff.ts). */
const CHART_VALUES = ['esConfig', 'kibanaConfig', 'esJavaOpts', 'esMajorVersion', 'elasticsearchHosts'];

/** True when a values document is one of Elastic's charts'. */
export function isHelmValues(root: unknown): boolean {
  return CHART_VALUES.some((value) => pairOf(root, value) !== undefined);
}

/** Which chart a values document belongs to: Kibana's values name `kibanaConfig` or `elasticsearchHosts`. */
function chartProduct(root: unknown): Product {
  return pairOf(root, 'kibanaConfig') || pairOf(root, 'elasticsearchHosts') ? 'kibana' : 'elasticsearch';
}

/** The settings documents of a values file: the settings file in its config map, and `extraEnvs` settings. */
export function readHelm(text: string, doc: Document.Parsed, out: { documents: EmbeddedDocument[]; kubernetes: KubernetesObjects }): void {
  const root = doc.contents;
  const product = chartProduct(root);
  const config = CONFIG_VALUES.find((c) => c.product === product)!;
  const version = versionHint(valueAt(root, 'imageTag'), 'imageTag');
  const protocolNode = valueAt(root, 'protocol');
  const protocol = stringOf(protocolNode);
  const secretMounts = readSecretMounts(valueAt(root, 'secretMounts'));
  out.kubernetes.mountedSecrets.push(...secretMounts.map((m) => m.secretName));
  const host = {
    name: stringOf(valueAt(root, 'clusterName')) ?? stringOf(valueAt(root, 'fullnameOverride')),
    protocol: protocol && protocolNode ? { value: protocol, range: quotedInner(text, rangeOf(protocolNode)) } : undefined,
    ...(secretMounts.length > 0 ? { secretMounts } : {}),
  };
  const files = valueAt(root, config.value);
  for (const pair of files && isMap(files) ? files.items : []) {
    const name = stringOf(pair.key);
    const node = pair.value as Node | null;
    const region = name && config.file.test(name) && node ? documentRegion(text, node) : undefined;
    if (region) out.documents.push({ product, form: 'helm', source: 'text', ...region, version, host: { ...host, place: `${config.value}.${name}` }, names: 'yaml' });
  }
  const env = envSettings(extraEnvs(text, valueAt(root, 'extraEnvs')), product);
  if (env.settings.length > 0) {
    out.documents.push({ product, form: 'helm', source: 'settings', settings: env.settings, version, host: { ...host, place: 'extraEnvs' }, names: env.names });
  }
}

/** `secretMounts` entries with a literal Secret name and an absolute mount path; templated ones are left out. */
function readSecretMounts(node: Node | null | undefined): HelmSecretMount[] {
  const out: HelmSecretMount[] = [];
  for (const item of itemsOf(node)) {
    const secretName = stringOf(valueAt(item, 'secretName'));
    const mountPath = stringOf(valueAt(item, 'path'));
    const subPath = stringOf(valueAt(item, 'subPath'));
    if (!secretName || !mountPath?.startsWith('/') || /\{\{|\$\{/.test(secretName + mountPath + (subPath ?? ''))) continue;
    out.push({ secretName, path: mountPath.replace(/\/+$/, '') || '/', ...(subPath ? { subPath } : {}) });
  }
  return out;
}

/** Kubernetes env entries (`- name: X` / `value: Y`) with literal values; `valueFrom` entries hold no text. */
function extraEnvs(text: string, node: Node | null | undefined): EnvEntry[] {
  const out: EnvEntry[] = [];
  for (const item of itemsOf(node)) {
    const nameNode = valueAt(item, 'name');
    const valueNode = valueAt(item, 'value');
    const name = stringOf(nameNode);
    const value = stringOf(valueNode);
    if (!nameNode || !valueNode || name === undefined || value === undefined) continue;
    const pairRange = rangeOf(item as Node);
    out.push({ name, nameRange: quotedInner(text, rangeOf(nameNode)), value: { text: value, range: quotedInner(text, rangeOf(valueNode)) }, pairRange });
  }
  return out;
}

/** The range of a scalar's text without its quotes. */
export function quotedInner(text: string, range: { start: number; end: number }): { start: number; end: number } {
  const c = text[range.start];
  return c === '"' || c === "'" ? { start: range.start + 1, end: Math.max(range.start + 1, range.end - 1) } : range;
}
