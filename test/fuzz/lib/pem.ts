// PEM mutators: re-wrap mutated DER, break the base64, drop or mismatch END lines, add RFC 1421 headers.
import { clip, mutateBytes } from './bytes';
import { mutateDer } from './der';
import type { Prng } from './prng';

const LABELS = [
  'CERTIFICATE', 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'CERTIFICATE REQUEST',
  'NEW CERTIFICATE REQUEST', 'PUBLIC KEY', 'TRUSTED CERTIFICATE', 'X509 CRL', 'PKCS7', 'EC PARAMETERS', 'DSA PRIVATE KEY',
  'OPENSSH PRIVATE KEY', 'X', '', 'CERTIFICATE#1',
];
const DEK_CIPHERS = ['AES-128-CBC', 'AES-256-CBC', 'DES-EDE3-CBC', 'DES-CBC', 'AES-192-CBC', 'CHACHA', 'aes-128-cbc', ''];
const BAD_B64 = ['!', '-', '*', ' ', '=', '==', '===', '\t', '\u00e9', '\u2028', '%', '.', '_', '\\', '\r'];

const enc = new TextEncoder();
const dec = new TextDecoder();

interface Block { label: string; headers: string[]; der: Uint8Array; start: number; end: number }

function blocksOf(text: string): Block[] {
  const re = /-----BEGIN ([^-\n]{0,80})-----([\s\S]*?)-----END [^-\n]{0,80}-----/g;
  const out: Block[] = [];
  for (let m = re.exec(text); m && out.length < 200; m = re.exec(text)) {
    const lines = m[2].split(/\r?\n/);
    const headers = lines.filter((l) => /^[A-Za-z-]+:/.test(l));
    const b64 = lines.filter((l) => !/^[A-Za-z-]+:/.test(l)).join('').replace(/\s/g, '');
    out.push({ label: m[1], headers, der: Buffer.from(b64, 'base64'), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** PEM text for DER bytes, with a chosen line length and line ending. */
export function wrapPem(label: string, der: Uint8Array, rng: Prng, headers: string[] = []): string {
  const b64 = Buffer.from(der).toString('base64');
  const width = rng.pick([64, 64, 64, 76, 16, 1, 100_000]);
  const eol = rng.pick(['\n', '\n', '\r\n', '\r']);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += width) lines.push(b64.slice(i, i + width));
  const head = headers.length > 0 ? [...headers, ''] : [];
  return [`-----BEGIN ${label}-----`, ...head, ...lines, `-----END ${label}-----`, ''].join(eol);
}

function hex(rng: Prng, n: number): string {
  return Buffer.from(rng.bytes(n)).toString('hex').toUpperCase();
}

type TextMutator = (text: string, rng: Prng, derDonors: readonly Uint8Array[]) => string;

const replaceBlock = (text: string, b: Block, next: string) => text.slice(0, b.start) + next + text.slice(b.end);

const mutators: TextMutator[] = [
  // The one that reaches deep: decode a block, mutate its DER, re-encode.
  (text, rng, donors) => {
    const b = rng.pick(blocksOf(text));
    return b ? replaceBlock(text, b, wrapPem(b.label, mutateDer(b.der, rng, donors), rng, b.headers)) : text;
  },
  (text, rng) => {
    const b = rng.pick(blocksOf(text));
    return b ? replaceBlock(text, b, wrapPem(rng.pick(LABELS), b.der, rng, b.headers)) : text;
  },
  (text, rng) => {
    const at = text.indexOf('\n', rng.int(text.length)) + 1;
    return text.slice(0, at) + rng.pick(BAD_B64) + text.slice(at);
  },
  (text, rng) => text.replace(rng.chance(0.5) ? /-----END [^-]*-----\r?\n?/ : /-----END [^-]*-----[\s\S]*$/, ''),
  (text, rng) => text.replace(/-----END ([^-]*)-----/, `-----END ${rng.pick(LABELS)}-----`),
  (text, rng) => {
    const b = rng.pick(blocksOf(text));
    if (!b) return text;
    const iv = rng.chance(0.7) ? hex(rng, rng.pick([8, 16, 15, 0, 64])) : rng.pick(['ZZ', '0', ',', '']);
    const headers = ['Proc-Type: 4,ENCRYPTED', `DEK-Info: ${rng.pick(DEK_CIPHERS)},${iv}`];
    if (rng.chance(0.3)) headers.push(`X-Junk: ${'a'.repeat(rng.smallSize(5000))}`);
    return replaceBlock(text, b, wrapPem(rng.pick(['RSA PRIVATE KEY', 'EC PRIVATE KEY', b.label]), b.der, rng, headers));
  },
  (text, rng) => {
    const b = rng.pick(blocksOf(text));
    const times = rng.chance(0.1) ? rng.smallSize(6000) : rng.smallSize(5);
    return b ? text + text.slice(b.start, b.end).concat('\n').repeat(times) : text;
  },
  (text, rng) => rng.pick(['Bag Attributes\n    localKeyID: 01 02\nsubject=/CN=x\n', '\ufeff', '   ', '-----BEGIN -----\n', '-----BEGIN CERTIFICATE-----\n']) + text,
  (text, rng) => text.replace(/\n/g, () => (rng.chance(0.05) ? rng.pick(['\n ', '\n\t', ' \n', '\n\n', '\r\r\n']) : '\n')),
  (text, rng) => text.replace(/=+(\r?\n-----END)/, (_m, end: string) => rng.pick(['', '=', '===', 'A=A']) + end),
];

/** A mutated PEM text: structure-aware most of the time, raw bytes otherwise. */
export function mutatePem(input: Uint8Array, rng: Prng, corpus: readonly Uint8Array[], derDonors: readonly Uint8Array[]): Uint8Array {
  if (rng.chance(0.15)) return mutateBytes(input, rng, corpus);
  let text = dec.decode(input);
  const rounds = rng.smallSize(3);
  for (let i = 0; i < rounds; i++) text = rng.pick(mutators)(text, rng, derDonors);
  return clip(enc.encode(text));
}
