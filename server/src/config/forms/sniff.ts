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
 * The host forms a text may hold, by content alone: each test is one linear regular-expression scan, so a
 * large YAML file of another kind costs a few milliseconds and is never parsed. Empty when none fits.
 */
export function sniffForms(text: string): FormKind[] {
  const out: FormKind[] = [];
  if (ECK.test(text)) out.push('eck');
  if (HELM.test(text)) out.push('helm');
  if (COMPOSE.test(text) && ELASTIC_IMAGE.test(text)) out.push('compose');
  if (CONFIG_MAP.test(text) && SETTINGS_FILE_KEY.test(text)) out.push('configmap');
  return out;
}
