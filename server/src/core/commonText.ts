// What two versions of a text share at their start and end: how the caches that reuse work across edits
// (the chunk cache, the form sniff) find the region an edit changed.

/** Blocks compared at once: string equality is a native compare, much faster than a loop over characters. */
const BLOCK = 2048;

/** Length of the common start of `a` and `b`, at most `limit`. */
export function commonPrefix(a: string, b: string, limit: number): number {
  let at = 0;
  while (at + BLOCK <= limit && a.slice(at, at + BLOCK) === b.slice(at, at + BLOCK)) at += BLOCK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** Length of the common end of `a` and `b`, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  const [ea, eb] = [a.length, b.length];
  let n = 0;
  while (n + BLOCK <= limit && a.slice(ea - n - BLOCK, ea - n) === b.slice(eb - n - BLOCK, eb - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(ea - n - 1) === b.charCodeAt(eb - n - 1)) n++;
  return n;
}
