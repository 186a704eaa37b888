// The checker's first cache layer: one answer per document uri and version. Hover, completion, code lens and
// diagnostics ask about the same version many times; the parse and check run once. A generation counter lets
// file changes on disk and settings changes invalidate every answer without touching the documents.

interface Entry<T> {
  version: number;
  generation: number;
  value: T;
}

/** A small LRU cache keyed by uri, valid for one document version and one environment generation. */
export class DocumentCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Per-uri working state that outlives versions (a parse cache), dropped with the uri. */
  private readonly states = new Map<string, unknown>();
  private generation = 0;

  constructor(private readonly maxEntries = 64) {}

  /** The cached value for this uri and version, computing it when absent or stale. */
  get(uri: string, version: number, compute: () => T): T {
    const entry = this.entries.get(uri);
    if (entry && entry.version === version && entry.generation === this.generation) {
      this.entries.delete(uri);
      this.entries.set(uri, entry); // most recently used last
      return entry.value;
    }
    const value = compute();
    this.entries.delete(uri);
    this.entries.set(uri, { version, generation: this.generation, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
    return value;
  }

  /**
   * State kept for a uri across its versions, made by `make` on first use: the document's parse cache, so
   * that the next version's compute can reuse work. Use one type of state per DocumentCache. It goes away
   * with `delete` and when the uri falls out of the cache.
   */
  stateOf<S>(uri: string, make: () => S): S {
    if (!this.states.has(uri)) {
      this.states.set(uri, make());
      while (this.states.size > this.maxEntries) this.states.delete(this.states.keys().next().value as string);
    }
    return this.states.get(uri) as S;
  }

  /** Makes every entry stale (a referenced file or a setting changed). */
  invalidateAll(): void {
    this.generation++;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.states.delete(uri);
  }
}
