import type { Product } from '../catalog/types';
import type { FileSystem } from '../core/environment';
import { mountedSettingsProduct } from './paths/composeFiles';
import { SETTINGS_FILE_PATTERNS } from './settingsFileNames';

/**
 * Which product reads a settings file, from its name. A user mapping (glob -> product) wins over the
 * built-in `elasticsearch*.yml` / `kibana*.yml` (or `.yaml`) names and their templates (`elasticsearch.yml.j2`,
 * settingsFileNames.ts); undefined when nothing matches.
 * Globs support `**`, `*`, `?` and `{a,b}`; a glob without `/` matches the file's base name.
 */
export function detectProduct(fileName: string, mapping?: Record<string, Product>): Product | undefined {
  const base = fileName.replace(/\\/g, '/').slice(fileName.replace(/\\/g, '/').lastIndexOf('/') + 1);
  return mappedProduct(fileName, mapping) ?? SETTINGS_FILE_PATTERNS.find(([re]) => re.test(base))?.[1];
}

/**
 * Which product reads a settings file on disk: by its name (`detectProduct`), else by where a compose file in its
 * folder or above, up to the root that holds it, mounts it (`es01.yml` mounted as a node's elasticsearch.yml).
 */
export function settingsProductOf(filePath: string, fs: FileSystem, roots: readonly string[], mapping?: Record<string, Product>): Product | undefined {
  return detectProduct(filePath, mapping) ?? mountedSettingsProduct(fs, filePath, roots);
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
