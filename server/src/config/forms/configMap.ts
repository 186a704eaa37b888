// Kubernetes ConfigMaps (and Secrets' `stringData`) whose entries hold an elasticsearch.yml or kibana.yml.
import type { Document, Node } from 'yaml';
import { isMap } from 'yaml';
import type { Product } from '../../catalog/types';
import { documentRegion, stringOf, valueAt } from './hostYaml';
import type { EmbeddedDocument } from './types';

const FILES: ReadonlyArray<[RegExp, Product]> = [
  [/^elasticsearch\.ya?ml$/, 'elasticsearch'],
  [/^kibana\.ya?ml$/, 'kibana'],
];

/**
 * The settings files a ConfigMap's `data` or a Secret's `stringData` holds as block scalars. A Secret's
 * `data` is base64, whose characters do not stand where the settings do, so it is not read.
 */
export function readConfigMap(text: string, doc: Document.Parsed, out: { documents: EmbeddedDocument[] }): void {
  const root = doc.contents;
  const kind = stringOf(valueAt(root, 'kind'));
  const field = kind === 'ConfigMap' ? 'data' : kind === 'Secret' ? 'stringData' : undefined;
  const data = field ? valueAt(root, field) : undefined;
  if (!data || !isMap(data)) return;
  const host = { name: stringOf(valueAt(root, 'metadata', 'name')), namespace: stringOf(valueAt(root, 'metadata', 'namespace')) };
  for (const pair of data.items) {
    const name = stringOf(pair.key);
    const product = name ? FILES.find(([re]) => re.test(name))?.[1] : undefined;
    const region = product && pair.value ? documentRegion(text, pair.value as Node) : undefined;
    if (product && region) out.documents.push({ product, form: 'configmap', source: 'text', ...region, host: { ...host, place: `${field}.${name}` }, names: 'yaml' });
  }
}
