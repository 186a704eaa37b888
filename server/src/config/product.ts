import type { Product } from '../catalog/types';
import type { FileSystem } from '../core/environment';
import * as path from 'node:path';
import { findComposeFiles } from './paths/composeFiles';
import { SETTINGS_FILE_PATTERNS } from './settingsFileNames';
import { cannotBeSettings, startsLikeMapping } from './settingsText';

/** Folders of Beats module and input configs, whose files carry the names of the products they read. */
const BEATS_CONFIG_FOLDERS = new Set(['modules.d', 'inputs.d']);

/**
 * Which product reads a settings file, from its name. A user mapping (glob -> product) wins over the
 * built-in `elasticsearch*.yml` / `kibana*.yml` (or `.yaml`) names and their templates (`elasticsearch.yml.j2`,
 * settingsFileNames.ts); undefined when nothing matches. With the file's `text`, a built-in name counts only when
 * the text can be settings (settingsText.ts: not a YAML list nor a vault; a loose template name such as
 * `elasticsearch-config.j2` must start with a `key:`); without it, a loose name does not count.
 * Globs support `**`, `*`, `?` and `{a,b}`; a glob without `/` matches the file's base name.
 */
export function detectProduct(fileName: string, mapping?: Record<string, Product>, text?: string): Product | undefined {
  const mapped = mappedProduct(fileName, mapping);
  if (mapped) return mapped;
  const hit = namedPattern(fileName);
  if (!hit) return undefined;
  const [, product, loose] = hit;
  if (text === undefined) return loose ? undefined : product;
  return (loose ? startsLikeMapping(text) : !cannotBeSettings(text)) ? product : undefined;
}

/** True when a file's name says it may be a settings file or a template of one (its text decides the rest). */
export function namedLikeSettings(fileName: string): boolean {
  return namedPattern(fileName) !== undefined;
}

function namedPattern(fileName: string): (typeof SETTINGS_FILE_PATTERNS)[number] | undefined {
  const parts = fileName.replace(/\\/g, '/').split('/');
  // Beats read a module's or an input's settings from these folders (`filebeat.config.modules.path:
  // ${path.config}/modules.d/*.yml`): `modules.d/elasticsearch.yml` configures the module that reads Elasticsearch.
  if (BEATS_CONFIG_FOLDERS.has(parts[parts.length - 2] ?? '')) return undefined;
  const base = parts[parts.length - 1];
  return SETTINGS_FILE_PATTERNS.find(([re]) => re.test(base));
}

/**
 * Which product reads a settings file on disk: the user's mapping; else by its name (`detectProduct`, with its
 * `text` when known), or by where a compose file in its folder or above, up to the root that holds it, mounts it
 * (`es01.yml` mounted as a node's elasticsearch.yml) when its text can be settings.
 */
export function settingsProductOf(filePath: string, fs: FileSystem, roots: readonly string[], mapping?: Record<string, Product>, text?: string): Product | undefined {
  const named = detectProduct(filePath, mapping, text);
  if (named || namedLikeSettings(filePath) || (text !== undefined && cannotBeSettings(text))) return named;
  return mountedProduct(fs, filePath, roots);
}

/**
 * The product that runs a file as its settings file because a compose file in the file's folder or above
 * bind-mounts it there: `./etc/es/es01.yml:/usr/share/elasticsearch/config/elasticsearch.yml` makes es01.yml an
 * elasticsearch.yml (the way one compose project gives each node its own settings). The name of the place it is
 * mounted at decides, as a file's own name does; undefined when no compose file mounts it so.
 */
function mountedProduct(fs: FileSystem, filePath: string, roots: readonly string[]): Product | undefined {
  const file = path.resolve(filePath);
  for (const compose of findComposeFiles(fs, file, roots)) {
    for (const service of compose.services) {
      for (const mount of service.mounts) {
        const product = mount.kind !== 'secret' && mount.source === file ? detectProduct(mount.target) : undefined;
        if (product) return product;
      }
    }
  }
  return undefined;
}

/** The product a user mapping (glob -> product) gives a file, ignoring the built-in names. */
export function mappedProduct(fileName: string, mapping?: Record<string, Product>): Product | undefined {
  const path = fileName.replace(/\\/g, '/');
  const base = path.slice(path.lastIndexOf('/') + 1);
  for (const [glob, product] of Object.entries(mapping ?? {})) {
    if (product !== 'elasticsearch' && product !== 'kibana') continue;
    const target = glob.includes('/') ? path : base;
    if (globToRegExp(glob).test(target)) return product;
  }
  return undefined;
}

/** Turns a glob into an anchored regular expression; a relative glob with `/` may match at any folder. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') { re += '(?:'; inBraces = true; }
    else if (c === '}' && inBraces) { re += ')'; inBraces = false; }
    else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const anchored = glob.startsWith('/') || glob.startsWith('**') || !glob.includes('/') ? '^' : '(?:^|/)';
  return new RegExp(`${anchored}${re}$`, 'i');
}
