import type { Product } from '../catalog/types';
import type { Finding, OffsetRange } from '../core/finding';

/** A scalar as written: the text YAML resolved and where it stands. */
export interface ScalarValue {
  kind: 'scalar';
  /** The value as a string (YAML's resolved value turned to text; `true`, `9200`, `certs/a.p12`). */
  text: string;
  /** The source text, quotes included. */
  source: string;
  range: OffsetRange;
  quoted: boolean;
  /** Holds `${VAR}` or template syntax, so value rules must not judge it. */
  templated: boolean;
}

/** A YAML sequence (block or flow); each item is a scalar or, rarely, something else. */
export interface ListValue {
  kind: 'list';
  items: ScalarValue[];
  range: OffsetRange;
  /** True when the sequence holds maps or nested lists, which settings never take. */
  hasNonScalarItems: boolean;
}

/** `key:` with nothing after it, or an explicit `null` / `~`. */
export interface NullValue {
  kind: 'null';
  range: OffsetRange;
}

export type SettingValue = ScalarValue | ListValue | NullValue;

/** One leaf setting: the full dotted key, merged from flat and nested forms. */
export interface Setting {
  /** Full dotted key, such as `xpack.security.http.ssl.enabled`. */
  key: string;
  /** Range of the key text that ends this setting (for a nested key, its last YAML key). */
  keyRange: OffsetRange;
  /** The YAML keys that together spell the full key, outermost first, each with its range. */
  keyParts: Array<{ text: string; range: OffsetRange }>;
  value: SettingValue;
  /** Range of the whole `key: value` pair for the innermost YAML key (for removal fixes: whole lines). */
  pairRange: OffsetRange;
  /** Index of the YAML document (files may hold several `---` documents). */
  document: number;
}

/** A parsed settings file. Settings keep source order; duplicates are kept, and reported in `findings`. */
export interface ConfigModel {
  product: Product;
  /** Absolute path of the file, when known; relative setting paths resolve against its folder. */
  filePath?: string;
  text: string;
  settings: Setting[];
  /** First occurrence of each key (later duplicates are in `settings` but not here). */
  byKey: Map<string, Setting>;
  /** Parse errors, duplicate keys, limits hit: findings of the parse itself. */
  findings: Finding[];
}

export interface ParseOptions {
  product: Product;
  filePath?: string;
}
