// Where a path named in a settings file lives, decided once for the server and the CLI alike.
//
// A settings file is either the live config of this machine (its folder holds what an installed product keeps
// beside it, or the user says so), where paths resolve as the product resolves them and a missing file is an
// error; or a description of another machine (a container, a node) kept in a repository, where a path can be
// checked only when something maps it to a local file: a compose mount of the file's service, the user's
// mappings, or, for a relative path, the file's own folder when the file is there.
import * as path from 'node:path';
import type { Product } from '../../catalog/types';
import type { FileSystem } from '../../core/environment';
import { findComposeFiles } from './composeFiles';
import type { ComposeFile, ComposeMount } from './composeMounts';
import { applyMappings, isUnder, normalizeContainerPath, type PathMapping } from './mappings';

/**
 * What the official images set up. Elasticsearch: `WORKDIR /usr/share/elasticsearch`, the distribution's own
 * `config/` directory holding elasticsearch.yml, jvm.options.d and log4j2.properties (elastic/elasticsearch
 * distribution/docker/src/docker/Dockerfile). Kibana: `WORKDIR /usr/share/kibana` with the settings at
 * `/usr/share/kibana/config/kibana.yml` (elastic/kibana src/dev/build/tasks/os_packages/docker_generator/
 * templates/base/Dockerfile). Elasticsearch resolves a relative path against its config directory; Kibana opens
 * it as given (`readFileSync(file)` in its http ssl_config.ts), so against its working directory.
 */
export const IMAGE_DEFAULTS: Record<Product, { configDir: string; relativeBase: string }> = {
  elasticsearch: { configDir: '/usr/share/elasticsearch/config', relativeBase: '/usr/share/elasticsearch/config' },
  kibana: { configDir: '/usr/share/kibana/config', relativeBase: '/usr/share/kibana' },
};

/**
 * Files an installed product keeps in its config directory (and a repository rarely holds beside a settings
 * file it only describes): Elasticsearch's keystore, JVM options and logging config; Kibana's keystore and
 * Node options.
 */
export const LIVE_MARKERS: Record<Product, readonly string[]> = {
  elasticsearch: ['elasticsearch.keystore', 'jvm.options', 'jvm.options.d', 'log4j2.properties'],
  kibana: ['kibana.keystore', 'node.options'],
};

/** Where one path setting's value lives. */
export type PathLocation =
  /** Template syntax: the real path is only known once the template is rendered. */
  | { kind: 'templated' }
  /** This machine's config: the places the product looks, first is the main one. */
  | { kind: 'live'; localPath: string; candidates: string[]; via: string }
  /**
   * Another machine's path, with the local file that holds it; `inSecret` when that file is a key of a
   * Kubernetes Secret manifest (its `localPath` then names no file on disk: the rules read it from memory).
   */
  | { kind: 'mapped'; localPath: string; containerPath: string; via: string; assumed?: boolean; inSecret?: boolean }
  /**
   * Another machine's path that nothing maps here; `reason` says why when something mounts it from a place the
   * workspace does not hold (a bind mount whose source is absent: made when the stack is set up).
   */
  | { kind: 'unmapped'; containerPath?: string; reason?: string };

/** What the locator needs to know about a settings file and the user's choices. */
export interface LocatorInput {
  product: Product;
  /** Absolute path of the settings file, when it is a file. */
  filePath?: string;
  fs: FileSystem;
  workspaceRoots: readonly string[];
  /** The CLI's `--config-dir`: this file is live, and relative paths resolve against this folder. */
  configDir?: string;
  /** Folders the user declared live config directories (`elasticTls.liveConfigDirs`). */
  liveConfigDirs?: readonly string[];
  /** The user's container-to-local mappings (`elasticTls.pathMappings`, `--map`). */
  pathMappings?: readonly PathMapping[];
  /**
   * The services these settings are known to run in, when the settings are written inside the compose file
   * itself (a service's `environment:`): no compose file is searched, and nothing is local or live.
   */
  services?: readonly ServiceMounts[];
  /** Files that mark a live config folder, instead of the product's own (a Beat's settings file). */
  liveMarkers?: readonly string[];
  /** Kubernetes Secrets mounted into the pod (Helm `secretMounts`): their files are never on this machine. */
  secretMounts?: readonly SecretMountFiles[];
}

/** A Secret mounted at a container path, and its keys when a manifest of it is in the workspace. */
export interface SecretMountFiles {
  secretName: string;
  /** The mount path: a folder of the Secret's keys, or with `subPath` the one file holding that key. */
  path: string;
  subPath?: string;
  /** The manifest found: the file it is written in, and the path the rules read each key's bytes under. */
  secret?: { file: string; keys: ReadonlyMap<string, string> };
}

/** A service mount that makes a container path local, and the service it belongs to. */
export interface ServiceMounts {
  compose: string;
  service: string;
  mounts: ComposeMount[];
  /** Container paths of the service's named and anonymous volumes (see ComposeService.volumes). */
  volumes: readonly string[];
  /** Where the settings file itself is inside the container. */
  fileInContainer: string;
}

/**
 * The mounts of one service of a parsed compose file, for settings its own `environment:` gives the image:
 * they act as if written in the image's settings file (elasticsearch.yml or kibana.yml in its config folder).
 */
export function composeServiceMounts(compose: ComposeFile, service: string, product: Product): ServiceMounts[] {
  const found = compose.services.find((s) => s.name === service);
  const fileInContainer = `${IMAGE_DEFAULTS[product].configDir}/${product}.yml`;
  return found ? [{ compose: compose.path, service: found.name, mounts: found.mounts, volumes: found.volumes, fileInContainer }] : [];
}

/** Template markers that make a path unknowable: `${VAR}`, `{{ }}`, `{% %}`, `%{ }`, `<%= %>`. */
export function isTemplatedPath(value: string): boolean {
  return /\$\{|\{\{|\{%|%\{|<%/.test(value);
}

/** Answers where each path of one settings file lives; one per check (it reads compose files lazily, once). */
export class PathLocator {
  private services?: ServiceMounts[];
  private live?: { dir: string; via: string } | null;

  constructor(private readonly input: LocatorInput) {}

  /** Where `value` (a path setting's value as written) lives. */
  locate(value: string): PathLocation {
    const p = value.trim();
    if (isTemplatedPath(p)) return { kind: 'templated' };
    const live = this.liveDir();
    if (live) return this.liveLocation(p, live);
    return this.remoteLocation(p);
  }

  /** The live config directory of this file and why it is live, or undefined for a file about another machine. */
  liveDir(): { dir: string; via: string } | undefined {
    if (this.live === undefined) this.live = this.findLive() ?? null;
    return this.live ?? undefined;
  }

  /** The compose services that mount this file (or a folder holding it). */
  mountingServices(): readonly ServiceMounts[] {
    this.services ??= this.findServices();
    return this.services;
  }

  private findLive(): { dir: string; via: string } | undefined {
    const { configDir, filePath, product } = this.input;
    if (configDir) return { dir: path.resolve(configDir), via: 'the config directory given' };
    if (!filePath) return undefined;
    const dir = path.dirname(filePath);
    if ((this.input.liveConfigDirs ?? []).some((d) => path.resolve(d) === dir)) return { dir, via: 'elasticTls.liveConfigDirs' };
    // A compose service that mounts this file says it describes a container, whatever sits beside it; so does a
    // copy of a machine's /etc, whose keystore and JVM options were copied along with it.
    if (this.mountingServices().length > 0 || this.copiedRoot() !== undefined) return undefined;
    const marker = (this.input.liveMarkers ?? LIVE_MARKERS[product]).find((name) => this.exists(path.join(dir, name)));
    return marker ? { dir, via: `${marker} beside it` } : undefined;
  }

  private liveLocation(p: string, live: { dir: string; via: string }): PathLocation {
    const via = `live config directory (${live.via})`;
    if (isAbsolutePath(p)) return { kind: 'live', localPath: path.normalize(p), candidates: [path.normalize(p)], via };
    if (this.input.product === 'elasticsearch') {
      const localPath = path.resolve(live.dir, p);
      return { kind: 'live', localPath, candidates: [localPath], via };
    }
    // Kibana resolves against its working directory, usually its home, the parent of `config/`.
    const candidates = [...new Set([path.resolve(live.dir, p), path.resolve(path.dirname(live.dir), p)])];
    return { kind: 'live', localPath: candidates[0], candidates, via };
  }

  /**
   * Where the machine's root is copied when the settings file sits in a copy of a machine's /etc kept in a
   * repository (`<repo>/etc/elasticsearch/elasticsearch.yml`, as backups of a package install and Ansible
   * `files/` folders keep them): the folder above that `etc`. Undefined for the machine's own /etc.
   */
  copiedRoot(): string | undefined {
    const { filePath } = this.input;
    if (!filePath) return undefined;
    const parts = path.resolve(path.dirname(filePath)).split(path.sep);
    const at = parts.lastIndexOf('etc');
    // parts[0] is '' for a POSIX path (or the drive on Windows): an `etc` right below it is the machine's own.
    if (at <= 1) return at === 1 && parts[0] !== '' ? parts[0] + path.sep : undefined;
    return parts.slice(0, at).join(path.sep) || path.sep;
  }

  /** An absolute /etc path of a settings file kept in a copy of a machine's /etc: its copy, when the copy has it. */
  private copiedLocation(p: string): PathLocation | undefined {
    const root = this.copiedRoot();
    const containerPath = isAbsolutePath(p) ? normalizeContainerPath(p) : undefined;
    if (root === undefined || containerPath === undefined || !containerPath.startsWith('/etc/')) return undefined;
    const localPath = path.join(root, ...containerPath.split('/').filter(Boolean));
    const copy = `the repository keeps a copy of the machine's /etc at ${q(path.join(root, 'etc'))}`;
    if (this.exists(localPath)) return { kind: 'mapped', localPath, containerPath, via: copy };
    return { kind: 'unmapped', containerPath, reason: `${copy}, without this file: certificates and keys are often left out of such a copy` };
  }

  private remoteLocation(p: string): PathLocation {
    const copied = this.copiedLocation(p);
    if (copied) return copied;
    const services = this.mountingServices();
    const containerPaths = this.containerPaths(p, services);
    for (const containerPath of containerPaths) {
      const secret = secretLocation(containerPath, this.input.secretMounts ?? []);
      if (secret) return secret;
      const user = applyMappings(containerPath, this.input.pathMappings ?? []);
      if (user) return { kind: 'mapped', localPath: user.localPath, containerPath, via: `${q(user.mapping.containerPath)} is mapped to ${q(user.mapping.localPath)} by ${user.mapping.via}` };
      const mounted = mountFor(containerPath, services);
      if (mounted && !this.exists(mounted.source) && !this.exists(mounted.localPath)) {
        const reason = `${mounted.via}, but the workspace holds no \`${mounted.source}\`: it is made when the stack is set up or kept out of the repository`;
        return { kind: 'unmapped', containerPath, reason };
      }
      if (mounted) return { kind: 'mapped', localPath: mounted.localPath, containerPath, via: mounted.via };
    }
    const beside = this.besideFile(p);
    if (beside) return beside;
    return containerPaths[0] !== undefined ? { kind: 'unmapped', containerPath: containerPaths[0] } : { kind: 'unmapped' };
  }

  /** The container paths a value may mean: itself when absolute, else against each service's base or the image's. */
  private containerPaths(p: string, services: readonly ServiceMounts[]): string[] {
    if (isAbsolutePath(p)) return [normalizeContainerPath(p)];
    const { product } = this.input;
    const bases = product === 'elasticsearch' && services.length > 0
      ? services.map((s) => path.posix.dirname(s.fileInContainer))
      : [IMAGE_DEFAULTS[product].relativeBase];
    return [...new Set(bases.map((b) => path.posix.resolve(b, p.replace(/\\/g, '/'))))];
  }

  /**
   * A relative path found beside the settings file, as if its folder were the config directory: its content
   * can be checked, while its absence says nothing (it may be created on the node).
   */
  private besideFile(p: string): PathLocation | undefined {
    const { filePath, product } = this.input;
    if (!filePath || isAbsolutePath(p)) return undefined;
    const dir = path.dirname(filePath);
    const bases = product === 'elasticsearch' ? [dir] : [dir, path.dirname(dir)];
    for (const base of bases) {
      const localPath = path.resolve(base, p);
      if (this.exists(localPath)) {
        return { kind: 'mapped', localPath, containerPath: localPath, via: `found relative to ${q(base)}`, assumed: true };
      }
    }
    return undefined;
  }

  private findServices(): ServiceMounts[] {
    const { filePath, fs, workspaceRoots } = this.input;
    if (this.input.services) return [...this.input.services];
    if (!filePath) return [];
    const out: ServiceMounts[] = [];
    for (const compose of findComposeFiles(fs, filePath, workspaceRoots)) out.push(...servicesMounting(compose, path.resolve(filePath)));
    return out;
  }

  private exists(p: string): boolean {
    try {
      return this.input.fs.stat(p) !== undefined;
    } catch {
      return false;
    }
  }
}

/**
 * Where a container path under a mounted Secret lives: the key's bytes when the workspace holds the Secret's
 * manifest, else nowhere here (the Secret is made in the cluster, never missing from the repository). The
 * deepest mount wins, as in the pod.
 */
function secretLocation(containerPath: string, mounts: readonly SecretMountFiles[]): PathLocation | undefined {
  const mount = [...mounts].sort((a, b) => b.path.length - a.path.length).find((m) => (m.subPath ? containerPath === m.path : isUnder(containerPath, m.path) && containerPath !== m.path));
  if (!mount) return undefined;
  const rest = containerPath.slice(mount.path.length + 1);
  const key = mount.subPath ?? (rest.includes('/') ? undefined : rest);
  const mounted = `\`secretMounts\` mounts the Kubernetes Secret ${q(mount.secretName)} at ${q(mount.path)}`;
  if (!mount.secret) return { kind: 'unmapped', containerPath, reason: `${mounted}, and no manifest of that Secret is in the workspace` };
  const where = path.basename(mount.secret.file);
  const localPath = key === undefined ? undefined : mount.secret.keys.get(key);
  if (key === undefined || !localPath) {
    return { kind: 'unmapped', containerPath, reason: `${mounted}, and the Secret written in ${q(where)} has no key ${q(key ?? rest)}` };
  }
  return { kind: 'mapped', localPath, containerPath, via: `${mounted}: key ${q(key)} of the Secret written in ${q(where)}`, inSecret: true };
}

/** The services of a compose file that mount `filePath` itself or a folder holding it. */
function servicesMounting(compose: ComposeFile, filePath: string): ServiceMounts[] {
  const out: ServiceMounts[] = [];
  for (const service of compose.services) {
    for (const mount of service.mounts) {
      const rel = path.relative(mount.source, filePath);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const fileInContainer = rel === '' ? mount.target : path.posix.join(mount.target, ...rel.split(path.sep));
      out.push({ compose: compose.path, service: service.name, mounts: service.mounts, volumes: service.volumes, fileInContainer });
      break;
    }
  }
  return out;
}

/**
 * The local file behind a container path through the longest matching mount of the first service that has one.
 * A named volume mounted deeper than that bind mount hides it, as in the container: then nothing is local.
 */
function mountFor(containerPath: string, services: readonly ServiceMounts[]): { localPath: string; source: string; via: string } | undefined {
  for (const s of services) {
    const mappings: PathMapping[] = s.mounts.map((m) => ({ containerPath: m.target, localPath: m.source, via: describeMount(s, m) }));
    const hit = applyMappings(containerPath, mappings);
    if (!hit || !isUnder(containerPath, hit.mapping.containerPath)) continue;
    const hidden = s.volumes.some((v) => isUnder(containerPath, v) && v.length > hit.mapping.containerPath.length);
    return hidden ? undefined : { localPath: hit.localPath, source: hit.mapping.localPath, via: hit.mapping.via };
  }
  return undefined;
}

function describeMount(s: ServiceMounts, m: ComposeMount): string {
  const what = m.kind === 'bind' ? 'mounts' : `mounts the ${m.kind} file`;
  const rel = path.relative(path.dirname(s.compose), m.source) || '.';
  const shown = rel.startsWith('..') || path.isAbsolute(rel) ? m.source : `./${rel.split(path.sep).join('/')}`;
  return `service ${q(s.service)} in ${q(path.basename(s.compose))} ${what} ${q(shown)} at ${q(m.target)}`;
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || path.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p);
}

function q(text: string): string {
  return `\`${text}\``;
}
