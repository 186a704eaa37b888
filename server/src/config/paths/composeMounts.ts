// What docker-compose files mount into their services' containers: bind mounts (`volumes:` in short and long
// syntax) and `configs:` / `secrets:` backed by a `file:`. Pure: a compose file's text and path in, plain data
// out, so the path locator and the settings reader of compose `environment:` blocks can share it.
//
// Facts from the Compose specification (compose-spec/compose-spec 05-services.md, 08-configs.md, 09-secrets.md;
// docs.docker.com/reference/compose-file): a short volume is `SOURCE:TARGET[:MODE]`, where a SOURCE starting
// with `.`, `/` or `~` is a host path (relative to the compose file's folder) and anything else names a volume;
// a config is mounted at `/<source>` unless `target` says otherwise; a secret at `/run/secrets/<source>`, and a
// relative secret `target` is a name inside `/run/secrets/`.
import * as path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { parseDocumentQuietly } from '../quietYaml';

/** The names Compose looks for, in its order of preference, then the override files it merges. */
export const COMPOSE_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
] as const;

/** A compose file larger than this is not read: real ones are a few KB. */
export const MAX_COMPOSE_BYTES = 512 * 1024;

/** One host file or folder that a service sees at a container path. */
export interface ComposeMount {
  /** Absolute host path (resolved against the compose file's folder). */
  source: string;
  /** Absolute path inside the container. */
  target: string;
  /** How it is mounted, for messages. */
  kind: 'bind' | 'config' | 'secret';
}

/** A service and what it mounts. */
export interface ComposeService {
  name: string;
  /** The `image:` as written, when literal. */
  image?: string;
  /** The container's `hostname:` (another name the service is reached by on its networks), when literal. */
  hostname?: string;
  /** `container_name:` and the `aliases:` of its `networks:` entries: names Compose's DNS also answers for it. */
  aliases?: string[];
  mounts: ComposeMount[];
  /**
   * Container paths where a named or anonymous volume (or a tmpfs) is mounted: their content lives in Docker,
   * not in the repository, and hides whatever a bind mount of a folder above them would show there.
   */
  volumes: string[];
}

/** A compose file's services (those it could read). */
export interface ComposeFile {
  path: string;
  services: ComposeService[];
}

/**
 * Reads the mounts of every service of one compose file; an unreadable file gives no services. `env` holds the
 * variables Compose would interpolate (the project's `.env`); a path using a variable that is neither there nor
 * given a default is left out, since the shell that runs Compose is not known.
 */
export function parseComposeMounts(text: string, composePath: string, env: ReadonlyMap<string, string> = new Map()): ComposeFile {
  const out: ComposeFile = { path: composePath, services: [] };
  let root: unknown;
  let doc: Document;
  try {
    doc = parseDocumentQuietly(text, { uniqueKeys: false });
    root = doc.contents;
  } catch {
    return out;
  }
  if (!isMap(root)) return out;
  const dir = path.dirname(composePath);
  const at: Place = { dir, env };
  const files = { configs: topLevelFiles(get(root, 'configs'), at), secrets: topLevelFiles(get(root, 'secrets'), at) };
  const services = get(root, 'services');
  if (!isMap(services)) return out;
  for (const item of services.items) {
    const name = scalarText(item.key as YamlNode);
    const service = deref(item.value as YamlNode, doc);
    if (!name || !isMap(service)) continue;
    const field = (key: string) => lookup(service, key, doc);
    const image = scalarText(field('image'));
    const hostname = scalarText(field('hostname'));
    const aliases = serviceAliases(field('container_name'), field('networks'));
    const mounts = [...volumeMounts(field('volumes'), at), ...fileMounts(field('configs'), files.configs, 'config', at), ...fileMounts(field('secrets'), files.secrets, 'secret', at)];
    out.services.push({ name, ...(image ? { image } : {}), ...(hostname ? { hostname } : {}), ...(aliases.length > 0 ? { aliases } : {}), mounts, volumes: volumeTargets(field('volumes'), at) });
  }
  return out;
}

/** `container_name` and each network's `aliases` (long `networks:` syntax), literal ones only. */
function serviceAliases(containerName: YamlNode | undefined, networks: YamlNode | undefined): string[] {
  const out: string[] = [];
  const add = (n: YamlNode | undefined) => {
    const text = scalarText(n);
    if (text && !text.includes('$') && !out.includes(text)) out.push(text);
  };
  add(containerName);
  if (!isMap(networks)) return out;
  for (const item of networks.items) {
    const aliases = isMap(item.value) ? get(item.value, 'aliases') : undefined;
    if (isSeq(aliases)) (aliases.items as YamlNode[]).forEach(add);
  }
  return out;
}

/** Where a compose file's relative paths start, and the variables it may use. */
interface Place {
  dir: string;
  env: ReadonlyMap<string, string>;
}

/** An alias's node (anchors such as `x-es: &es` shared by services), else the node itself. */
function deref(node: YamlNode | null | undefined, doc: Document): YamlNode | undefined {
  if (!isAlias(node)) return node ?? undefined;
  try {
    return (node.resolve(doc) as YamlNode | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A service's field, written there or brought in by merge keys (`<<: *es`, `<<: [*a, *b]`), a few levels deep. */
function lookup(map: YAMLMap, key: string, doc: Document, depth = 0): YamlNode | undefined {
  const direct = deref(get(map, key), doc);
  if (direct !== undefined || depth >= 4) return direct;
  const merged = deref(get(map, '<<'), doc);
  const sources = isSeq(merged) ? (merged.items as YamlNode[]).map((n) => deref(n, doc)) : [merged];
  for (const source of sources) {
    const hit = isMap(source) ? lookup(source, key, doc, depth + 1) : undefined;
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function get(map: YAMLMap, key: string): YamlNode | undefined {
  for (const item of map.items) if (scalarText(item.key as YamlNode) === key) return (item.value ?? undefined) as YamlNode | undefined;
  return undefined;
}

function scalarText(node: YamlNode | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Compose's interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `$$`) with the
 * variables of `env`; undefined when the result depends on a variable `env` does not hold.
 */
export function interpolate(text: string, env: ReadonlyMap<string, string>): string | undefined {
  let unknown = false;
  const out = text.replace(VARIABLE, (whole, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const value = env.get(braced ?? bare ?? '');
    const set = value !== undefined && !(op?.startsWith(':') && value === '');
    if (op === ':-' || op === '-') return set ? value : (arg ?? '');
    if ((op === ':+' || op === '+') && value === undefined) unknown = true;
    if (op === ':+' || op === '+') return set ? (arg ?? '') : '';
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : out;
}

/** Reads a `.env` file: `KEY=VALUE` lines, `#` comments, optional `export` and quotes. */
export function parseDotEnv(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const raw = m[2];
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    env.set(m[1], quoted ? quoted[2] : raw.replace(/\s+#.*$/, ''));
  }
  return env;
}

/** A host path written in a compose file, absolute; undefined for named volumes and unknown variables. */
function hostPath(written: string, at: Place): string | undefined {
  const source = interpolate(written, at.env);
  if (source === undefined || source === '') return undefined;
  if (source.startsWith('~')) return undefined; // the home folder of the machine that runs compose
  if (source.startsWith('.') || source.startsWith('/')) return path.resolve(at.dir, source);
  return /^[A-Za-z]:[\\/]/.test(source) ? source : undefined;
}

/** A container path: absolute once interpolated. */
function containerPath(written: string | undefined, at: Place): string | undefined {
  const target = written === undefined ? undefined : interpolate(written, at.env);
  if (!target || !target.startsWith('/')) return undefined;
  return path.posix.normalize(target).replace(/\/$/, '') || '/';
}

function volumeMounts(node: YamlNode | undefined, at: Place): ComposeMount[] {
  if (!isSeq(node)) return [];
  const out: ComposeMount[] = [];
  for (const item of node.items as YamlNode[]) {
    const mount = isMap(item) ? longVolume(item, at) : shortVolume(scalarText(item), at);
    if (mount) out.push(mount);
  }
  return out;
}

/**
 * The targets of a service's volumes that are not bind mounts: `NAME:TARGET` and a lone `TARGET` in short
 * syntax (a named and an anonymous volume), and long-syntax entries of any other `type` (volume, tmpfs ...).
 */
function volumeTargets(node: YamlNode | undefined, at: Place): string[] {
  if (!isSeq(node)) return [];
  const out: string[] = [];
  for (const item of node.items as YamlNode[]) {
    if (isMap(item)) {
      const type = scalarText(get(item, 'type')) ?? 'volume';
      const target = type === 'bind' ? undefined : containerPath(scalarText(get(item, 'target')), at);
      if (target) out.push(target);
      continue;
    }
    const text = interpolate(scalarText(item)?.trim() ?? '', at.env);
    if (!text || shortVolume(text, { dir: at.dir, env: new Map() })) continue;
    const m = /^(?:([^:/.~][^:]*):)?(\/[^:]*)(?::[^:]*)?$/.exec(text);
    const target = m ? containerPath(m[2], at) : undefined;
    if (target) out.push(target);
  }
  return out;
}

/** `SOURCE:TARGET[:MODE]`; a Windows drive letter in SOURCE has its own colon, and so may `${VAR:-default}`. */
function shortVolume(written: string | undefined, at: Place): ComposeMount | undefined {
  const text = written === undefined ? undefined : interpolate(written.trim(), at.env);
  if (!text) return undefined;
  const m = /^((?:[A-Za-z]:[\\/])?[^:]+):([^:]+)(?::[^:]*)?$/.exec(text);
  if (!m) return undefined;
  const source = hostPath(m[1], at);
  const target = containerPath(m[2], at);
  return source && target ? { source, target, kind: 'bind' } : undefined;
}

function longVolume(map: YAMLMap, at: Place): ComposeMount | undefined {
  const type = scalarText(get(map, 'type')) ?? 'volume';
  if (type !== 'bind') return undefined;
  const source = relativeHostPath(scalarText(get(map, 'source')), at);
  const target = containerPath(scalarText(get(map, 'target')), at);
  return source && target ? { source, target, kind: 'bind' } : undefined;
}

/** A host path where a plain name is a relative path too (long-syntax `source:`, `file:`). */
function relativeHostPath(written: string | undefined, at: Place): string | undefined {
  const text = written === undefined ? undefined : interpolate(written, at.env);
  if (!text) return undefined;
  return hostPath(text.startsWith('.') || text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) ? text : `./${text}`, { dir: at.dir, env: new Map() });
}

/** Top-level `configs:` or `secrets:` entries backed by a host file: name -> absolute path. */
function topLevelFiles(node: YamlNode | undefined, at: Place): Map<string, string> {
  const out = new Map<string, string>();
  if (!isMap(node)) return out;
  for (const item of node.items) {
    const name = scalarText(item.key as YamlNode);
    const source = isMap(item.value) ? relativeHostPath(scalarText(get(item.value, 'file')), at) : undefined;
    if (name && source) out.set(name, source);
  }
  return out;
}

/** A service's `configs:` or `secrets:` list, short (`- name`) or long (`- source: name, target: ...`). */
function fileMounts(node: YamlNode | undefined, files: Map<string, string>, kind: 'config' | 'secret', at: Place): ComposeMount[] {
  if (!isSeq(node)) return [];
  const out: ComposeMount[] = [];
  for (const item of node.items as YamlNode[]) {
    const name = isMap(item) ? scalarText(get(item, 'source')) : scalarText(item);
    const source = name ? files.get(name) : undefined;
    if (!name || !source) continue;
    const written = isMap(item) ? scalarText(get(item, 'target')) : undefined;
    const target = containerPath(fileMountTarget(kind, name, written), at);
    if (target) out.push({ source, target, kind });
  }
  return out;
}

function fileMountTarget(kind: 'config' | 'secret', name: string, target: string | undefined): string {
  if (kind === 'config') return target ?? `/${name}`;
  if (target === undefined) return `/run/secrets/${name}`;
  return target.startsWith('/') ? target : `/run/secrets/${target}`;
}
