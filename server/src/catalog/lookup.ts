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
  /** Keys suggestions may offer, split once: `wild[i]` marks a `<name>` segment. */
  /** `ownedNamespaces` split into segments once; `undefined` stands for a `<name>` segment. */
  private readonly ownedSegments: ReadonlyArray<ReadonlyArray<string | undefined>>;
  private readonly suggestable: ReadonlyArray<{ key: string; segments: string[]; wild: boolean[] }>;

  constructor(
    readonly product: Product,
    defs: readonly SettingDef[],
    /** Prefixes (ending in `.`) inside which every key must be known; `<name>` allowed. */
    readonly ownedNamespaces: readonly string[],
  ) {
    this.defs = defs;
    for (const def of defs) this.insert(def);
    this.ownedSegments = ownedNamespaces.map((ns) => ns.replace(/\.$/, '').split('.').map((seg) => (placeholderName(seg) !== undefined ? undefined : seg)));
    this.suggestable = defs
      .filter((d) => !d.removed && !d.serverlessOnly)
      .map((d) => {
        const segments = d.key.split('.');
        return { key: d.key, segments, wild: segments.map((seg) => placeholderName(seg) !== undefined) };
      });
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
    const limit = Math.max(2, Math.floor(key.length / 6));
    for (const c of this.suggestable) {
      // The candidate's length first: most keys are too long or too short to be within the limit.
      let length = c.segments.length - 1;
      for (let i = 0; i < c.segments.length; i++) length += c.wild[i] && segments[i] ? segments[i].length : c.segments[i].length;
      if (Math.abs(length - key.length) > limit) continue;
      const candidate = c.wild.includes(true) ? c.segments.map((seg, i) => (c.wild[i] && segments[i] ? segments[i] : seg)).join('.') : c.key;
      const distance = editDistance(candidate, key, limit);
      if (distance <= limit) scored.push({ key: candidate, distance });
    }
    scored.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
    return [...new Set(scored.map((s) => s.key))].slice(0, max);
  }
}

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
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) [endA, endB] = [endA - 1, endB - 1];
  if (start > 0 || endA < a.length) [a, b] = [a.slice(start, endA), b.slice(start, endB)];
  const n = b.length;
  const lengthGap = Math.abs(a.length - n);
  if (lengthGap > limit) return lengthGap;
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(n + 1);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(n, i + limit);
    cur[0] = i;
    if (lo > 1) cur[lo - 1] = Infinity;
    let rowMin = lo > 1 ? Infinity : i;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell past this band: mark it as beyond the limit.
    if (hi < n) cur[hi + 1] = Infinity;
    if (rowMin > limit) return rowMin;
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}
