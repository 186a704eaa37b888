// The Secrets, cert-manager Certificates and Elasticsearch resources an ECK resource names but its own file does
// not hold: looked for in the YAML files beside it, as a repository of manifests usually keeps them.
import * as path from 'node:path';
import type { FileSystem } from '../../core/environment';
import { readBounded } from '../../core/fileGate';
import { parseHost } from './hostYaml';
import { emptyObjects, readKubernetesObject, type KubernetesObjects } from './kubernetes';

/** Files of a folder looked at, and bytes each may have: manifests are small, and this runs on every check. */
const MAX_FILES = 64;
const MAX_BYTES = 512 * 1024;

/**
 * Adds to `objects` the Secrets and cert-manager Certificates of the sibling YAML files of `filePath` whose
 * name some reference asks for and the file itself lacks. Each one found carries its file. A file that cannot
 * be read, or is too large, is skipped: nothing is said about what cannot be seen.
 */
export function addSiblingObjects(objects: KubernetesObjects, filePath: string, fs: FileSystem): void {
  const wanted = unresolved(objects);
  if (wanted.size === 0 || !fs.listDir) return;
  const dir = path.dirname(filePath);
  const entries = fs.listDir(dir, MAX_FILES * 4) ?? [];
  const names = entries.filter((e) => !e.isDirectory && /\.ya?ml$/i.test(e.name) && path.join(dir, e.name) !== filePath).slice(0, MAX_FILES);
  for (const entry of names) {
    const file = path.join(dir, entry.name);
    const text = readText(fs, file);
    // A cheap test first: only a file that mentions a wanted name is parsed.
    if (!text || ![...wanted].some((n) => text.includes(n))) continue;
    const found = emptyObjects();
    for (const doc of parseHost(text) ?? []) readKubernetesObject(doc, found);
    objects.secrets.push(...found.secrets.filter((s) => wanted.has(s.name)).map((s) => ({ ...s, file })));
    objects.certificates.push(...found.certificates.filter((c) => wanted.has(c.secretName)).map((c) => ({ ...c, file })));
    objects.elasticsearches.push(...found.elasticsearches.filter((e) => wanted.has(e.name)));
  }
}

function unresolved(objects: KubernetesObjects): Set<string> {
  const known = new Set([...objects.secrets.map((s) => s.name), ...objects.certificates.map((c) => c.secretName)]);
  const secrets = [...objects.references.map((r) => r.secretName), ...objects.mountedSecrets].filter((n) => !known.has(n));
  const clusters = objects.elasticsearchRefs.map((r) => r.name).filter((n) => !objects.elasticsearches.some((e) => e.name === n));
  return new Set([...secrets, ...clusters]);
}

function readText(fs: FileSystem, file: string): string | undefined {
  try {
    const stat = fs.stat(file);
    if (!stat?.isFile || stat.size > MAX_BYTES) return undefined;
    const bytes = readBounded(fs, file, 'settings');
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  } catch {
    return undefined;
  }
}
