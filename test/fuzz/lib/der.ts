// Structure-aware DER mutators: parse a TLV tree (descending into OCTET and BIT STRINGs that hold DER),
// change it, and write it back either with consistent lengths or with lengths tampered on purpose.
import { clip, concat } from './bytes';
import type { Prng } from './prng';

/** One TLV. Constructed nodes and encapsulating strings have children; others have content. */
export interface DerNode {
  tag: Uint8Array;
  content?: Uint8Array;
  children?: DerNode[];
  /** The unused-bits byte of a BIT STRING whose payload is DER. */
  prefix?: Uint8Array;
}

const MAX_PARSE_DEPTH = 48;
const MAX_PARSE_NODES = 20_000;

interface Cursor { nodes: number }

function readHeader(buf: Uint8Array, at: number): { tag: Uint8Array; len: number; hdr: number } | undefined {
  let i = at;
  if (i >= buf.length) return undefined;
  if ((buf[i++] & 0x1f) === 0x1f) {
    while (i < buf.length && buf[i] & 0x80) i++;
    i++;
  }
  if (i >= buf.length) return undefined;
  const tag = buf.subarray(at, i);
  const first = buf[i++];
  let len = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4 || i + n > buf.length) return undefined;
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + buf[i++];
  }
  return { tag, len, hdr: i - at };
}

function parseSeq(buf: Uint8Array, depth: number, cur: Cursor): DerNode[] | undefined {
  const out: DerNode[] = [];
  let at = 0;
  while (at < buf.length) {
    const h = readHeader(buf, at);
    if (!h || at + h.hdr + h.len > buf.length || ++cur.nodes > MAX_PARSE_NODES) return undefined;
    const content = buf.subarray(at + h.hdr, at + h.hdr + h.len);
    out.push(makeNode(h.tag, content, depth, cur));
    at += h.hdr + h.len;
  }
  return out;
}

function makeNode(tag: Uint8Array, content: Uint8Array, depth: number, cur: Cursor): DerNode {
  const constructed = (tag[0] & 0x20) !== 0;
  if (depth < MAX_PARSE_DEPTH && content.length > 0) {
    if (constructed) {
      const children = parseSeq(content, depth + 1, cur);
      if (children) return { tag, children };
    } else if (tag[0] === 0x04 && content.length > 1 && (content[0] === 0x30 || content[0] === 0x31)) {
      const children = parseSeq(content, depth + 1, cur);
      if (children) return { tag, children };
    } else if (tag[0] === 0x03 && content.length > 2 && content[0] === 0 && content[1] === 0x30) {
      const children = parseSeq(content.subarray(1), depth + 1, cur);
      if (children) return { tag, children, prefix: content.subarray(0, 1) };
    }
  }
  return { tag, content };
}

/** The TLV tree of a DER buffer, or undefined when it is not DER at all. */
export function parseDer(buf: Uint8Array): DerNode[] | undefined {
  return parseSeq(buf, 0, { nodes: 0 });
}

export function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number | Uint8Array, content: Uint8Array): Uint8Array {
  const t = typeof tag === 'number' ? Uint8Array.of(tag) : tag;
  return concat([t, encodeLength(content.length), content]);
}

export function serialize(nodes: readonly DerNode[]): Uint8Array {
  return concat(nodes.map(serializeNode));
}

export function serializeNode(node: DerNode): Uint8Array {
  if (!node.children) return tlv(node.tag, node.content ?? new Uint8Array(0));
  const body = serialize(node.children);
  return tlv(node.tag, node.prefix ? concat([node.prefix, body]) : body);
}

/** Every node of a tree with its parent list, depth first. */
export function allNodes(nodes: DerNode[]): Array<{ node: DerNode; siblings: DerNode[]; index: number }> {
  const out: Array<{ node: DerNode; siblings: DerNode[]; index: number }> = [];
  const walk = (list: DerNode[]) => list.forEach((node, index) => {
    out.push({ node, siblings: list, index });
    if (node.children) walk(node.children);
  });
  walk(nodes);
  return out;
}

const BAD_TIMES = ['991399999999Z', '20261301000000Z', '000000000000Z', '99991231235959Z', '2026', '', '20260101000000+9999', '260229000000Z', 'ZZZZZZZZZZZZZ'];
const TAGS = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x16, 0x17, 0x18, 0x1e, 0x30, 0x31, 0xa0, 0xa1, 0xa3, 0x80, 0x81, 0x82, 0x87, 0x88, 0x1f];
const ascii = (s: string) => new TextEncoder().encode(s);

type NodeMutator = (node: DerNode, rng: Prng, donors: DerNode[]) => DerNode;

const nodeMutators: NodeMutator[] = [
  // Content: random, empty, huge, or an interesting integer.
  (n, rng) => ({ tag: n.tag, content: rng.chance(0.3) ? new Uint8Array(0) : rng.bytes(rng.smallSize(rng.chance(0.1) ? 70_000 : 40)) }),
  (_n, rng) => ({ tag: Uint8Array.of(0x02), content: rng.pick([Uint8Array.of(0x80), Uint8Array.of(0xff), Uint8Array.of(0), new Uint8Array(0), Uint8Array.of(0x7f, 0xff, 0xff, 0xff), Uint8Array.of(0, 0, 0, 1), rng.bytes(rng.smallSize(600))]) }),
  (_n, rng) => ({ tag: rng.pick([Uint8Array.of(0x17), Uint8Array.of(0x18)]), content: ascii(rng.pick(BAD_TIMES)) }),
  (_n, rng) => ({ tag: Uint8Array.of(0x06), content: rng.pick([new Uint8Array(0), Uint8Array.of(0x80), Uint8Array.of(0x2a, 0x86), Uint8Array.of(0x2a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), rng.bytes(rng.smallSize(20))]) }),
  (n, rng) => ({ tag: Uint8Array.of(0x03), content: concat([Uint8Array.of(rng.pick([0, 1, 7, 8, 0xff])), n.content ?? serialize(n.children ?? [])]) }),
  // Tag: another tag, the constructed bit flipped, or a multi-byte tag.
  (n, rng) => ({ ...n, tag: rng.chance(0.8) ? Uint8Array.of(rng.pick(TAGS)) : Uint8Array.of(0x1f, 0x81, 0x80, 0x01) }),
  (n) => (n.children ? { tag: Uint8Array.of(n.tag[0] ^ 0x20), content: serialize(n.children) } : { ...n, tag: Uint8Array.of(n.tag[0] ^ 0x20) }),
  // Structure: wrap, nest deeper, drop or duplicate children, graft a node from another input.
  (n, rng) => ({ tag: Uint8Array.of(rng.pick([0x30, 0x31, 0xa0, 0x04])), children: [n] }),
  (n, rng) => {
    let out = n;
    const depth = rng.chance(0.2) ? rng.smallSize(1500) : rng.smallSize(64);
    for (let i = 0; i < depth; i++) out = { tag: Uint8Array.of(0x30), children: [out] };
    return out;
  },
  (n, rng) => (n.children && n.children.length > 0 ? { ...n, children: n.children.filter(() => rng.chance(0.7)) } : n),
  (n, rng) => {
    if (!n.children || n.children.length === 0) return n;
    const pickOne = rng.pick(n.children);
    const times = rng.chance(0.15) ? rng.smallSize(3000) : rng.smallSize(4);
    return { ...n, children: [...n.children, ...Array.from({ length: times }, () => pickOne)] };
  },
  (n, rng, donors) => (donors.length > 0 ? rng.pick(donors) : n),
  (n, rng) => (n.children && n.children.length > 1 ? { ...n, children: [...n.children].sort(() => (rng.chance(0.5) ? 1 : -1)) } : n),
];

/** Rewrites one random length field of an encoded buffer: off by one, zero, indefinite, or huge. */
export function tamperLength(buf: Uint8Array, rng: Prng): Uint8Array {
  const positions: Array<{ at: number; hdr: number; len: number }> = [];
  const scan = (start: number, end: number, depth: number) => {
    let at = start;
    while (at < end && positions.length < 5000 && depth < 40) {
      const h = readHeader(buf, at);
      if (!h || at + h.hdr + h.len > end) return;
      positions.push({ at: at + h.tag.length, hdr: h.hdr - h.tag.length, len: h.len });
      if (h.tag[0] & 0x20) scan(at + h.hdr, at + h.hdr + h.len, depth + 1);
      at += h.hdr + h.len;
    }
  };
  scan(0, buf.length, 0);
  if (positions.length === 0) return buf;
  const p = rng.pick(positions);
  const choices: Uint8Array[] = [
    encodeLength(Math.max(0, p.len + rng.pick([-2, -1, 1, 2, 127]))), Uint8Array.of(0), Uint8Array.of(0x80),
    Uint8Array.of(0x81, 0xff), Uint8Array.of(0x84, 0xff, 0xff, 0xff, 0xff), Uint8Array.of(0x84, 0x7f, 0xff, 0xff, 0xff),
    Uint8Array.of(0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), Uint8Array.of(0x82, 0x00, p.len & 0x7f), Uint8Array.of(0xff),
  ];
  return concat([buf.subarray(0, p.at), rng.pick(choices), buf.subarray(p.at + p.hdr)]);
}

/**
 * Applies a few tree mutations; falls back to raw length tampering when the input is not DER, or when stacked
 * nesting grew too deep for the recursive writer.
 */
export function mutateDer(input: Uint8Array, rng: Prng, donorInputs: readonly Uint8Array[]): Uint8Array {
  try {
    return mutateTree(input, rng, donorInputs);
  } catch (e) {
    if (e instanceof RangeError) return tamperLength(input, rng);
    throw e;
  }
}

function mutateTree(input: Uint8Array, rng: Prng, donorInputs: readonly Uint8Array[]): Uint8Array {
  const tree = parseDer(input);
  if (!tree || tree.length === 0) return tamperLength(input, rng);
  const donors = donorNodes(donorInputs, rng);
  const rounds = rng.smallSize(3);
  for (let r = 0; r < rounds; r++) {
    const all = allNodes(tree);
    const target = rng.pick(all);
    target.siblings[target.index] = rng.pick(nodeMutators)(target.node, rng, donors);
  }
  const out = serialize(tree);
  return clip(rng.chance(0.25) ? tamperLength(out, rng) : out);
}

function donorNodes(inputs: readonly Uint8Array[], rng: Prng): DerNode[] {
  if (inputs.length === 0) return [];
  const tree = parseDer(rng.pick(inputs));
  return tree ? allNodes(tree).map((e) => e.node) : [];
}
