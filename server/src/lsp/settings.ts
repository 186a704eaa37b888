// The server's view of the user's settings: from initializationOptions first, then workspace/didChangeConfiguration.
import type { Product } from '../catalog/types';
import { settingDefaults } from '../core/settingDefaults';

/** What `elasticTls.*` settings and the workspace trust flag mean to the server. */
export interface ServerSettings {
  expiryWarningDays: number;
  /** Glob pattern to product, beside the built-in `elasticsearch*.yml` / `kibana*.yml`. */
  files: Record<string, Product>;
  /** Milliseconds between a change and the check it triggers; 0 checks on the next tick. */
  validationDelay: number;
  /** False in an untrusted workspace: no reads outside the workspace, no generation. */
  trusted: boolean;
  /** `elasticTls.stackVersion`: the release files are checked against; empty infers it from the workspace. */
  stackVersion: string;
  /** `elasticTls.pathMappings` as written: container path -> local path (`${workspaceFolder}` allowed). */
  pathMappings: Record<string, string>;
  /** `elasticTls.liveConfigDirs` as written: folders whose settings files are this machine's live config. */
  liveConfigDirs: string[];
}

export const defaultSettings: ServerSettings = { ...settingDefaults, files: {}, trusted: true, pathMappings: {}, liveConfigDirs: [] };

const MAX_DELAY_MS = 60_000;

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function nonNegative(v: unknown, max: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(v, max) : undefined;
}

function stringMap(v: unknown): Record<string, string> | undefined {
  const record = asRecord(v);
  if (!record) return undefined;
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function productMap(v: unknown): Record<string, Product> | undefined {
  const record = asRecord(v);
  if (!record) return undefined;
  const out: Record<string, Product> = {};
  for (const [glob, product] of Object.entries(record)) {
    if (product === 'elasticsearch' || product === 'kibana') out[glob] = product;
  }
  return out;
}

/**
 * Merges a settings object into `base`. Accepts both `{ elasticTls: { ... } }` and the inner object, and both
 * `validationDelay` and the dotted `elasticTls.validationDelay` keys; values of the wrong type are ignored.
 */
export function mergeSettings(base: ServerSettings, raw: unknown): ServerSettings {
  const outer = asRecord(raw);
  if (!outer) return base;
  const inner = asRecord(outer.elasticTls) ?? outer;
  const pick = (name: string): unknown => inner[name] ?? outer[`elasticTls.${name}`];
  return {
    expiryWarningDays: nonNegative(pick('expiryWarningDays'), 36_500) ?? base.expiryWarningDays,
    files: productMap(pick('files')) ?? base.files,
    validationDelay: nonNegative(pick('validationDelay'), MAX_DELAY_MS) ?? base.validationDelay,
    trusted: base.trusted,
    stackVersion: typeof pick('stackVersion') === 'string' ? (pick('stackVersion') as string).trim() : base.stackVersion,
    pathMappings: stringMap(pick('pathMappings')) ?? base.pathMappings,
    liveConfigDirs: stringList(pick('liveConfigDirs')) ?? base.liveConfigDirs,
  };
}

/**
 * Settings at start. Trust is read only here, from the client's initializationOptions (`trusted: boolean`), never
 * from workspace configuration, which an untrusted workspace could itself set.
 */
export function initialSettings(initializationOptions: unknown): ServerSettings {
  const options = asRecord(initializationOptions);
  const trusted = typeof options?.trusted === 'boolean' ? options.trusted : defaultSettings.trusted;
  return mergeSettings({ ...defaultSettings, trusted }, options);
}
