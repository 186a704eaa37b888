// The ECK resources (kind Elasticsearch or Kibana, apiVersion <product>.k8s.elastic.co/...) of the workspace's YAML
// files, with what the Generate commands need to offer a Kubernetes Secret for them: the name, the namespace and the
// Secret `spec.http.tls.certificate.secretName` already names. A resource counts whether or not it carries settings
// (`spec.nodeSets[].config`), so it is found even where the stack model has no component for it.
import * as path from 'node:path';
import { eckKind } from '../config/forms/eck';
import { parseHost, stringOf, valueAt } from '../config/forms/hostYaml';
import { readBoundedText } from '../core/fileGate';
import { LineIndex } from '../core/lineIndex';
import type { CheckEnvironment } from '../rules/types';
import { listSettingsFiles } from './model';

/** One ECK resource found in a workspace file. */
export interface EckResource {
  kind: 'Elasticsearch' | 'Kibana';
  /** `metadata.name`; a resource without one is left out. */
  name: string;
  /** `metadata.namespace` when written. */
  namespace?: string;
  /** `spec.http.tls.certificate.secretName` when written. */
  secretName?: string;
  file: string;
  /** 0-based line of the resource's document. */
  line: number;
}

/** At most this many resources are returned: a choice among more would not help anyone. */
const MAX_RESOURCES = 50;

function readText(env: CheckEnvironment, file: string): string | undefined {
  return readBoundedText(env.fs, file, 'settings');
}

/** The ECK resources in one YAML text (every document of it). */
export function eckResourcesIn(text: string, file: string): EckResource[] {
  // Cheap test first: every ECK apiVersion holds this.
  if (!text.includes('k8s.elastic.co')) return [];
  const docs = parseHost(text);
  if (!docs) return [];
  const out: EckResource[] = [];
  let lines: LineIndex | undefined;
  for (const doc of docs) {
    const root = doc.contents;
    const kind = eckKind(root);
    const name = stringOf(valueAt(root, 'metadata', 'name'));
    if (!kind || !name) continue;
    lines ??= new LineIndex(text);
    const namespace = stringOf(valueAt(root, 'metadata', 'namespace'));
    const secretName = stringOf(valueAt(root, 'spec', 'http', 'tls', 'certificate', 'secretName'));
    out.push({
      kind: kind.kind === 'Kibana' ? 'Kibana' : 'Elasticsearch',
      name,
      ...(namespace ? { namespace } : {}),
      ...(secretName ? { secretName } : {}),
      file,
      line: lines.positionAt(root?.range?.[0] ?? 0).line,
    });
  }
  return out;
}

/** Every ECK resource under the given folders, in a stable order (folder, then path). */
export function findEckResources(env: CheckEnvironment, roots: readonly string[]): EckResource[] {
  const out: EckResource[] = [];
  for (const root of roots) {
    for (const file of listSettingsFiles(env, root)) {
      if (!/\.ya?ml$/i.test(path.basename(file))) continue;
      const text = readText(env, file);
      if (text !== undefined) out.push(...eckResourcesIn(text, file));
      if (out.length >= MAX_RESOURCES) return out.slice(0, MAX_RESOURCES);
    }
  }
  return out;
}
