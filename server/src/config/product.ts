import type { Product } from '../catalog/types';
import type { FileSystem } from '../core/environment';
import { mountedSettingsProduct } from './paths/composeFiles';
import { SETTINGS_FILE_PATTERNS } from './settingsFileNames';

/** Folders of Beats module and input configs, whose files carry the names of the products they read. */
const BEATS_CONFIG_FOLDERS = new Set(['modules.d', 'inputs.d']);

/**
 * Which product reads a settings file, from its name. A user mapping (glob -> product) wins over the
 * built-in `elasticsearch*.yml` / `kibana*.yml` (or `.yaml`) names and their templates (`elasticsearch.yml.j2`,
 * settingsFileNames.ts); undefined when nothing matches.
 * Globs support `**`, `*`, `?` and `{a,b}`; a glob without `/` matches the file's base name.
 */
export function detectProduct(fileName: string, mapping?: Record<string, Product>): Product | undefined {
  const parts = fileName.replace(/\\/g, '/').split('/');
  const base = parts[parts.length - 1];
  // Beats read a module's or an input's settings from these folders (`filebeat.config.modules.path:
  // ${path.config}/modules.d/*.yml`): `modules.d/elasticsearch.yml` configures the module that reads Elasticsearch.
  if (BEATS_CONFIG_FOLDERS.has(parts[parts.length - 2] ?? '')) return mappedProduct(fileName, mapping);
  return mappedProduct(fileName, mapping) ?? SETTINGS_FILE_PATTERNS.find(([re]) => re.test(base))?.[1];
}

/**
 * True when a text is a YAML list at its top level (its first line of content starts with `- `): an Ansible task
 * file or playbook named `elasticsearch.yml`, a Beats module config. Neither product reads a list as its settings,
 * and no typo turns a settings file into one, so such a file is not taken for a settings file by its name.
 */
export function isYamlList(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === '---' || line.startsWith('%')) continue;
    return line === '-' || line.startsWith('- ');
  }
  return false;
}

/**
 * Which product reads a settings file on disk: the user's mapping; else, unless its `text` is a YAML list, by its
 * name (`detectProduct`), or by where a compose file in its folder or above, up to the root that holds it, mounts
 * it (`es01.yml` mounted as a node's elasticsearch.yml).
 */
export function settingsProductOf(filePath: string, fs: FileSystem, roots: readonly string[], mapping?: Record<string, Product>, text?: string): Product | undefined {
  const mapped = mappedProduct(filePath, mapping);
  if (mapped) return mapped;
  if (text !== undefined && isYamlList(text)) return undefined;
  return detectProduct(filePath) ?? mountedSettingsProduct(fs, filePath, roots);
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
