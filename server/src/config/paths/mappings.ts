// The user's own answers to "where is this path on my machine": `elasticTls.pathMappings` in VS Code and the
// repeatable `--map CONTAINER_PATH=LOCAL_PATH` of the CLI, and the folders they declare to be live config
// directories (`elasticTls.liveConfigDirs`, `--config-dir`).
import * as path from 'node:path';

/** A container (or node) path prefix and the local folder or file that holds its contents. */
export interface PathMapping {
  /** Absolute path on the other machine, such as `/usr/share/elasticsearch/config`. */
  containerPath: string;
  /** Absolute local path. */
  localPath: string;
  /** Where the mapping came from, for messages (`elasticTls.pathMappings`, `--map`). */
  via: string;
}

/**
 * Replaces `${workspaceFolder}` (the first root) and `${workspaceFolder:NAME}` (the root whose folder is NAME)
 * and makes a relative result absolute against the first root. Undefined when a variable cannot be resolved.
 */
export function resolveUserPath(text: string, roots: readonly string[]): string | undefined {
  let unresolved = false;
  const replaced = text.trim().replace(/\$\{workspaceFolder(?::([^}]+))?\}/g, (_whole, name: string | undefined) => {
    const root = name === undefined ? roots[0] : roots.find((r) => path.basename(r) === name);
    if (root === undefined) unresolved = true;
    return root ?? '';
  });
  if (unresolved || replaced === '' || replaced.includes('${')) return undefined;
  if (path.isAbsolute(replaced)) return path.normalize(replaced);
  return roots[0] ? path.resolve(roots[0], replaced) : undefined;
}

/** Mappings from a `{ containerPath: localPath }` object; entries of the wrong shape are skipped. */
export function mappingsFromSetting(raw: unknown, roots: readonly string[], via = 'elasticTls.pathMappings'): PathMapping[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const out: PathMapping[] = [];
  for (const [container, local] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof local !== 'string' || !isContainerPath(container)) continue;
    const localPath = resolveUserPath(local, roots);
    if (localPath) out.push({ containerPath: normalizeContainerPath(container), localPath, via });
  }
  return out;
}

/** One `--map CONTAINER_PATH=LOCAL_PATH` argument (the local side relative to `cwd`), or why it is wrong. */
export function parseMapArgument(text: string, cwd: string): PathMapping | string {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) return `--map takes CONTAINER_PATH=LOCAL_PATH, not '${text}'`;
  const container = text.slice(0, at).trim();
  if (!isContainerPath(container)) return `--map: '${container}' is not an absolute path`;
  return { containerPath: normalizeContainerPath(container), localPath: path.resolve(cwd, text.slice(at + 1).trim()), via: '--map' };
}

/** Folders from a list setting (`elasticTls.liveConfigDirs`); other entries are skipped. */
export function foldersFromSetting(raw: unknown, roots: readonly string[]): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((v) => (typeof v === 'string' ? resolveUserPath(v, roots) : undefined)).filter((v): v is string => v !== undefined);
}

function isContainerPath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

/** Container paths compare as POSIX paths without a trailing slash. */
export function normalizeContainerPath(p: string): string {
  if (/^[A-Za-z]:[\\/]/.test(p)) return path.win32.normalize(p).replace(/[\\/]$/, '');
  return path.posix.normalize(p).replace(/\/$/, '') || '/';
}

/** The local path for `containerPath` under the longest mapping that holds it, with that mapping. */
export function applyMappings(containerPath: string, mappings: readonly PathMapping[]): { localPath: string; mapping: PathMapping } | undefined {
  let best: PathMapping | undefined;
  for (const m of mappings) {
    if (!isUnder(containerPath, m.containerPath)) continue;
    if (!best || m.containerPath.length > best.containerPath.length) best = m;
  }
  if (!best) return undefined;
  const rest = containerPath.slice(best.containerPath.length).replace(/^[\\/]+/, '');
  return { localPath: rest ? path.join(best.localPath, ...rest.split(/[\\/]/)) : best.localPath, mapping: best };
}

/** True when `p` is `prefix` or lies below it (container paths, `/` separated). */
export function isUnder(p: string, prefix: string): boolean {
  if (prefix === '/') return p.startsWith('/');
  return p === prefix || p.startsWith(`${prefix}/`) || p.startsWith(`${prefix}\\`);
}
