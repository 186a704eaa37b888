// The one memo kept across the checks of a document (parse pieces, catalog answers, rule answers all use it).

/**
 * Answers that are pure functions of their key, kept from one check of a document to the next. A check keeps
 * only what it asked for, so the memo never holds more than the latest check used.
 */
export class AnswerMemo<V = unknown> {
  private kept = new Map<string, V>();
  private used = new Map<string, V>();
  /** Answers about two objects (parsed certificate files, kept by their cache while unchanged), per kind. */
  private readonly pairs = new Map<string, WeakMap<object, WeakMap<object, unknown>>>();

  /** Starts a check: answers the previous check did not ask for are dropped. */
  startCheck(): void {
    [this.kept, this.used] = [this.used, new Map()];
  }

  /** Forgets everything (the answers' source changed, say another catalog). */
  clear(): void {
    this.kept = new Map();
    this.used = new Map();
  }

  /** The answer for `key`, computed only when neither this check nor the previous one asked for it. */
  remember<T extends V>(key: string, compute: () => T): T {
    const now = this.used.get(key);
    if (now !== undefined || this.used.has(key)) return now as T;
    const before = this.kept.get(key);
    const value = (before !== undefined || this.kept.has(key) ? before : compute()) as T;
    this.used.set(key, value);
    return value;
  }

  /** The answer about `a` and `b`, which must be immutable; it goes away with either object. */
  rememberPair<T>(kind: string, a: object, b: object, compute: () => T): T {
    let byA = this.pairs.get(kind);
    if (!byA) this.pairs.set(kind, (byA = new WeakMap()));
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = new WeakMap()));
    if (byB.has(b)) return byB.get(b) as T;
    const value = compute();
    byB.set(b, value);
    return value;
  }

  /** Answers held (for bounds tests and the trace). */
  get size(): number {
    return this.kept.size;
  }
}
