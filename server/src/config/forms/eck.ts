// ECK resources (elastic/cloud-on-k8s): the settings in `spec.nodeSets[].config` and `spec.config`, and the
// TLS fields of `spec.http.tls` the operator reads.
import { isIP } from 'node:net';
import { isMap, type Document, type Node } from 'yaml';
import type { Product } from '../../catalog/types';
import type { Finding } from '../../core/finding';
import { documentRegion, itemsOf, rangeOf, stringOf, valueAt } from './hostYaml';
import { tlsReferences, type KubernetesObjects } from './kubernetes';
import type { EmbeddedDocument, HostContext } from './types';
import { versionHint } from './version';

/** The ECK kinds that carry settings, by API group (pkg/apis/{elasticsearch,kibana}/v1 in cloud-on-k8s). */
const KINDS: ReadonlyArray<{ group: string; kind: string; product: Product }> = [
  { group: 'elasticsearch.k8s.elastic.co/', kind: 'Elasticsearch', product: 'elasticsearch' },
  { group: 'kibana.k8s.elastic.co/', kind: 'Kibana', product: 'kibana' },
];

/** Which ECK resource a YAML document is, if it is one of the kinds above. */
export function eckKind(root: unknown): (typeof KINDS)[number] | undefined {
  const api = stringOf(valueAt(root, 'apiVersion'));
  const kind = stringOf(valueAt(root, 'kind'));
  return KINDS.find((k) => api?.startsWith(k.group) && kind === k.kind);
}

/** The settings documents and host findings of one ECK resource. */
export function readEck(text: string, doc: Document.Parsed, out: { documents: EmbeddedDocument[]; findings: Finding[]; kubernetes: KubernetesObjects }): void {
  const root = doc.contents;
  const kind = eckKind(root);
  if (!kind) return;
  const spec = valueAt(root, 'spec');
  const host: HostContext = {
    name: stringOf(valueAt(root, 'metadata', 'name')),
    namespace: stringOf(valueAt(root, 'metadata', 'namespace')),
  };
  const version = versionHint(valueAt(spec, 'version'), 'spec.version');
  const add = (node: Node | null | undefined, place: string) => {
    const region = node && isMap(node) && node.items.length > 0 ? documentRegion(text, node) : undefined;
    if (region) out.documents.push({ product: kind.product, form: 'eck', source: 'text', ...region, version, host: { ...host, place }, names: 'yaml' });
  };
  if (kind.product === 'elasticsearch') {
    itemsOf(valueAt(spec, 'nodeSets')).forEach((set, i) => add(valueAt(set, 'config'), `spec.nodeSets[${i}].config`));
  } else {
    const refNode = valueAt(spec, 'elasticsearchRef', 'name');
    host.elasticsearchRef = stringOf(refNode);
    const refNamespace = stringOf(valueAt(spec, 'elasticsearchRef', 'namespace')) ?? host.namespace;
    if (refNode && host.elasticsearchRef) out.kubernetes.elasticsearchRefs.push({ name: host.elasticsearchRef, namespace: refNamespace, range: rangeOf(refNode) });
    add(valueAt(spec, 'config'), 'spec.config');
  }
  out.findings.push(...httpTlsFindings(spec, kind.product, serviceMesh(root, spec)));
  out.kubernetes.references.push(...tlsReferences(kind.product, host.name, host.namespace, spec));
}

/** Annotation and label prefixes by which a pod joins a service mesh whose sidecars encrypt pod-to-pod traffic. */
const MESHES: ReadonlyArray<{ name: string; prefixes: readonly string[]; inject: string }> = [
  { name: 'Istio', prefixes: ['sidecar.istio.io/', 'traffic.sidecar.istio.io/', 'proxy.istio.io/'], inject: 'sidecar.istio.io/inject' },
  { name: 'Linkerd', prefixes: ['linkerd.io/inject', 'config.linkerd.io/'], inject: 'linkerd.io/inject' },
];

/**
 * The service mesh the resource's pods are configured for, by the annotations and labels of the resource and of
 * its pod templates (`spec.podTemplate`, `spec.nodeSets[].podTemplate`); an `inject` key set to false opts out.
 * A namespace-wide injection label is not in the manifest, so it is not seen.
 */
function serviceMesh(root: unknown, spec: unknown): string | undefined {
  const metas = [valueAt(root, 'metadata'), valueAt(spec, 'podTemplate', 'metadata'), ...itemsOf(valueAt(spec, 'nodeSets')).map((set) => valueAt(set, 'podTemplate', 'metadata'))];
  const keys = new Map<string, string>();
  for (const meta of metas) {
    for (const field of ['annotations', 'labels']) {
      const map = valueAt(meta, field);
      if (!isMap(map)) continue;
      for (const pair of map.items) {
        const key = stringOf(pair.key as Node);
        if (key) keys.set(key, stringOf(pair.value as Node) ?? '');
      }
    }
  }
  return MESHES.find((m) => keys.get(m.inject) !== 'false' && keys.get(m.inject) !== 'disabled' && [...keys.keys()].some((k) => m.prefixes.some((p) => k.startsWith(p))))?.name;
}

/** `spec.http.tls`: a disabled self-signed certificate and the subject alternative names ECK will issue. */
function httpTlsFindings(spec: unknown, product: Product, mesh?: string): Finding[] {
  const out: Finding[] = [];
  const selfSigned = valueAt(spec, 'http', 'tls', 'selfSignedCertificate');
  const disabled = valueAt(selfSigned, 'disabled');
  const custom = stringOf(valueAt(spec, 'http', 'tls', 'certificate', 'secretName'));
  if (disabled && stringOf(disabled) === 'true' && !custom) {
    const who = product === 'elasticsearch' ? 'Elasticsearch' : 'Kibana';
    const plain = `\`selfSignedCertificate.disabled: true\` without a custom certificate makes ECK serve ${who} over plain HTTP`;
    // ECK's service-mesh guide describes this set-up: the mesh's mutual TLS encrypts the traffic between pods.
    // Features that need TLS on the HTTP layer itself (API keys, and Kibana alerting with them) then stay off.
    out.push(mesh
      ? { ruleId: 'eck-http-tls-disabled', severity: 'information', message: `${plain}; the ${mesh} sidecars these pods are set up for encrypt it between pods only where the mesh enforces mutual TLS, and Elasticsearch API keys (which Kibana alerting uses) need TLS on the HTTP layer itself.`, range: rangeOf(disabled) }
      : { ruleId: 'eck-http-tls-disabled', severity: 'warning', message: `${plain}: credentials and data cross the network unencrypted.`, range: rangeOf(disabled) });
  }
  for (const san of itemsOf(valueAt(selfSigned, 'subjectAltNames'))) {
    const finding = sanFinding(san);
    if (finding) out.push(finding);
  }
  return out;
}

/** RFC 1123 host name labels; a leading `*.` wildcard label is allowed, as certificates allow it. */
const DNS_NAME = /^(?:\*\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;

function sanFinding(san: unknown): Finding | undefined {
  const ipNode = valueAt(san, 'ip');
  const dnsNode = valueAt(san, 'dns');
  const ip = stringOf(ipNode);
  const dns = stringOf(dnsNode);
  if (ipNode && ip !== undefined && !isTemplatedValue(ip) && isIP(ip.trim()) === 0) {
    return sanProblem(ipNode, `\`${ip}\` is not an IP address; ECK needs \`ip:\` entries in IPv4 or IPv6 form (a host name goes under \`dns:\`).`);
  }
  if (dnsNode && dns !== undefined && !isTemplatedValue(dns) && (dns.length > 253 || !DNS_NAME.test(dns.trim()))) {
    return sanProblem(dnsNode, `\`${dns}\` is not a valid DNS name for a certificate's subject alternative names.`);
  }
  return undefined;
}

function sanProblem(node: Node, message: string): Finding {
  return { ruleId: 'eck-invalid-san', severity: 'warning', message, range: rangeOf(node) };
}

function isTemplatedValue(value: string): boolean {
  return value.includes('{{') || value.includes('${');
}
