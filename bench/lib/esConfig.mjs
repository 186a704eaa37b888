// Realistic elasticsearch.yml files of a chosen length, built from the catalog: flat keys and nested blocks,
// comments, certificate paths that exist, and a fixed handful of mistakes.
import { catalogFor } from '../../server/src/catalog/index.ts';

const usable = (d) => !d.secure && !d.removed && !d.deprecated && d.type !== 'object' && !d.sensitive;

/** A default the catalog gives as a plain value of the right type, else undefined. */
function plainDefault(def) {
  const d = def.default;
  if (d === undefined) return undefined;
  if (def.type === 'boolean') return d === 'true' || d === 'false' ? d : undefined;
  if (def.type === 'integer' || def.type === 'number') return /^-?\d+(\.\d+)?$/.test(d) ? d : undefined;
  if (def.type === 'time') return /^\d+(ms|s|m|h|d)$/.test(d) ? d : undefined;
  if (def.type === 'size') return /^\d+(b|kb|mb|gb)$/.test(d) ? d : undefined;
  if (def.type === 'enum') return def.values?.includes(d) ? d : undefined;
  if (def.type === 'string') return /^[A-Za-z0-9_.-]+$/.test(d) ? d : undefined;
  return undefined;
}

function fileFor(def, certs) {
  switch (def.fileRole) {
    case 'certificate': return `${certs}/node.crt`;
    case 'key': return `${certs}/node.key`;
    case 'certificateAuthorities': return `${certs}/ca.crt`;
    case 'keystore': return `${certs}/node.p12`;
    case 'truststore': return `${certs}/ca.p12`;
    default: return `${certs}/ca.crt`;
  }
}

/** A valid YAML value text for a setting. */
function valueFor(def, certs, counter) {
  const plain = plainDefault(def);
  if (plain !== undefined) return plain;
  switch (def.type) {
    case 'boolean': return 'true';
    case 'integer': case 'number': return String(def.min !== undefined && def.min > 0 ? def.min : Math.min(def.max ?? 10, 10));
    case 'time': return '30s';
    case 'size': return '10mb';
    case 'enum': return def.values[0];
    case 'enumList': return `[ ${def.values[0]} ]`;
    case 'list': return '[ "alpha", "beta" ]';
    case 'path': return fileFor(def, certs);
    case 'pathList': return `[ "${certs}/ca.crt" ]`;
    case 'url': return 'https://es01.example.com:9200';
    case 'urlList': return '[ "https://es01.example.com:9200" ]';
    default: return def.minLength ? `"${'v'.repeat(def.minLength)}${counter}"` : `value${counter}`;
  }
}

/** SSL context prefix (up to `.ssl.`) of a key, if it has one. */
const sslContext = (key) => (key.includes('.ssl.') ? key.slice(0, key.indexOf('.ssl.') + 5) : undefined);
const storeKey = (key) => /\.ssl\.(keystore|truststore)\./.test(key);
const pemKey = (key) => /\.ssl\.(certificate|key|certificate_authorities)$/.test(key);

/** Keeps each SSL context to one style (stores or PEM files), as a working configuration does. */
function oneStylePerContext(defs) {
  const styles = new Map();
  return defs.filter((d) => {
    const ctx = sslContext(d.key);
    if (!ctx || (!storeKey(d.key) && !pemKey(d.key))) return true;
    if (!styles.has(ctx)) styles.set(ctx, styles.size % 2 === 0 ? 'pem' : 'store');
    return styles.get(ctx) === 'pem' ? pemKey(d.key) : storeKey(d.key);
  });
}

/** Placeholder families: keys sharing the pattern up to their first `<name>`, filled in with one name each time. */
function families(defs) {
  const out = new Map();
  for (const d of defs) {
    const segs = d.key.split('.');
    const at = segs.findIndex((s) => s.startsWith('<'));
    const fam = segs.slice(0, at + 1).join('.');
    if (!out.has(fam)) out.set(fam, []);
    out.get(fam).push(d);
  }
  return [...out.values()];
}

const fill = (key, n) => key.replace(/<([a-z_]+)>/g, (_, name) => `${name.replace(/_/g, '')}${n}`);

/** Keys the mistakes use; left out of the regular entries so each mistake is exactly one finding's worth. */
const MISTAKE_KEYS = new Set(['xpack.security.http.ssl.client_authentication', 'xpack.security.audit.enabled']);

/** Unique { key, value, type } entries, as many as asked, in catalog order. */
function entries(count, certs) {
  const defs = oneStylePerContext(catalogFor('elasticsearch').defs.filter(usable)).filter((d) => !MISTAKE_KEYS.has(d.key));
  const out = [];
  let counter = 0;
  const push = (key, def) => out.push({ key, type: def.type, value: key.endsWith('.order') ? String(counter++) : valueFor(def, certs, counter++) });
  for (const d of defs.filter((x) => !x.key.includes('<'))) if (out.length < count) push(d.key, d);
  const fams = families(defs.filter((x) => x.key.includes('<')));
  for (let n = 1; out.length < count; n++) {
    for (const fam of fams) for (const d of fam) if (out.length < count) push(fill(d.key, n), d);
  }
  return out;
}

function tree(list) {
  const root = new Map();
  const flat = [];
  for (const e of list) {
    const segs = e.key.split('.');
    let node = root;
    let ok = true;
    for (const s of segs.slice(0, -1)) {
      const next = node.get(s) ?? new Map();
      if (!(next instanceof Map)) { ok = false; break; }
      node.set(s, next);
      node = next;
    }
    const last = segs[segs.length - 1];
    if (ok && !node.has(last)) node.set(last, e);
    else flat.push(e);
  }
  return { root, flat };
}

function renderTree(node, indent, lines, marks) {
  for (const [k, v] of node) {
    if (v instanceof Map) {
      lines.push(`${'  '.repeat(indent)}${k}:`);
      renderTree(v, indent + 1, lines, marks);
    } else {
      if (v.type === 'string' && !v.value.startsWith('"')) marks.push(lines.length);
      lines.push(`${'  '.repeat(indent)}${k}: ${v.value}`);
    }
  }
}

const MISTAKES = [
  '# Mistakes on purpose:',
  'xpack.security.transport.ssl.verfication_mode: certificate',
  'xpack.security.http.ssl.client_authentication: sometimes',
  'xpack.security.audit.enabled: yes',
  'xpack.security.http.ssl.keystore.secure_password: changeme',
  'xpack.security.authc.realms.native.native1.ordr: 1',
];

/**
 * An elasticsearch.yml of about `lines` lines. Returns the text and `editLines`: line numbers of plain string
 * values, where the edit benches type.
 */
export function makeElasticsearchYml(lines, certs = 'certs') {
  // About 1.25 lines per entry once comments, blank lines and nested parents are counted; then correct.
  let count = Math.round(lines / 1.25);
  let best;
  for (let i = 0; i < 8; i++) {
    const out = render(entries(count, certs));
    const n = out.text.split('\n').length;
    if (!best || Math.abs(n - lines) < Math.abs(best.n - lines)) best = { n, out };
    if (Math.abs(n - lines) <= lines * 0.02) break;
    count = Math.max(1, Math.round(count * (lines / n)));
  }
  return best.out;
}

function render(list) {
  const lines = ['# Elasticsearch node settings (generated for benchmarks).', 'cluster.name: bench', ''];
  const marks = [];
  const chunks = [];
  for (let i = 0; i < list.length; i += 12) chunks.push(list.slice(i, i + 12));
  // Every fourth chunk goes into one nested block per top-level name; the rest stay flat.
  const nested = new Map();
  chunks.forEach((chunk, i) => {
    if (i % 4 !== 1) return;
    for (const e of chunk) {
      const top = e.key.split('.')[0];
      if (!nested.has(top)) nested.set(top, []);
      nested.get(top).push(e);
    }
  });
  const flatKeys = new Set();
  chunks.forEach((chunk, i) => {
    if (i % 4 === 1) return;
    lines.push(`# ${chunk[0].key.split('.').slice(0, 3).join('.')} settings`);
    for (const e of chunk) {
      if (e.key === 'cluster.name') continue;
      if (e.type === 'string' && !e.value.startsWith('"')) marks.push(lines.length);
      lines.push(`${e.key}: ${e.value}`);
      flatKeys.add(e.key);
    }
    lines.push('');
  });
  for (const [top, list2] of nested) {
    const { root, flat } = tree(list2.filter((e) => e.key !== 'cluster.name'));
    lines.push(`# ${top} settings, nested`);
    renderTree(root, 0, lines, marks);
    for (const e of flat) lines.push(`${e.key}: ${e.value}`);
    lines.push('');
  }
  lines.push(...MISTAKES, '');
  return { text: lines.join('\n'), editLines: marks };
}
