// What a deployment file adds to the components read from its settings: a compose service's bind mounts (so the
// container paths its `environment:` names resolve to workspace files) and the names it is reached by, and an
// ECK resource's Secrets (so `spec.http.tls.certificate` and `spec.transport.tls.certificate` become the
// certificates its contexts present and trust) and the names of its services.
import * as path from 'node:path';
import type { Clock } from '../core/environment';
import { readBoundedText } from '../core/fileGate';
import type { EmbeddedDocument, FormsResult } from '../config/forms';
import { eckKind } from '../config/forms/eck';
import { parseHost, rangeOf, stringOf, valueAt } from '../config/forms/hostYaml';
import { emptyObjects, readKubernetesObject, type KubernetesObjects, type SecretObject, type TlsReference } from '../config/forms/kubernetes';
import { blankTemplates } from '../config/templating';
import type { OffsetRange } from '../core/finding';
import { addSiblingObjects } from '../config/forms/siblingObjects';
import { parseComposeMounts, parseDotEnv, type ComposeService } from '../config/paths/composeMounts';
import { PathLocator } from '../config/paths/locator';
import type { PathMapping } from '../config/paths/mappings';
import type { Product } from '../catalog/types';
import type { ParsedCertificate } from '../pki/parsed';
import { readPkiFile } from '../pki/readPkiFile';
import type { CheckEnvironment } from '../rules/types';
import { hostOf, type ComponentPart, type LoadedContext } from './component';
import type { ReachName } from './types';

/** The services of one compose file, by name, with the mounts of each (composeMounts.ts reads them). */
export function composeServices(file: string, text: string, env: CheckEnvironment): Map<string, ComposeService> {
  // Compose interpolates with the project folder's .env (the folder of the compose file).
  const dotEnv = parseDotEnv(readSmall(env, path.join(path.dirname(file), '.env')) ?? '');
  return new Map(parseComposeMounts(text, file, dotEnv).services.map((s) => [s.name, s]));
}

/**
 * The environment a compose service's settings are read with: its bind mounts (and `configs:`/`secrets:` files)
 * become path mappings after the user's own, so `/usr/share/elasticsearch/config/certs/http.crt` is read from
 * the folder mounted at `/usr/share/elasticsearch/config/certs`. The settings' file path stays unknown (the
 * embedded model has none), so a relative path resolves against the image's config folder, as in the container.
 */
export function composeEnvironment(env: CheckEnvironment, composeFile: string, service: ComposeService | undefined): CheckEnvironment {
  if (!service || service.mounts.length === 0) return env;
  const file = path.basename(composeFile);
  const mounts: PathMapping[] = service.mounts.map((m) => ({ containerPath: m.target, localPath: m.source, via: `service \`${service.name}\` in \`${file}\` mounts it at \`${m.target}\`` }));
  return { ...env, options: { ...env.options, pathMappings: [...(env.options.pathMappings ?? []), ...mounts] } };
}

/** Where a compose service's own paths are on this machine, through its mounts (see composeEnvironment). */
export function composeLocate(env: CheckEnvironment, product: Product): (value: string) => string | undefined {
  const locator = new PathLocator({ product, fs: env.fs, workspaceRoots: env.options.workspaceRoots, pathMappings: env.options.pathMappings });
  return (value) => {
    const at = locator.locate(value);
    return at.kind === 'mapped' ? at.localPath : undefined;
  };
}

/**
 * The names a deployment form gives a component: the compose service, its `hostname:`, `container_name:` and
 * network `aliases:` (the compose spec's "aliases" section: other containers reach a service by its name or an
 * alias; `hostname:` is the container's own name, which Compose's DNS has not always answered for, docker/compose
 * issue 2925, but a setting that dials it names this service), and for ECK the resource and its HTTP service. ECK names the service
 * `<name>-es-http` (Kibana: `<name>-kb-http`): cloud-on-k8s pkg/controller/elasticsearch/name/name.go,
 * `HTTPService(esName) = ESNamer.Suffix(esName, "http")` with the namer's default suffix `es`; inside the cluster
 * it resolves as `<service>.<namespace>.svc`, the names ECK's own certificates carry.
 */
export function hostNames(doc: EmbeddedDocument, service?: ComposeService): ReachName[] {
  const name = doc.host.name;
  if (!name) return [];
  if (doc.form === 'compose') {
    const names: ReachName[] = [{ name, source: 'compose service' }];
    const add = (other: string | undefined, source: string) => {
      if (other && !names.some((n) => n.name.toLowerCase() === other.toLowerCase())) names.push({ name: other, source });
    };
    add(service?.hostname, 'compose hostname');
    for (const alias of service?.aliases ?? []) add(alias, 'compose alias');
    return names;
  }
  if (doc.form !== 'eck') return [];
  const svc = `${name}-${doc.product === 'elasticsearch' ? 'es' : 'kb'}-http`;
  const ns = doc.host.namespace ?? 'default';
  return [{ name, source: 'eck resource' }, { name: svc, source: 'eck service' }, { name: `${svc}.${ns}.svc`, source: 'eck service' }];
}

/** Finds a Secret by name (and namespace, when known) anywhere in the workspace. */
export type SecretLookup = (name: string, namespace: string | undefined) => SecretObject | undefined;

/** The Secrets a YAML text defines (a cheap test first: only a text naming `kind: Secret` is parsed). */
export function secretsOf(text: string): SecretObject[] {
  // A plain substring test first: this runs on every edit of every file, and the multiline pattern is slower.
  if (!text.includes('Secret') || !/^[ \t]*kind:[ \t]*["']?Secret\b/m.test(text)) return [];
  const objects = emptyObjects();
  try {
    for (const doc of parseHost(text) ?? []) readKubernetesObject(doc, objects);
  } catch {
    return [];
  }
  return objects.secrets;
}

/**
 * The Kubernetes objects of a manifest, of the YAML files beside it, and the workspace's other Secrets (`lookup`)
 * for the references still unresolved.
 */
export function kubernetesObjects(forms: FormsResult, file: string, env: CheckEnvironment, lookup?: SecretLookup): KubernetesObjects {
  const objects: KubernetesObjects = {
    secrets: [...forms.kubernetes.secrets], certificates: [...forms.kubernetes.certificates], references: [...forms.kubernetes.references],
    elasticsearches: [...forms.kubernetes.elasticsearches], elasticsearchRefs: [...forms.kubernetes.elasticsearchRefs],
    mountedSecrets: [...forms.kubernetes.mountedSecrets],
  };
  try {
    addSiblingObjects(objects, file, env.fs);
  } catch {
    // An unreadable folder leaves the file's own objects.
  }
  for (const ref of objects.references) {
    if (objects.secrets.some((x) => x.name === ref.secretName && sameNamespace(x.namespace, ref.namespace))) continue;
    const found = lookup?.(ref.secretName, ref.namespace);
    if (found) objects.secrets.push(found);
  }
  return objects;
}

/** An ECK Kibana's `spec.elasticsearchRef`: the Kibana, and the Elasticsearch it names with where that is written. */
export interface KibanaAssociation {
  kibana: string;
  namespace?: string;
  es: string;
  esNamespace?: string;
  range: OffsetRange;
}

/** The `spec.elasticsearchRef` of each ECK Kibana of a manifest (cloud-on-k8s: namespace defaults to the Kibana's). */
export function kibanaAssociations(text: string): KibanaAssociation[] {
  const out: KibanaAssociation[] = [];
  for (const doc of parseHost(blankTemplates(text)) ?? []) {
    const root = doc.contents;
    if (eckKind(root)?.product !== 'kibana') continue;
    const kibana = stringOf(valueAt(root, 'metadata', 'name'));
    const namespace = stringOf(valueAt(root, 'metadata', 'namespace'));
    const refNode = valueAt(root, 'spec', 'elasticsearchRef', 'name');
    const es = stringOf(refNode);
    if (kibana && es && refNode) out.push({ kibana, namespace, es, esNamespace: stringOf(valueAt(root, 'spec', 'elasticsearchRef', 'namespace')) ?? namespace, range: rangeOf(refNode) });
  }
  return out;
}

/**
 * ECK resources that write no settings (`config`) but are part of the stack all the same, as settings-less
 * documents: those whose certificate a Secret gives, and Kibana instances associated with an Elasticsearch.
 */
export function settingsLessResources(forms: FormsResult, associations: readonly KibanaAssociation[]): EmbeddedDocument[] {
  const out: EmbeddedDocument[] = [];
  const add = (product: 'elasticsearch' | 'kibana', name: string, namespace: string | undefined) => {
    const known = (d: EmbeddedDocument) => d.form === 'eck' && d.product === product && d.host.name === name && d.host.namespace === namespace;
    if (!forms.documents.some(known) && !out.some(known)) out.push({ product, form: 'eck', source: 'settings', settings: [], host: { name, namespace, place: 'spec' }, names: 'yaml' });
  };
  for (const ref of forms.kubernetes.references) add(ref.product, ref.resource, ref.namespace);
  for (const a of associations) add('kibana', a.kibana, a.namespace);
  return out;
}

/**
 * An ECK Kibana associated with an Elasticsearch dials what ECK writes into its settings: `elasticsearch.hosts`
 * the association URL `https://<es>-es-http.<namespace>.svc:9200`, `elasticsearch.ssl.verificationMode:
 * certificate`, and the Elasticsearch's HTTP `ca.crt` as certificate authorities when it has one
 * (cloud-on-k8s pkg/controller/kibana config_settings.go, elasticsearchTLSSettings). Settings the user writes
 * in `spec.config` stay as written.
 */
export function applyKibanaAssociation(part: ComponentPart, doc: EmbeddedDocument, associations: readonly KibanaAssociation[]): void {
  const a = associations.find((x) => x.kibana === doc.host.name && sameNamespace(x.namespace, doc.host.namespace));
  if (!a || part.model.byKey.has('elasticsearch.hosts')) return;
  const url = `https://${a.es}-es-http.${a.esNamespace ?? 'default'}.svc:9200`;
  const at = part.lines.positionAt(a.range.start);
  part.data.hosts.push({ value: url, host: hostOf(url), setting: 'spec.elasticsearchRef', place: { file: part.file, line: at.line, column: at.character } });
  part.hostRanges.push(a.range);
  const client = part.contexts.find((c) => c.data.kind === 'client');
  if (client && !part.model.byKey.has('elasticsearch.ssl.verificationMode')) client.data.verificationMode = 'certificate';
  if (part.model.settings.length === 0) part.data.place = { file: part.file, line: at.line, column: at.character };
}

/** A manifest without a namespace lands in whichever one `kubectl -n` names, so it may be any of them. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * Applies an ECK resource's certificate Secrets to its contexts. HTTP: `tls.crt` is the chain the nodes present
 * (leaf first), `ca.crt` the optional trust chain ECK configures as their HTTP certificate authorities and hands
 * to clients (ECK docs "Manage HTTP certificates on ECK", deploy-manage/security/k8s-https-settings). Transport:
 * the Secret holds the CA (`ca.crt`, `ca.key`) ECK issues every node's certificate from and that every node
 * trusts (ECK docs "Transport settings"); the node certificates themselves are made in the cluster.
 */
export function applyEckSecrets(part: ComponentPart, doc: EmbeddedDocument, objects: KubernetesObjects, clock: Clock): void {
  const product = part.model.product;
  for (const ref of objects.references) {
    if (ref.product !== product || ref.resource !== doc.host.name || !sameNamespace(ref.namespace, doc.host.namespace)) continue;
    const secret = objects.secrets.find((s) => s.name === ref.secretName && sameNamespace(s.namespace, ref.namespace));
    const ctx = part.contexts.find((c) => c.data.kind === (ref.layer === 'transport' ? 'transport' : product === 'elasticsearch' ? 'http' : 'server'));
    if (!secret || !ctx) continue;
    applySecret(ctx, ref, secret, part.file, clock);
    // Where nothing is written in the settings, the resource's secretName is where the context is configured.
    const at = part.lines.positionAt(ref.range.start);
    const place = { file: part.file, line: at.line, column: at.character };
    if (ctx.files.context.settings.size === 0) Object.assign(ctx, { start: ref.range.start }, { data: { ...ctx.data, place } });
    if (part.model.settings.length === 0) part.data.place = place;
  }
  part.data.contexts = part.contexts.map((c) => c.data);
}

function applySecret(ctx: LoadedContext, ref: TlsReference, secret: SecretObject, file: string, clock: Clock): void {
  const certs = (key: string) => pemCertificates(secret.entries.get(key)?.text, clock);
  const source = secret.file ?? file;
  // ECK serves TLS with the Secret's certificate whatever the settings say.
  ctx.data.enabled = true;
  const ca = certs('ca.crt');
  if (ca.length > 0) {
    ctx.anchors = ca;
    ctx.trustAt = ref.range;
    ctx.trustFile = source;
    ctx.data.trusts = ca.map(fp);
  }
  if (ref.layer !== 'http') return;
  const [leaf, ...extra] = certs('tls.crt');
  if (!leaf) return;
  Object.assign(ctx, { leaf, extra, presentedAt: ref.range, presentedFile: source });
  ctx.data.presents = fp(leaf);
  ctx.data.chain = extra.map(fp);
}

const fp = (c: ParsedCertificate) => c.summary.fingerprints.sha256;

function pemCertificates(text: string | undefined, clock: Clock): ParsedCertificate[] {
  if (!text || !text.includes('-----BEGIN')) return [];
  try {
    return readPkiFile(new TextEncoder().encode(text), { clock }).certificates;
  } catch {
    return [];
  }
}

function readSmall(env: CheckEnvironment, file: string): string | undefined {
  try {
    const stat = env.fs.stat(file);
    if (!stat?.isFile) return undefined;
    return readBoundedText(env.fs, file, 'settings');
  } catch {
    return undefined;
  }
}
