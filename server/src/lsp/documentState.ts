// What one open settings file keeps across its versions so that an edit redoes only the work its change
// touches: yaml's results per piece of text, and did-you-mean answers per unknown key. Owned by the server's
// document cache (one per uri and product) and dropped with it; nothing here is module-level.
import type { SettingIndex } from '../catalog/lookup';
import { ChunkCache } from '../config/chunkCache';

/** Suggestions depend only on the key, the count asked and the (immutable) catalog: safe to reuse. */
export class SuggestionMemo {
  private kept = new Map<string, string[]>();
  private used = new Map<string, string[]>();
  private catalog: SettingIndex | undefined;
  /** How many times the catalog was scanned; tests use it to prove reuse. */
  computedCount = 0;

  /**
   * A view of `catalog` whose `suggest` answers from this memo. Starts one check: answers the previous
   * check did not ask for are dropped, which bounds the memo by the keys of the document.
   */
  view(catalog: SettingIndex): SettingIndex {
    if (catalog !== this.catalog) [this.catalog, this.kept, this.used] = [catalog, new Map(), new Map()];
    else [this.kept, this.used] = [this.used, new Map()];
    const view = Object.create(catalog) as SettingIndex;
    view.suggest = (key: string, max?: number) => this.suggest(catalog, key, max);
    return view;
  }

  private suggest(catalog: SettingIndex, key: string, max: number | undefined): string[] {
    const memoKey = `${max ?? ''}\n${key}`;
    let answer = this.used.get(memoKey) ?? this.kept.get(memoKey);
    if (!answer) {
      this.computedCount++;
      answer = catalog.suggest(key, max);
    }
    this.used.set(memoKey, answer);
    // A copy, so that a caller that changes the list cannot change the next check's answer.
    return [...answer];
  }
}

/** Per-document working state that outlives versions. */
export class DocumentState {
  readonly chunks = new ChunkCache();
  readonly suggestions = new SuggestionMemo();
}
