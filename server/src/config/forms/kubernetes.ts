// Kubernetes objects an ECK resource's TLS settings point at: Secrets and cert-manager Certificates written in
// the same file, and the references to them.
import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { Product } from '../../catalog/types';
import type { OffsetRange } from '../../core/finding';
import { itemsOf, rangeOf, stringOf, valueAt } from './hostYaml';

/** One key of a Secret: its text (decoded from base64 for `data`), or undefined when it is not valid base64. */
export interface SecretEntry {
  text: string | undefined;
  range: OffsetRange;
}

/** A Secret of the file, by name. */
export interface SecretObject {
  /** The file that holds it, when it is not the file being checked (its ranges are that file's offsets). */
  file?: string;
  name: string;
  namespace?: string;
  entries: Map<string, SecretEntry>;
}

/** A cert-manager Certificate: the Secret it writes and the names it asks for. */
export interface CertManagerCertificate {
  /** The file that holds it, when it is not the file being checked (its ranges are that file's offsets). */
  file?: string;
  namespace?: string;
  secretName: string;
  dnsNames: Array<{ text: string; range: OffsetRange }>;
  ipAddresses: string[];
  range: OffsetRange;
}

/** An ECK resource's `spec.http.tls.certificate` or `spec.transport.tls.certificate` Secret reference. */
export interface TlsReference {
  product: Product;
  layer: 'http' | 'transport';
  resource: string;
  namespace?: string;
  secretName: string;
  range: OffsetRange;
  /** `selfSignedCertificate.subjectAltNames` the certificate must also carry. */
  extraNames: string[];
}

/** An ECK Elasticsearch resource, by name, that a Kibana's `elasticsearchRef` may point at. */
export interface ElasticsearchObject {
  name: string;
  namespace?: string;
}

/** A Kibana's `spec.elasticsearchRef`: the Elasticsearch it names, and where the name is written. */
export interface ElasticsearchRef {
  name: string;
  namespace?: string;
  range: OffsetRange;
}

/** What the certificate and reference checks need from a file. */
export interface KubernetesObjects {
  secrets: SecretObject[];
  certificates: CertManagerCertificate[];
  references: TlsReference[];
  elasticsearches: ElasticsearchObject[];
  elasticsearchRefs: ElasticsearchRef[];
  /** Secrets a Helm values file mounts into the pod (`secretMounts[].secretName`), looked for beside it. */
  mountedSecrets: string[];
}

/** No objects yet. */
export function emptyObjects(): KubernetesObjects {
  return { secrets: [], certificates: [], references: [], elasticsearches: [], elasticsearchRefs: [], mountedSecrets: [] };
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** Adds a document's Secret, cert-manager Certificate or ECK Elasticsearch to `out`. */
export function readKubernetesObject(doc: Document.Parsed, out: KubernetesObjects): void {
  const root = doc.contents;
  const kind = stringOf(valueAt(root, 'kind'));
  const api = stringOf(valueAt(root, 'apiVersion')) ?? '';
  const name = stringOf(valueAt(root, 'metadata', 'name'));
  const namespace = stringOf(valueAt(root, 'metadata', 'namespace'));
  if (kind === 'Secret' && name) out.secrets.push({ name, namespace, entries: secretEntries(root) });
  if (kind === 'Elasticsearch' && api.startsWith('elasticsearch.k8s.elastic.co/') && name) out.elasticsearches.push({ name, namespace });
  if (kind === 'Certificate' && api.startsWith('cert-manager.io/')) {
    const spec = valueAt(root, 'spec');
    const secretName = stringOf(valueAt(spec, 'secretName'));
    const dnsNode = valueAt(spec, 'dnsNames');
    const dnsNames = itemsOf(dnsNode).flatMap((n) => (isScalar(n) && stringOf(n) !== undefined ? [{ text: stringOf(n)!, range: rangeOf(n) }] : []));
    const ipAddresses = itemsOf(valueAt(spec, 'ipAddresses')).flatMap((n) => stringOf(n) ?? []);
    const at = dnsNode ?? valueAt(spec, 'secretName');
    if (secretName && at) out.certificates.push({ namespace, secretName, dnsNames, ipAddresses, range: rangeOf(at) });
  }
}

function secretEntries(root: unknown): Map<string, SecretEntry> {
  const entries = new Map<string, SecretEntry>();
  for (const [field, encoded] of [['data', true], ['stringData', false]] as const) {
    const map = valueAt(root, field);
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      const key = stringOf(pair.key);
      const value = stringOf(pair.value);
      if (!key || !isScalar(pair.key)) continue;
      const text = value === undefined ? undefined : !encoded ? value : BASE64.test(value) ? Buffer.from(value, 'base64').toString('latin1') : undefined;
      entries.set(key, { text, range: rangeOf(pair.key as Node) });
    }
  }
  return entries;
}

/** The Secret references of an ECK resource's `spec.http.tls` and `spec.transport.tls`. */
export function tlsReferences(product: Product, resource: string | undefined, namespace: string | undefined, spec: unknown): TlsReference[] {
  if (!resource) return [];
  const out: TlsReference[] = [];
  const extraNames = itemsOf(valueAt(spec, 'http', 'tls', 'selfSignedCertificate', 'subjectAltNames')).flatMap((s) => stringOf(valueAt(s, 'dns')) ?? stringOf(valueAt(s, 'ip')) ?? []);
  for (const layer of ['http', 'transport'] as const) {
    if (layer === 'transport' && product !== 'elasticsearch') continue;
    const node = valueAt(spec, layer, 'tls', 'certificate', 'secretName');
    const secretName = stringOf(node);
    if (node && secretName) out.push({ product, layer, resource, namespace, secretName, range: rangeOf(node), extraNames: layer === 'http' ? extraNames : [] });
  }
  return out;
}
