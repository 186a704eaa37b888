// One computation per document uri and version: the parse and check of a settings file run once, and hover,
// completion, code lens and diagnostics all reuse the result. A generation counter lets file changes on disk
// and settings changes invalidate every entry without touching the documents.

interface Entry<T> {
  version: number;
  generation: number;
  value: T;
}

/** A small LRU cache keyed by uri, valid for one document version and one environment generation. */
export class DocumentCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;
  /** How many times `compute` ran; tests use it to prove reuse. */
  computeCount = 0;

  constructor(private readonly maxEntries = 64) {}

  /** The cached value for this uri and version, computing it when absent or stale. */
  get(uri: string, version: number, compute: () => T): T {
    const entry = this.entries.get(uri);
    if (entry && entry.version === version && entry.generation === this.generation) {
      this.entries.delete(uri);
      this.entries.set(uri, entry); // most recently used last
      return entry.value;
    }
    this.computeCount++;
    const value = compute();
    this.entries.delete(uri);
    this.entries.set(uri, { version, generation: this.generation, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** Makes every entry stale (a referenced file or a setting changed). */
  invalidateAll(): void {
    this.generation++;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
