// docker-compose files: services that run the Elasticsearch or Kibana image, and the settings their
// `environment:` gives the image.
import { isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import type { Product } from '../../catalog/types';
import type { Finding, OffsetRange } from '../../core/finding';
import { duplicateEnvFindings, envSettings, type EnvEntry } from './envSettings';
import { quotedInner } from './helm';
import { rangeOf, stringOf, valueAt } from './hostYaml';
import type { EmbeddedDocument, VersionHint } from './types';
import { flavourVersion, tagVersion } from './version';

/**
 * Elastic's images: `docker.elastic.co/elasticsearch/elasticsearch[-oss|-platinum|-wolfi|-ubi...]:TAG`,
 * `docker.elastic.co/kibana/kibana...`, and the Docker Hub `elasticsearch:TAG` / `kibana:TAG` (library) images.
 */
/** The suffixes of Elastic's image flavours (`elasticsearch-oss`, `-platinum` for 6.x, `-wolfi`, `-ubi8`, `-fips`). */
export const IMAGE_FLAVOUR = '(?:-(?:oss|platinum|wolfi|ubi\\d*|fips))?';
const IMAGE = new RegExp(`^(?:docker\\.elastic\\.co\\/(?:elasticsearch|kibana)\\/|(?:docker\\.io\\/)?(?:library\\/)?)(elasticsearch|kibana)${IMAGE_FLAVOUR}(?::[^@\\s]+)?(?:@\\S+)?$`);

/** The product an image reference runs, if it is one of Elastic's Elasticsearch or Kibana images. */
export function imageProduct(image: string): Product | undefined {
  return IMAGE.exec(image.trim())?.[1] as Product | undefined;
}

/** The settings documents and environment findings of a compose file's Elastic services. */
export function readCompose(text: string, doc: Document.Parsed, out: { documents: EmbeddedDocument[]; findings: Finding[] }): void {
  const services = valueAt(doc.contents, 'services');
  if (!services || !isMap(services)) return;
  const stated: VersionHint[] = [];
  const unstated: EmbeddedDocument[] = [];
  for (const pair of services.items) {
    const name = stringOf(pair.key);
    const service = pair.value as Node | null;
    const imageNode = valueAt(service, 'image');
    const image = stringOf(imageNode);
    const product = image ? imageProduct(image) : undefined;
    if (!product || !name || !imageNode) continue;
    const version = imageVersion(image ?? '', name, rangeOf(imageNode));
    if (version) stated.push(version);
    const entries = environmentEntries(text, valueAt(service, 'environment'));
    const env = envSettings(entries, product);
    out.findings.push(...env.findings, ...duplicateEnvFindings(entries));
    if (env.settings.length === 0) continue;
    const document: EmbeddedDocument = { product, form: 'compose', source: 'settings', settings: env.settings, version, host: { name, place: `services.${name}.environment` }, names: env.names };
    if (!version) unstated.push(document);
    out.documents.push(document);
  }
  const shared = sharedVersion(stated);
  if (shared) for (const document of unstated) document.version = shared;
}

/**
 * The version a service whose image states none (`kibana:${TAG}` without its `.env`) runs at: the one every other
 * Elastic image of the file states, when they agree. Kibana runs only beside Elasticsearch of its own major version
 * and no older minor (Kibana's `esVersionCompatibleWithKibana`, core-elasticsearch-server-internal), and Elastic
 * releases the two together, so one compose file runs them at one version. Images that disagree give none.
 */
function sharedVersion(stated: readonly VersionHint[]): VersionHint | undefined {
  const [first] = stated;
  if (!first || stated.some((v) => v.version !== first.version)) return undefined;
  return { ...first, source: `${first.source}; one compose file runs Kibana and Elasticsearch at one version` };
}

/** The version an image reference states: its literal tag, else the release line its flavour implies. */
function imageVersion(image: string, service: string, range: OffsetRange): VersionHint | undefined {
  const tag = tagVersion(image);
  if (tag) return { version: tag, source: `the image tag of service ${service}`, range };
  const line = flavourVersion(image);
  return line ? { version: line, source: `the ${image.split(':')[0].split('/').pop()} image of service ${service}, published for ${line} only`, range } : undefined;
}

/** The entries of `environment:` in list (`- NAME=value`) or map (`NAME: value`) syntax. */
export function environmentEntries(text: string, node: Node | null | undefined): EnvEntry[] {
  const out: EnvEntry[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      const entry = isScalar(item) ? listEntry(text, item) : undefined;
      if (entry) out.push(entry);
    }
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const entry = isScalar(pair.key) ? mapEntry(text, pair.key, pair.value as Node | null) : undefined;
      if (entry) out.push(entry);
    }
  }
  return out;
}

function listEntry(text: string, item: Scalar): EnvEntry | undefined {
  const written = stringOf(item);
  if (written === undefined || !item.range) return undefined;
  const inner = quotedInner(text, rangeOf(item));
  const eq = written.indexOf('=');
  const name = (eq < 0 ? written : written.slice(0, eq)).trim();
  if (name === '') return undefined;
  const nameRange = { start: inner.start, end: inner.start + (eq < 0 ? written.length : eq) };
  const value = eq < 0 ? undefined : { text: written.slice(eq + 1), range: { start: Math.min(inner.start + eq + 1, inner.end), end: inner.end } };
  return { name, nameRange, value, pairRange: { start: dashBefore(text, inner.start), end: item.range[1] } };
}

function mapEntry(text: string, key: Scalar, value: Node | null): EnvEntry | undefined {
  const name = stringOf(key);
  if (name === undefined || !key.range) return undefined;
  const nameRange = quotedInner(text, rangeOf(key));
  const end = value?.range ? value.range[1] : key.range[1];
  const pairRange: OffsetRange = { start: key.range[0], end };
  if (!isScalar(value) || value.value === null || !value.range) return { name, nameRange, pairRange };
  // A plain scalar is passed as written (`1.10` stays `1.10`); a quoted one as its string.
  const plain = value.type === 'PLAIN';
  const valueText = plain ? text.slice(value.range[0], value.range[1]) : String(value.value);
  return { name, nameRange, value: { text: valueText, range: quotedInner(text, rangeOf(value)) }, pairRange };
}

/** Where a list item starts: its `-`, so that removing the entry removes its whole line. */
function dashBefore(text: string, start: number): number {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '"' || text[i] === "'")) i--;
  return text[i] === '-' ? i : start;
}
