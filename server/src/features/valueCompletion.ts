// Value completion: enum values, booleans, and files for path settings (relative to the config dir).
import * as path from 'node:path';
import type { SettingIndex } from '../catalog/lookup';
import type { FileRole, SettingDef } from '../catalog/types';
import type { KeyPathContext } from '../config/keyPath';
import type { OffsetRange } from '../core/finding';
import type { CompletionEntry, DirEntry } from './completionTypes';
import { valueMeaning } from './valueMeanings';

/** What listing files for a path value needs. */
export interface PathCompletionEnv {
  /** Folders relative paths resolve against, in the product's order; empty for an unsaved file. */
  baseDirs?: readonly string[];
  /** Entries of a folder, or undefined when it cannot (or may not) be read. */
  listDir?(absoluteDir: string): DirEntry[] | undefined;
}

const MAX_FILES = 200;

/** File name endings worth offering for each file role; `other` takes any file. */
const extensionsByRole: Partial<Record<FileRole, readonly string[]>> = {
  certificate: ['.crt', '.pem', '.cer'],
  certificateAuthorities: ['.crt', '.pem', '.cer'],
  key: ['.key', '.pem'],
  keystore: ['.p12', '.pfx', '.pkcs12', '.jks'],
  truststore: ['.p12', '.pfx', '.pkcs12', '.jks'],
};

function valueEntry(label: string, range: OffsetRange, def: SettingDef, index: number): CompletionEntry {
  const meaning = valueMeaning(def.key, label);
  return {
    label,
    kind: def.type === 'boolean' ? 'value' : 'enumMember',
    detail: def.default === label ? 'default' : undefined,
    documentation: meaning,
    insertText: label,
    isSnippet: false,
    range,
    sortText: `${def.default === label ? '0' : '1'}${String(index).padStart(3, '0')}`,
  };
}

/** Entries of the folder a typed prefix names, merged over every base folder (first base wins a name). */
function listTyped(typedDir: string, env: PathCompletionEnv): DirEntry[] {
  const bases = path.isAbsolute(typedDir || '.') ? [typedDir] : (env.baseDirs ?? []).map((b) => path.resolve(b, typedDir || '.'));
  const seen = new Map<string, DirEntry>();
  for (const base of bases) {
    for (const entry of env.listDir?.(base) ?? []) if (!seen.has(entry.name)) seen.set(entry.name, entry);
  }
  return [...seen.values()];
}

function pathEntries(def: SettingDef, prefix: string, range: OffsetRange, env: PathCompletionEnv): CompletionEntry[] {
  const slash = Math.max(prefix.lastIndexOf('/'), prefix.lastIndexOf('\\'));
  const typedDir = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const wanted = def.fileRole ? extensionsByRole[def.fileRole] : undefined;
  const out: CompletionEntry[] = [];
  for (const entry of listTyped(typedDir, env)) {
    if (entry.name.startsWith('.')) continue;
    if (!entry.isDirectory && wanted && !wanted.some((ext) => entry.name.toLowerCase().endsWith(ext))) continue;
    const insert = typedDir + entry.name + (entry.isDirectory ? '/' : '');
    out.push({
      label: entry.name + (entry.isDirectory ? '/' : ''),
      kind: entry.isDirectory ? 'folder' : 'file',
      insertText: insert,
      isSnippet: false,
      range,
      filterText: insert,
      sortText: `${entry.isDirectory ? '1' : '0'}${entry.name}`,
      retrigger: entry.isDirectory || undefined,
    });
    if (out.length >= MAX_FILES) break;
  }
  return out;
}

/** Values that fit the setting at a value position; nothing for unknown or free-text settings. */
export function completeValues(ctx: KeyPathContext, catalog: SettingIndex, env: PathCompletionEnv): CompletionEntry[] {
  if (!ctx.key || !ctx.valueRange) return [];
  const def = catalog.lookup(ctx.key)?.def;
  if (!def || def.secure || def.sensitive) return [];
  const range = ctx.valueRange;
  if (def.type === 'boolean') return ['true', 'false'].map((v, i) => valueEntry(v, range, def, i));
  if ((def.type === 'enum' || def.type === 'enumList') && def.values) return def.values.map((v, i) => valueEntry(v, range, def, i));
  if (def.type === 'path' || def.type === 'pathList') return pathEntries(def, ctx.valuePrefix ?? '', range, env);
  return [];
}
