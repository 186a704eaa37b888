// A cheap look at a YAML file's text: which host forms it may be, before anything is parsed.
import type { FormKind } from './types';

const ECK = /^\s*apiVersion:\s*["']?(?:elasticsearch|kibana)\.k8s\.elastic\.co\//m;
/**
 * Top-level values only Elastic's charts define (elastic/helm-charts elasticsearch/values.yaml: `esConfig`,
 * `esJavaOpts`, `esMajorVersion`; kibana/values.yaml: `kibanaConfig`, `elasticsearchHosts`).
 */
const HELM = /^(?:esConfig|kibanaConfig|esJavaOpts|esMajorVersion|elasticsearchHosts):/m;
const COMPOSE = /^services:/m;
const ELASTIC_IMAGE = /^\s*image:\s*["']?(?:docker\.elastic\.co\/(?:elasticsearch|kibana)\/|(?:docker\.io\/)?(?:library\/)?(?:elasticsearch|kibana)[:@\s"'-])/m;
const CONFIG_MAP = /^\s*kind:\s*["']?(?:ConfigMap|Secret)\b/m;
const SETTINGS_FILE_KEY = /^\s+["']?(?:elasticsearch|kibana)\.ya?ml["']?:/m;

/**
 * Every pattern `formsWhere` asks about. The incremental sniff (formSniff.ts) relies on their shape: each is
 * anchored with `^` under the `m` flag, and `\s` is the only part that crosses a line end; keep new ones so.
 */
export const SNIFF_PATTERNS: readonly RegExp[] = [ECK, HELM, COMPOSE, ELASTIC_IMAGE, CONFIG_MAP, SETTINGS_FILE_KEY];

/** The host forms, given which patterns match the text (`has` is asked only about SNIFF_PATTERNS). */
export function formsWhere(has: (pattern: RegExp) => boolean): FormKind[] {
  const out: FormKind[] = [];
  if (has(ECK)) out.push('eck');
  if (has(HELM)) out.push('helm');
  if (has(COMPOSE) && has(ELASTIC_IMAGE)) out.push('compose');
  if (has(CONFIG_MAP) && has(SETTINGS_FILE_KEY)) out.push('configmap');
  return out;
}

/**
 * The host forms a text may hold, by content alone: each test is one linear regular-expression scan, so a
 * large YAML file of another kind costs a few milliseconds and is never parsed. Empty when none fits.
 */
export function sniffForms(text: string): FormKind[] {
  return formsWhere((pattern) => pattern.test(text));
}
