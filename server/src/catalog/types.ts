/** Which product reads a settings file. */
export type Product = 'elasticsearch' | 'kibana';

/** The product's name as its documentation writes it, for messages. */
export function productName(product: Product): string {
  return product === 'kibana' ? 'Kibana' : 'Elasticsearch';
}

/**
 * The shape of a setting's value.
 * - `list`/`enumList`/`pathList`/`urlList` accept a YAML sequence or (Elasticsearch) a comma-separated string.
 * - `time` is an Elasticsearch time value such as `30s` or `5m`; Kibana durations use `duration`.
 * - `size` is a byte size such as `10mb`.
 */
export type ValueType =
  | 'boolean'
  | 'string'
  | 'enum'
  | 'enumList'
  | 'list'
  | 'integer'
  | 'number'
  | 'time'
  | 'duration'
  | 'size'
  | 'path'
  | 'pathList'
  | 'url'
  | 'urlList'
  | 'object';

/** What a path setting points at, so file rules know how to read it. */
export type FileRole =
  | 'certificate' // PEM certificate (chain) presented by this side
  | 'key' // PEM private key
  | 'certificateAuthorities' // PEM CA certificates this side trusts
  | 'keystore' // PKCS#12 / JKS holding a key and its certificate
  | 'truststore' // PKCS#12 / JKS holding trusted certificates
  | 'other'; // any other file that must exist (role mappings, keytab, metadata ...)

/** A version boundary with the setting to use instead. */
export interface Lifecycle {
  /** Version in which the change happened, such as `7.17.0` or `8.0.0`. */
  since: string;
  /** The key to use instead, if there is one (full key, placeholders allowed). */
  replacement?: string;
  /** One short sentence on what to do. */
  note?: string;
}

/**
 * One catalog entry. `key` is a full dotted key; a segment written `<name>` matches any one segment
 * (a realm name, an exporter name, a profile name ...).
 */
export interface SettingDef {
  key: string;
  product: Product;
  type: ValueType;
  /** Allowed values for enum and enumList types (case as Elastic documents them). */
  values?: readonly string[];
  /** True when the product compares `values` without regard to case (`PKCS12` and `pkcs12` are both accepted). */
  caseInsensitive?: boolean;
  /** Documented default, as text. */
  default?: string;
  /** A secure setting: Elasticsearch accepts it only from the keystore, never from elasticsearch.yml. */
  secure?: boolean;
  deprecated?: Lifecycle;
  removed?: Lifecycle;
  /** Short description in the project's own words. */
  description: string;
  /** Doc page that documents the setting. */
  docs: string;
  /** For path settings: what the file holds. */
  fileRole?: FileRole;
  /** True for settings that hold a password or key in plain text (legacy or Kibana), so hovers never echo them. */
  sensitive?: boolean;
  /**
   * Read only by Kibana on Elastic Cloud Serverless (`offeringBasedSchema({ serverless })`): self-managed Kibana's
   * schema is `never` there, so it refuses to start when the key is set.
   */
  serverlessOnly?: boolean;
  /** Inclusive bounds for numbers. */
  min?: number;
  max?: number;
  /** Minimum length of a string value, or of each item of a list (Kibana encryption keys need 32 characters). */
  minLength?: number;
  /** A length the docs ask for but the product does not enforce (so a shorter value runs, only weaker). */
  advisedMinLength?: number;
}

/** A catalog hit: the definition and the values the `<name>` segments took. */
export interface SettingMatch {
  def: SettingDef;
  /** The key as the user wrote it (normalised to dotted form). */
  key: string;
  /** Placeholder name (without angle brackets) to the segment the user wrote. */
  params: Record<string, string>;
}
