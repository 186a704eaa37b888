import type { ConfigModel, ScalarValue, Setting } from '../../config/types';

/** The settings of one SSL context (`xpack.security.http.ssl.`, `server.ssl.` ...), by what follows the prefix. */
export interface SslContext {
  /** The context's prefix, ending in `ssl.`. */
  prefix: string;
  /** Suffix (`certificate`, `keystore.path` ...) to the first setting with that key. */
  settings: Map<string, Setting>;
}

/** Groups the file's settings into SSL contexts: a key with an `ssl` segment belongs to the prefix up to it. */
export function sslContexts(model: ConfigModel): SslContext[] {
  const byPrefix = new Map<string, SslContext>();
  for (const [key, setting] of model.byKey) {
    // The first `ssl` segment that has something after it, found without splitting (this runs for every key).
    const at = key.startsWith('ssl.') ? 0 : key.indexOf('.ssl.') + 1;
    if (at === 0 && !key.startsWith('ssl.')) continue;
    const prefix = key.slice(0, at + 4);
    let ctx = byPrefix.get(prefix);
    if (!ctx) byPrefix.set(prefix, (ctx = { prefix, settings: new Map() }));
    ctx.settings.set(key.slice(at + 4), setting);
  }
  return [...byPrefix.values()];
}

/** The scalar of a setting, unless it is templated, null or a list. */
export function plainScalar(setting: Setting | undefined): ScalarValue | undefined {
  const v = setting?.value;
  return v && v.kind === 'scalar' && !v.templated ? v : undefined;
}

/** True when a setting is present with a value that reads as boolean true. */
export function isTrue(setting: Setting | undefined): boolean {
  const v = plainScalar(setting);
  return v !== undefined && (v.text.toLowerCase() === 'true' || (!v.quoted && /^(?:yes|Yes|YES|on|On|ON)$/.test(v.text)));
}

/** True when a setting is present with a value that reads as boolean false. */
export function isFalse(setting: Setting | undefined): boolean {
  const v = plainScalar(setting);
  // Plain `no`/`off` are YAML 1.1 booleans, which Elasticsearch's YAML reader resolves (see valueFormats.ts).
  return v !== undefined && (v.text.toLowerCase() === 'false' || (!v.quoted && /^(?:no|No|NO|off|Off|OFF)$/.test(v.text)));
}

/** The scalar items of a value: list items, or (Elasticsearch style) a comma-separated string split up. */
export function valueItems(setting: Setting | undefined, splitCommas: boolean): ScalarValue[] {
  const v = setting?.value;
  if (!v) return [];
  if (v.kind === 'list') return v.items.filter((i) => !i.templated);
  if (v.kind !== 'scalar' || v.templated) return [];
  if (!splitCommas || !v.text.includes(',') || v.text !== stripQuotes(v.source)) return [v];
  return splitScalar(v);
}

function stripQuotes(source: string): string {
  return /^["']/.test(source) ? source.slice(1, -1) : source;
}

/** Splits `a, b,c` into scalars with their own ranges. */
function splitScalar(v: ScalarValue): ScalarValue[] {
  const out: ScalarValue[] = [];
  const base = v.range.start + (v.quoted ? 1 : 0);
  let pos = 0;
  for (const part of v.text.split(',')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text !== '') {
      const start = base + pos + lead;
      out.push({ kind: 'scalar', text, source: text, range: { start, end: start + text.length }, quoted: false, templated: false });
    }
    pos += part.length + 1;
  }
  return out;
}
