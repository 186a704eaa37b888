import type { Product, SettingDef, SettingMatch } from './types';

interface TrieNode {
  literal: Map<string, TrieNode>;
  /** Child for a `<name>` placeholder segment, with the placeholder's name. */
  wildcard?: { name: string; node: TrieNode };
  def?: SettingDef;
}

function newNode(): TrieNode {
  return { literal: new Map() };
}

function placeholderName(segment: string): string | undefined {
  return segment.startsWith('<') && segment.endsWith('>') ? segment.slice(1, -1) : undefined;
}

/**
 * An index over a product's settings: exact and placeholder lookup in time linear in the key's segments,
 * namespace ownership, completion of children, and did-you-mean suggestions.
 */
export class SettingIndex {
  private readonly root = newNode();
  readonly defs: readonly SettingDef[];
  /** `ownedNamespaces` split into segments once; `undefined` stands for a `<name>` segment. */
  private readonly ownedSegments: ReadonlyArray<ReadonlyArray<string | undefined>>;
  /** Keys suggestions may offer, split on the first suggestion (a clean file never asks): `wild[i]` marks a `<name>` segment. */
  private suggestableKeys?: ReadonlyArray<{ key: string; segments: string[]; wild: boolean[]; hasWild: boolean }>;

  constructor(
    readonly product: Product,
    defs: readonly SettingDef[],
    /** Prefixes (ending in `.`) inside which every key must be known; `<name>` allowed. */
    readonly ownedNamespaces: readonly string[],
  ) {
    this.defs = defs;
    for (const def of defs) this.insert(def);
    this.ownedSegments = ownedNamespaces.map((ns) => ns.replace(/\.$/, '').split('.').map((seg) => (placeholderName(seg) !== undefined ? undefined : seg)));
  }

  private get suggestable(): NonNullable<SettingIndex['suggestableKeys']> {
    this.suggestableKeys ??= this.defs
      .filter((d) => !d.removed && !d.serverlessOnly)
      .map((d) => {
        const segments = d.key.split('.');
        const wild = segments.map((seg) => placeholderName(seg) !== undefined);
        return { key: d.key, segments, wild, hasWild: wild.includes(true) };
      });
    return this.suggestableKeys;
  }

  private insert(def: SettingDef): void {
    let node = this.root;
    for (const segment of def.key.split('.')) {
      const name = placeholderName(segment);
      if (name !== undefined) {
        node.wildcard ??= { name, node: newNode() };
        node = node.wildcard.node;
      } else {
        let next = node.literal.get(segment);
        if (!next) node.literal.set(segment, (next = newNode()));
        node = next;
      }
    }
    node.def = def;
  }

  /** Finds the definition of a dotted key; literal segments win over placeholders. */
  lookup(key: string): SettingMatch | undefined {
    const segments = key.split('.');
    const params: Record<string, string> = {};
    const def = this.walk(this.root, segments, 0, params);
    return def ? { def, key, params } : undefined;
  }

  private walk(node: TrieNode, segments: string[], i: number, params: Record<string, string>): SettingDef | undefined {
    if (i === segments.length) return node.def;
    const lit = node.literal.get(segments[i]);
    if (lit) {
      const found = this.walk(lit, segments, i + 1, params);
      if (found) return found;
    }
    if (node.wildcard && segments[i] !== '') {
      const found = this.walk(node.wildcard.node, segments, i + 1, params);
      if (found) {
        params[node.wildcard.name] = segments[i];
        return found;
      }
    }
    return undefined;
  }

  /**
   * A view of this index whose `lookup` and `isOwned` answer each key once. Rules look the same keys up many times in one
   * check; make one view per check and drop it after (the index itself stays immutable). Matches are shared.
   */
  withLookupCache(): SettingIndex {
    const view = Object.create(this) as SettingIndex;
    const matches = new Map<string, SettingMatch | undefined>();
    const owned = new Map<string, boolean>();
    view.lookup = (key: string) => {
      if (matches.has(key)) return matches.get(key);
      const match = this.lookup(key);
      matches.set(key, match);
      return match;
    };
    view.isOwned = (key: string) => {
      let answer = owned.get(key);
      if (answer === undefined) owned.set(key, (answer = this.isOwned(key)));
      return answer;
    };
    return view;
  }

  /** True when the key lies inside a namespace this catalog claims completely. */
  isOwned(key: string): boolean {
    // Same test as matchesPrefix for each namespace, with the key split once (this runs for every setting).
    const k = key.split('.');
    return this.ownedSegments.some((p) => k.length > p.length && p.every((seg, i) => (seg === undefined ? k[i] !== '' : seg === k[i])));
  }

  /**
   * Child segments that can follow a dotted prefix (empty string for the root), for completion.
   * A placeholder child is reported as `<name>`.
   */
  children(prefix: string): Array<{ segment: string; def?: SettingDef; isLeaf: boolean; hasChildren: boolean }> {
    let node: TrieNode | undefined = this.root;
    if (prefix !== '') {
      for (const segment of prefix.split('.')) {
        node = node.literal.get(segment) ?? node.wildcard?.node;
        if (!node) return [];
      }
    }
    const out: Array<{ segment: string; def?: SettingDef; isLeaf: boolean; hasChildren: boolean }> = [];
    for (const [segment, child] of node.literal) {
      out.push({ segment, def: child.def, isLeaf: !!child.def, hasChildren: child.literal.size > 0 || !!child.wildcard });
    }
    if (node.wildcard) {
      const child = node.wildcard.node;
      out.push({ segment: `<${node.wildcard.name}>`, def: child.def, isLeaf: !!child.def, hasChildren: child.literal.size > 0 || !!child.wildcard });
    }
    return out;
  }

  /**
   * Keys close to an unknown one, best first. Placeholders in candidates take the user's own segments,
   * so `xpack.security.authc.realms.ldap.ldap1.ur` suggests `...ldap.ldap1.url`.
   */
  suggest(key: string, max = 3): string[] {
    // No setting name comes near this length, and the distance work grows with it (a 10,000-character key took seconds).
    if (key.length > MAX_SUGGEST_KEY_LENGTH) return [];
    const segments = key.split('.');
    const scored: Array<{ key: string; distance: number }> = [];
    let limit = Math.max(2, Math.floor(key.length / 6));
    // The best distance of each distinct key found so far. Once `max` distinct keys are within some distance,
    // a candidate farther than that cannot make the list (it would sort after all of them), so the limit
    // tightens to it: the length test then drops most candidates and the banded distance gets narrower.
    const best = new Map<string, number>();
    const bag = new CharacterBag(key);
    for (const c of this.suggestable) {
      // The candidate's length first: most keys are too long or too short to be within the limit.
      let length = c.segments.length - 1;
      for (let i = 0; i < c.segments.length; i++) length += c.wild[i] && segments[i] ? segments[i].length : c.segments[i].length;
      if (Math.abs(length - key.length) > limit) continue;
      const candidate = c.hasWild ? c.segments.map((seg, i) => (c.wild[i] && segments[i] ? segments[i] : seg)).join('.') : c.key;
      if (bag.lowerBound(candidate) > limit) continue;
      const distance = editDistance(candidate, key, limit);
      if (distance > limit) continue;
      scored.push({ key: candidate, distance });
      const known = best.get(candidate);
      if (known === undefined || distance < known) {
        best.set(candidate, distance);
        if (max > 0 && best.size >= max) limit = Math.min(limit, [...best.values()].sort((a, b) => a - b)[max - 1]);
      }
    }
    scored.sort((a, b) => a.distance - b.distance || compareKeys(a.key, b.key));
    return [...new Set(scored.map((s) => s.key))].slice(0, max);
  }
}

/**
 * The characters of a key, counted, for a bound that costs one pass over a candidate: an edit changes one
 * character's count by one and another's by one at most, so a candidate with p characters more and n fewer than
 * the key (by count) is at least max(p, n) edits away. Most catalog keys fail it without the distance table.
 */
class CharacterBag {
  private readonly counts = new Int32Array(BAG_SIZE);

  constructor(key: string) {
    for (let i = 0; i < key.length; i++) this.counts[bagSlot(key.charCodeAt(i))]++;
  }

  lowerBound(candidate: string): number {
    const diff = this.counts.slice();
    for (let i = 0; i < candidate.length; i++) diff[bagSlot(candidate.charCodeAt(i))]--;
    let more = 0;
    let fewer = 0;
    for (let i = 0; i < BAG_SIZE; i++) {
      const d = diff[i];
      if (d > 0) fewer += d;
      else more -= d;
    }
    return more > fewer ? more : fewer;
  }
}

/** ASCII characters count apart; every other character shares the last slot (which only loosens the bound). */
/** The characters of catalog keys in the order of the default collation (`localeCompare`): `_ - . < >`, digits, letters. */
const KEY_ORDER = '_-.<>0123456789abcdefghijklmnopqrstuvwxyz';
const KEY_RANK = new Int8Array(128).fill(-1);
for (let i = 0; i < KEY_ORDER.length; i++) KEY_RANK[KEY_ORDER.charCodeAt(i)] = i;
const keyRank = (code: number) => (code < 128 ? KEY_RANK[code] : -1);

/**
 * The sign of `a.localeCompare(b)`, without creating the ICU collator for keys made of KEY_ORDER's characters
 * (the first localeCompare in a process costs about 10 ms, a twentieth of `estls check` on a small file); any
 * other character goes to localeCompare. Exact for those characters: the default collation has no contractions
 * among them and none is ignorable, so the first differing character decides, and a proper prefix sorts first.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ra = keyRank(a.charCodeAt(i));
    const rb = keyRank(b.charCodeAt(i));
    if (ra < 0 || rb < 0) return a.localeCompare(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
  }
  const longer = a.length > b.length ? a : b;
  for (let i = n; i < longer.length; i++) if (keyRank(longer.charCodeAt(i)) < 0) return a.localeCompare(b);
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

const BAG_SIZE = 129;
const bagSlot = (code: number) => (code < 128 ? code : 128);

/** Keys longer than this get no did-you-mean suggestions. */
const MAX_SUGGEST_KEY_LENGTH = 256;

/** Replaces `<name>` segments of a pattern with the user's segment at the same position. */
export function instantiate(pattern: string, userSegments: readonly string[]): string {
  return pattern
    .split('.')
    .map((seg, i) => (placeholderName(seg) !== undefined && userSegments[i] ? userSegments[i] : seg))
    .join('.');
}

/** Does `key` start with `prefix`, where `<name>` in the prefix matches one segment? */
export function matchesPrefix(prefix: string, key: string): boolean {
  const p = prefix.replace(/\.$/, '').split('.');
  const k = key.split('.');
  if (k.length <= p.length) return false;
  return p.every((seg, i) => (placeholderName(seg) !== undefined ? k[i] !== '' : seg === k[i]));
}

/** Beyond any distance: marks cells outside the band (an int, so the rows stay integer arrays). */
const FAR = 0x3fffffff;
/** Two rows reused by every call (the CLI suggests for many keys; a fresh array per call, and `Infinity` in it, cost more than the distance). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Levenshtein distance. With a `limit`, only cells within `limit` of the diagonal are computed (the others
 * already exceed it), and once a whole row exceeds it the result is some value above `limit`, not the distance.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  // A common prefix and suffix do not change the distance; catalog keys share long ones.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const m = endA - start;
  const n = endB - start;
  const lengthGap = Math.abs(m - n);
  if (lengthGap > limit) return lengthGap;
  if (rowA.length < n + 2) {
    rowA = new Int32Array(n + 2);
    rowB = new Int32Array(n + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  // The band is everything when there is no limit (or a limit wider than the strings).
  const band = Math.min(limit, m + n);
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(n, i + band);
    cur[0] = i;
    if (lo > 1) cur[lo - 1] = FAR;
    let rowMin = lo > 1 ? FAR : i;
    const ca = a.charCodeAt(start + i - 1);
    for (let j = lo; j <= hi; j++) {
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const sub = prev[j - 1] + (ca === b.charCodeAt(start + j - 1) ? 0 : 1);
      const v = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell past this band: mark it as beyond the limit.
    if (hi < n) cur[hi + 1] = FAR;
    if (rowMin > limit) return rowMin;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}
