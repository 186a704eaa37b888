// YAML settings-file mutators: deep nesting, alias bombs, huge scalars, tabs, odd Unicode, invalid UTF-8,
// template syntax, duplicate keys, and known setting keys with tricky values.
import { clip, concat, mutateBytes } from './bytes';
import type { Prng } from './prng';

const enc = new TextEncoder();
const dec = new TextDecoder();

const TOKENS = [
  ': ', ':', '- ', '? ', '&a ', '*a', '&b ', '*b', '<<: *a\n', '!!binary ', '!!str ', '!!map ', '!<tag:yaml.org,2002:str> ', '!x ',
  '|\n  ', '>-\n  ', '"', "'", '#', '\n---\n', '\n...\n', '%YAML 1.2\n---\n', '%TAG ! tag:x,2000:\n', '\\', '{', '}', '[', ']', ',',
  '\n', '\r', '\r\n', '  ', '\t', '~', 'null', '[]', '{}', '""', '0x', '.inf', '-.nan', '1e999', '0o17',
];
const UNICODE = [
  '\ufeff', '\u2028', '\u2029', '\u0085', '\u200b', '\u200d', '\u202e', '\u0301', '\u00a0', '\uff1a', '\ud83d\udd12',
  '\u{10ffff}', '\ufffe', '\u0000', '\u001b[31m', '\ud800', '\udc00', 'İ', 'ß', '\u3000',
];
const INVALID_UTF8 = [[0xff], [0xc0, 0x80], [0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xfe, 0xff]];
const TEMPLATES = [
  '${ES_PASSWORD}', '${VAR:default}', '${VAR:-x}', '${', '${${A}}', '{{ password }}', '{{', '}}', '{% if tls %}', '{% endif %}',
  '{{- x | default("a") }}', '$${A}', '${A', '{{ "}}" }}', '{#', '<%= x %>',
];
const VALUES = [
  'true', 'false', 'TRUE', 'yes', 'full', 'certificate', 'none', 'optional', 'required', 'TLSv1.1', '[ "TLSv1.2", "TLSv1.3" ]',
  'certs/http.p12', 'certs/ca.crt', '/etc/es/certs/node.key', '../../../../etc/passwd', '"C:\\\\certs\\\\a.p12"', 'S3cr3t-fuzz',
  '9200', '-1', '99999999999999999999', '', '~', '[]', '{}', '[a, [b]]', '{a: b}', '*a', '${CERT}', '"\\u0000"', 'PKCS12', 'jks',
];

function lines(text: string): string[] {
  return text.split('\n');
}

function insertAt(text: string, rng: Prng, piece: string): string {
  const at = rng.int(text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
}

function deepBlock(rng: Prng): string {
  const depth = rng.pick([50, 255, 257, 300, rng.smallSize(2000)]);
  const parts: string[] = [];
  for (let i = 0; i < depth; i++) parts.push(`${' '.repeat(i * rng.pick([1, 2]))}k${i}:`);
  return parts.join('\n') + ' v\n';
}

function deepFlow(rng: Prng): string {
  const depth = rng.pick([100, 256, 257, rng.smallSize(20_000)]);
  const open = rng.chance(0.5) ? '[' : '{a: ';
  const close = open === '[' ? ']' : '}';
  return `k: ${open.repeat(depth)}x${rng.chance(0.8) ? close.repeat(depth) : ''}\n`;
}

function aliasBomb(rng: Prng, keys: readonly string[]): string {
  const width = rng.pick([2, 9, 10]);
  const levels = rng.pick([3, 6, 9, 12]);
  const out = [`l0: &l0 ${rng.chance(0.5) ? '"lol"' : `{${rng.pick(keys)}: true}`}`];
  for (let i = 1; i < levels; i++) out.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  if (rng.chance(0.5)) out.push(`${rng.pick(keys)}: *l${levels - 1}`);
  if (rng.chance(0.5)) out.push(`merged:\n  <<: [*l0, *l0]\n  <<: *l0`);
  return out.join('\n') + '\n';
}

function hugeScalar(rng: Prng, keys: readonly string[]): string {
  const n = rng.pick([10_000, 100_000, rng.smallSize(1_500_000)]);
  const ch = rng.pick(['a', ' ', '\\', '"', '.', 'é', '\ud83d\udd12']);
  const key = rng.chance(0.3) ? ch.repeat(n) : rng.pick(keys);
  return `${key}: ${rng.chance(0.5) ? `"${ch.repeat(n)}"` : ch.repeat(n)}\n`;
}

function setting(rng: Prng, keys: readonly string[]): string {
  const key = rng.pick(keys);
  const value = rng.pick(VALUES);
  if (rng.chance(0.5) || !key.includes('.')) return `${key}: ${value}\n`;
  // The same key in nested form, which the model must merge with the flat one.
  const parts = key.split('.');
  const cut = 1 + rng.int(parts.length - 1);
  return `${parts.slice(0, cut).join('.')}:\n  ${parts.slice(cut).join('.')}: ${value}\n`;
}

type TextMutator = (text: string, rng: Prng, keys: readonly string[], others: readonly string[]) => string;

const mutators: TextMutator[] = [
  (t, rng) => insertAt(t, rng, rng.pick(TOKENS)),
  (t, rng) => insertAt(t, rng, rng.pick(UNICODE)),
  (t, rng) => insertAt(t, rng, rng.pick(TEMPLATES)),
  (t, rng, keys) => insertAt(t, rng, `\n${setting(rng, keys)}`),
  (t, rng, keys) => t + setting(rng, keys),
  (t, rng) => lines(t).map((l) => (rng.chance(0.2) ? rng.pick(['\t', ' \t', '\t  ']) + l : l)).join('\n'),
  (t, rng) => {
    const ls = lines(t);
    const i = rng.int(ls.length);
    ls.splice(i, 0, ...Array.from({ length: rng.chance(0.1) ? rng.smallSize(500) : 1 }, () => ls[i] ?? ''));
    return ls.join('\n');
  },
  (t, rng) => {
    const ls = lines(t);
    ls.splice(rng.int(ls.length), rng.smallSize(3));
    return ls.join('\n');
  },
  (t, rng) => lines(t).map((l) => (rng.chance(0.1) ? ' '.repeat(rng.smallSize(8)) + l : l)).join('\n'),
  (t, rng, _k, others) => {
    if (others.length === 0) return t;
    const src = lines(rng.pick(others));
    const a = rng.int(src.length);
    return insertAt(t, rng, src.slice(a, a + rng.smallSize(10)).join('\n') + '\n');
  },
  (t, rng) => t.slice(0, rng.int(t.length + 1)),
  (t, rng) => t.replace(/: /g, () => (rng.chance(0.1) ? rng.pick([':', ' : ', ':\t', ': &x ', ': !!binary ', ': |\n  ']) : ': ')),
  (t) => t.replace(/\n/g, '\r\n'),
];

/** Mutators whose output is large or slow to parse: used now and then, so they do not eat the whole budget. */
const heavy: TextMutator[] = [
  (t, rng) => t + deepBlock(rng),
  (t, rng) => t + deepFlow(rng),
  (t, rng, keys) => aliasBomb(rng, keys) + t,
  (t, rng, keys) => t + hugeScalar(rng, keys),
  // Keys with very many segments: every per-segment walk (lookups, prefixes, parents) meets them.
  (t, rng, keys) => t + rng.pick(keys) + rng.pick(['.', '.x', '..']).repeat(rng.pick([300, 5000, 40_000])) + rng.pick([': 1\n', ':\n  a: b\n', '\n']),
];

/** A mutated settings file, as bytes (so invalid UTF-8 can be part of it). */
export function mutateYaml(input: Uint8Array, rng: Prng, corpus: readonly Uint8Array[], keys: readonly string[]): Uint8Array {
  if (rng.chance(0.1)) return mutateBytes(input, rng, corpus);
  let text = dec.decode(input);
  const others = corpus.length > 0 ? [dec.decode(rng.pick(corpus))] : [];
  const rounds = rng.smallSize(4);
  for (let i = 0; i < rounds; i++) text = rng.pick(rng.chance(0.06) ? heavy : mutators)(text, rng, keys.length > 0 ? keys : ['a.b'], others);
  let out: Uint8Array = enc.encode(text);
  if (rng.chance(0.1)) {
    const at = rng.int(out.length + 1);
    out = concat([out.subarray(0, at), Uint8Array.from(rng.pick(INVALID_UTF8)), out.subarray(at)]);
  }
  return clip(out);
}
