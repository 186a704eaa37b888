/** A stack version a check assumes, and where it came from (shown in messages and hovers). */
export interface StackVersion {
  /** As written or inferred: `8.11.0`, `7.x`, `9.x`. */
  version: string;
  /** Where it came from: `the setting elasticTls.stackVersion`, `image: in docker-compose.yml`, ... */
  source: string;
  /** True when nothing named a version and the current release is assumed. */
  assumed?: boolean;
  /** True when found in deployment files around the file: a version the host file states itself comes first. */
  inferred?: boolean;
}

/** The release assumed when nothing names one: the current 9.x line. */
export const CURRENT_STACK_VERSION: StackVersion = {
  version: '9.x',
  source: 'no stack version found; set elasticTls.stackVersion or --stack-version',
  assumed: true,
};

/** A literal stack version (`8`, `7.17`, `8.11.0`, `8.x`, `8.16.0-SNAPSHOT`), or undefined for anything else. */
export function parseStackVersion(text: string): number[] | undefined {
  const m = /^v?(\d{1,2})(?:\.(\d{1,3}|x))?(?:\.(\d{1,3}|x))?(?:-[0-9A-Za-z.]+)?$/.exec(text.trim());
  if (!m) return undefined;
  const part = (s: string | undefined) => (s === undefined || s === 'x' ? 0 : Number(s));
  return [Number(m[1]), part(m[2]), part(m[3])];
}

/** True when `version` is the same release as `since` or later; an unknown minor (`8.x`) counts as `.0`. */
export function atLeast(version: StackVersion, since: string): boolean {
  const v = parseStackVersion(version.version);
  const s = parseStackVersion(since);
  if (!v || !s) return true;
  for (let i = 0; i < 3; i++) if (v[i] !== s[i]) return v[i] > s[i];
  return true;
}

/** `Kibana 8.11.0 (from image: in docker-compose.yml)`: the words a message uses to say what it assumed. */
export function describeVersion(product: string, version: StackVersion): string {
  return `${product} ${version.version} (${version.assumed ? 'assumed: ' : 'from '}${version.source})`;
}

/** A version the user configured (setting or CLI flag), or undefined when it is empty or not a version. */
export function configuredStackVersion(text: string | undefined, source: string): StackVersion | undefined {
  return text && parseStackVersion(text) ? { version: text.trim(), source } : undefined;
}
