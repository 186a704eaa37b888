// How Elasticsearch and Kibana read scalar values. Each check returns an error sentence, or undefined.

// Elasticsearch lower-cases time values except `M`, which would mean months, never minutes.
const ES_TIME = /^(?:-0*1|0+|-?\d+\s*(?:nanos|micros|ms|s|h|d)|-?\d+\s*m)$/i;
const ES_SIZE = /^(?:-1|0|-?\d+\s*b|-?\d+(?:\.\d+)?\s*(?:k|kb|m|mb|g|gb|t|tb|p|pb))$/i;
const KIBANA_DURATION = /^(?:\d+|\d+(?:ms|s|m|h|d|w|M|Y))$/;

/** Elasticsearch time values: an integer with a unit (`30s`, `5m`), or `-1` / `0`. */
export function checkTime(text: string): string | undefined {
  const t = text.trim();
  if (/^-?\d+\s*M$/.test(t)) return 'expects a time value; `M` is not a unit here (minutes are `m`)';
  if (/^-?\d*\.\d+\s*[a-z]+$/i.test(t)) return 'expects a whole number of time units; fractional time values are not supported (use `90m` for `1.5h`)';
  return ES_TIME.test(t) ? undefined : 'expects a time value such as `30s`, `5m`, `1h` or `-1` (units: d, h, m, s, ms, micros, nanos)';
}

/** Elasticsearch byte sizes (`10mb`, `1gb`), or `-1` / `0`. */
export function checkSize(text: string): string | undefined {
  return ES_SIZE.test(text.trim()) ? undefined : 'expects a byte size such as `512kb`, `10mb` or `1gb` (units: b, kb, mb, gb, tb, pb)';
}

/** Kibana durations: milliseconds as a number, or a number with a unit (`30s`, `5m`, `1d`). */
export function checkDuration(text: string): string | undefined {
  return KIBANA_DURATION.test(text.trim()) ? undefined : 'expects a duration such as `30s`, `5m` or a number of milliseconds (units: ms, s, m, h, d, w, M, Y)';
}

/** Integers and numbers within optional inclusive bounds. */
export function checkNumber(text: string, integer: boolean, min?: number, max?: number): string | undefined {
  const pattern = integer ? /^[-+]?\d+$/ : /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
  if (!pattern.test(text.trim())) return integer ? 'expects a whole number' : 'expects a number';
  const n = Number(text);
  if (min !== undefined && n < min) return `expects a number of at least ${min}`;
  if (max !== undefined && n > max) return `expects a number of at most ${max}`;
  return undefined;
}

/** URLs with a scheme and a host. */
export function checkUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    return url.host ? undefined : 'expects a URL with a host, such as `https://localhost:9200`';
  } catch {
    return 'expects a URL such as `https://localhost:9200`';
  }
}

/**
 * Plain YAML scalars Elasticsearch's YAML reader resolves as booleans. It reads elasticsearch.yml with Jackson's
 * YAMLParser over SnakeYAML, whose YAML 1.1 resolver tags these words `bool` (snakeyaml Resolver.BOOL); the parser
 * turns them into a boolean token and Settings.fromXContent stores `"true"`/`"false"`
 * (elastic/elasticsearch server/src/main/java/org/elasticsearch/common/settings/Settings.java, VALUE_BOOLEAN branch;
 * FasterXML/jackson-dataformats-text yaml/.../YAMLParser.java `_decodeScalar` and `_matchYAMLBoolean`).
 */
const YAML11_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

/**
 * Booleans. Elasticsearch: a plain YAML 1.1 boolean word passes (it becomes `true`/`false` while loading);
 * anything else reaches `Booleans.parseBoolean`, which takes exactly `true` or `false` (so a quoted `"yes"` or
 * `"True"` is refused). Kibana's schema takes `true`/`false` in any case.
 */
export function checkBoolean(text: string, strict: boolean, plain = false): string | undefined {
  if (strict && plain && YAML11_BOOLEAN.test(text)) return undefined;
  const ok = strict ? text === 'true' || text === 'false' : /^(?:true|false)$/i.test(text);
  return ok ? undefined : 'expects `true` or `false`';
}

/** The boolean a user probably meant, for a fix. */
export function nearestBoolean(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (['true', 'yes', 'on', 'y', '1', 'enabled'].includes(t)) return 'true';
  if (['false', 'no', 'off', 'n', '0', 'disabled'].includes(t)) return 'false';
  return undefined;
}
